"""Search tests run on whichever backend the settings select: the database backend (SQLite or
PostgreSQL) by default, or a real Elasticsearch/OpenSearch node with SEARCH_BACKEND and
SEARCH_URL (see `make test-all`). Tests marked `engine` need the engine and are skipped
without it; with SEARCH_BACKEND set, an unreachable engine is an error, never a skip."""

import os

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest
from modelsearch.index import get_indexed_models

ENGINE = os.environ.get("SEARCH_BACKEND", "database") != "database"


def pytest_collection_modifyitems(config, items):
    if ENGINE:
        return
    skip = pytest.mark.skip(reason="needs a search engine (SEARCH_BACKEND=opensearch2)")
    for item in items:
        if "engine" in item.keywords:
            item.add_marker(skip)


class SearchIndex:
    """The index the tests search. On an engine it starts empty for every test (the database
    is rolled back between tests, the engine is not), and `refresh()` makes what was just
    written searchable, as the engine does by itself about once a second."""

    def __init__(self):
        self.backend = get_search_backend()
        self.engine = ENGINE

    _created = False

    def reset(self):
        if not self.engine:
            return
        index = self.backend.get_index_for_model(Page)
        if not SearchIndex._created:
            # Once per run: a fresh index with Wagtail's mappings for every page type.
            if index.is_alias():  # left by an atomic `update_index`
                for name in self.backend.es.indices.get_alias(name=index.name):
                    self.backend.es.indices.delete(index=name)
            index.reset()
            for model in get_indexed_models():
                if issubclass(model, Page):
                    index.add_model(model)
            SearchIndex._created = True
        else:
            # Emptying it is much quicker than recreating it for every test. (The minimal
            # OpenSearch distribution has no _delete_by_query: that lives in a module.)
            index.refresh()
            hits = self.backend.es.search(
                index=index.name, body={"query": {"match_all": {}}, "size": 10000, "_source": False}
            )["hits"]["hits"]
            if hits:
                actions = [{"delete": {"_index": index.name, "_id": hit["_id"]}} for hit in hits]
                self.backend.es.bulk(body=actions, refresh=True)

    def refresh(self):
        if self.engine:
            self.backend.get_index_for_model(Page).refresh()


@pytest.fixture
def search_index(db):
    index = SearchIndex()
    index.reset()
    return index
