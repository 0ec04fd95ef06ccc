"""Seeding indexes in bounded, retried chunks, and a re-run indexes what the index is missing:
on the database backend and on a real engine."""

from io import StringIO

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from wagtail.models import Page
from wagtail.search.models import IndexEntry

import pytest

from articles.models import ArticlePage
from cases.models import CasePage
from search import indexing

pytestmark = pytest.mark.django_db


def _seed(**options):
    err = StringIO()
    call_command(
        "seed_demo",
        cases=12,
        articles=2,
        researchers=2,
        seed=5,
        stdout=StringIO(),
        stderr=err,
        **options,
    )
    return err.getvalue()


def _indexed(search_index, model):
    """The ids of `model` the index holds, asked of the index itself."""
    search_index.refresh()
    backend = search_index.backend
    if search_index.engine:
        index = backend.get_index_for_model(model)
        content_type = f"{model._meta.app_label}.{model.__name__}"
        hits = backend.es.search(
            index=index.name,
            body={
                "query": {"term": {"_django_content_type": content_type}},
                "size": 1000,
                "_source": False,
            },
        )["hits"]["hits"]
        return {int(hit["_id"]) for hit in hits}
    content_type = ContentType.objects.get_for_model(model)
    return {
        int(pk)
        for pk in IndexEntry.objects.filter(content_type=content_type).values_list(
            "object_id", flat=True
        )
    }


def _drop_from_index(search_index, pages):
    backend = search_index.backend
    for page in pages:
        backend.delete(page)
    search_index.refresh()


def test_a_rerun_indexes_what_an_interrupted_run_left_out(search_index):
    output = _seed()
    cases = set(CasePage.objects.values_list("pk", flat=True))
    assert _indexed(search_index, CasePage) == cases
    assert "Indexing cases" in output  # the progress bar

    # Some pages went missing from the index (a run stopped half-way, a lost engine disk):
    # a second run seeds nothing new and indexes exactly those.
    lost = list(CasePage.objects.order_by("pk")[:5])
    _drop_from_index(search_index, lost)
    assert _indexed(search_index, CasePage) == cases - {page.pk for page in lost}
    assert indexing.index_missing([CasePage, ArticlePage]) == {CasePage: 5, ArticlePage: 0}
    assert _indexed(search_index, CasePage) == cases
    assert indexing.index_missing([CasePage, ArticlePage]) == {CasePage: 0, ArticlePage: 0}


def test_seeding_without_indexing_then_again_with_it(search_index):
    _seed(no_index=True)
    assert not _indexed(search_index, CasePage)
    _seed()
    assert _indexed(search_index, CasePage) == set(CasePage.objects.values_list("pk", flat=True))
    assert _indexed(search_index, ArticlePage) == set(
        ArticlePage.objects.values_list("pk", flat=True)
    )


@pytest.mark.engine
def test_no_request_to_the_engine_carries_more_than_a_chunk(search_index, monkeypatch):
    """The run that failed at 2,000 cases sent them in one bulk request that timed out."""
    _seed(no_index=True)
    backend = search_index.backend
    sizes = []
    send = type(backend).bulk

    def bulk(self, client, actions, **kwargs):
        sizes.append(len(actions))
        return send(self, client, actions, **kwargs)

    monkeypatch.setattr(type(backend), "bulk", bulk)
    monkeypatch.setattr(indexing, "ENGINE_CHUNK", 5)
    indexing.index_missing([CasePage, ArticlePage])
    assert sizes == [5, 5, 2, 2]
    assert _indexed(search_index, CasePage) == set(CasePage.objects.values_list("pk", flat=True))


@pytest.mark.engine
def test_a_chunk_the_engine_refuses_is_tried_again(search_index):
    """The engine refuses writes (a real write block on the index) for the first try; the
    chunk goes through on the next one."""
    _seed(no_index=True)
    backend = search_index.backend
    name = backend.get_index_for_model(Page).name
    backend.es.indices.put_settings(index=name, body={"index.blocks.write": True})
    waits = []

    def wait(seconds):
        waits.append(seconds)
        backend.es.indices.put_settings(index=name, body={"index.blocks.write": False})

    try:
        added = indexing.index_missing([CasePage], pause=0.5, wait=wait)
    finally:
        backend.es.indices.put_settings(index=name, body={"index.blocks.write": False})
    assert added == {CasePage: 12}
    assert waits == [0.5]
    assert _indexed(search_index, CasePage) == set(CasePage.objects.values_list("pk", flat=True))
