"""Indexing many pages at once (seeding demo content, catching up after an interrupted run):
only the pages the index is missing, in bounded chunks, each chunk retried with growing
pauses when the engine is slow or away, behind a progress bar.

So a run that stopped half-way (an engine timeout, Ctrl-C) is finished by running it again,
and no single request to an engine carries more than a few hundred pages."""

import time

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from modelsearch.index import RelatedFields, get_indexed_models
from tqdm import tqdm

from .services import is_engine_error

# Pages per request. An engine gets small requests (a few hundred case texts, about 1 MB,
# answered well within its timeout); the database backend is transactional and quicker with
# larger ones.
ENGINE_CHUNK = 200
DATABASE_CHUNK = 2000
# How often a chunk is tried again, and the first pause (doubling each time) in seconds.
RETRIES = 4
FIRST_PAUSE = 2.0
# Ids asked about per request when finding what the index is missing.
LOOKUP_CHUNK = 1000


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def is_engine(backend):
    return isinstance(backend, ElasticsearchBaseSearchBackend)


def ensure_index(backend):
    """An engine without the page index (a fresh node) gets it with Wagtail's mappings, as
    `update_index` would create it, rather than one the engine guesses from the first page."""
    if not is_engine(backend):
        return
    index = backend.get_index_for_model(Page)
    if index.exists():
        return
    index.put()
    for model in get_indexed_models():
        if issubclass(model, Page):
            index.add_model(model)


def indexed_ids(backend, model, ids):
    """Which of these ids of `model` the backend's index already holds."""
    found = set()
    if is_engine(backend):
        from .engine import EngineSearch

        engine = EngineSearch(backend)
        for chunk in _chunks(ids, LOOKUP_CHUNK):
            body = {
                "query": {"ids": {"values": [str(pk) for pk in chunk]}},
                "_source": False,
                "from": 0,
                "size": len(chunk),
            }
            hits = _retry(engine.raw_search, body)["hits"]["hits"]
            found.update(int(hit["_id"]) for hit in hits)
        return found
    content_type = ContentType.objects.get_for_model(model)
    for chunk in _chunks(ids, LOOKUP_CHUNK):
        rows = IndexEntry.objects.filter(
            content_type=content_type, object_id__in=[str(pk) for pk in chunk]
        ).values_list("object_id", flat=True)
        found.update(int(pk) for pk in rows)
    return found


def _retry(call, *args, pause=FIRST_PAUSE, wait=time.sleep, retries=RETRIES):
    """call(*args), tried again after 2, 4, 8, 16 s (`wait`s of `pause` doubling) when the
    engine fails; other errors are raised at once."""
    for attempt in range(retries + 1):
        try:
            return call(*args)
        except Exception as error:
            if attempt == retries or not is_engine_error(error):
                raise
            wait(pause * 2**attempt)
    return None  # not reached


def _related(model):
    """Relations the index reads for every page (SDGs, topics): fetched once per chunk."""
    return [
        field.field_name for field in model.get_search_fields() if isinstance(field, RelatedFields)
    ]


def index_missing(models, stream=None, pause=FIRST_PAUSE, wait=time.sleep):
    """Add every page of `models` that an auto-updated search index is missing, in chunks,
    with a progress bar on `stream` (none without one). Returns {model: pages added}.
    A failing chunk is tried again after `wait(seconds)`, `pause` seconds at first."""
    added = {}
    for backend in get_search_backends(with_auto_update=True):
        ensure_index(backend)
        chunk_size = ENGINE_CHUNK if is_engine(backend) else DATABASE_CHUNK
        for model in models:
            ids = list(model.get_indexed_objects().order_by("pk").values_list("pk", flat=True))
            missing = sorted(set(ids) - indexed_ids(backend, model, ids))
            label = f"Indexing {model._meta.verbose_name_plural}"
            with tqdm(
                total=len(missing), desc=label, unit="page", file=stream, disable=stream is None
            ) as bar:
                for chunk in _chunks(missing, chunk_size):
                    pages = model.get_indexed_objects().filter(pk__in=chunk)
                    pages = list(pages.prefetch_related(*_related(model)))
                    _retry(backend.add_bulk, model, pages, pause=pause, wait=wait)
                    bar.update(len(chunk))
            added[model] = added.get(model, 0) + len(missing)
    return added
