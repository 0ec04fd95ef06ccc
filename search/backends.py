"""Where the search runs: the database (SQLite FTS5 or PostgreSQL full-text search,
`search.database`), or Elasticsearch/OpenSearch (`search.engine`). Both answer the same
question for `search.services`: the page ids of one page of hits, the total, and the count of
every facet value. Nothing outside the search app knows which one is in use."""

from dataclasses import dataclass, field

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend

from .services import TYPES, FacetCounts, restricted_paths


@dataclass
class Hits:
    count: int
    page_ids: list
    facet_counts: FacetCounts
    # "case" or "article" for each id in page_ids, so loading them skips the other type.
    types: dict = field(default_factory=dict)


def get_backend():
    wagtail_backend = get_search_backend()
    if isinstance(wagtail_backend, ElasticsearchBaseSearchBackend):
        from .engine import EngineSearch

        return EngineSearch(wagtail_backend)
    from .database import DatabaseSearch

    return DatabaseSearch(wagtail_backend)


def database_backend():
    """The database search, whatever the configured backend: without text it lists and
    counts from the page tables alone, so it stands in while an engine is down."""
    from .database import DatabaseSearch

    return DatabaseSearch(None)


def autocomplete(wagtail_backend, text, limit):
    """Up to `limit` live, public cases and articles whose titles start like `text`."""
    queryset = Page.objects.live().type(*TYPES.values())
    for path in restricted_paths():
        queryset = queryset.exclude(path__startswith=path)
    return list(wagtail_backend.autocomplete(text, queryset)[:limit])
