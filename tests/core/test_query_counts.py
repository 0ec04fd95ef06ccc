"""Production's query counts with its fallback cache, the database table (no REDIS_URL): the
pages listing costs the same few SQL queries whatever its `limit`, and a cached answer costs
the same few cache-table queries, whatever the page."""

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories import ResearcherFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_cache(settings, monkeypatch):
    from closercities.settings import env

    monkeypatch.delenv("REDIS_URL", raising=False)
    settings.CACHES = env.cache()
    assert settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache")
    call_command("createcachetable")


@pytest.fixture
def content(case_factory, article_factory):
    cases = [
        case_factory(
            sdgs=[1, 3],
            topics=["health", "mobility"],
            actors=[{"organisation": f"Actor {n}", "sector": "ngo", "role": "Lead"}],
        )
        for n in range(8)
    ]
    researchers = [ResearcherFactory(), ResearcherFactory()]
    for _ in range(8):
        article_factory(authors=researchers, related_cases=cases[:4], sdgs=[3, 11])


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    # The test's own transaction wraps the cache's writes in savepoints; production has none.
    statements = [q["sql"] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]
    return len(statements), response


@pytest.mark.parametrize("page_type", ["cases.CasePage", "articles.ArticlePage"])
def test_listing_queries_do_not_grow_with_limit_on_the_database_cache(
    client, database_cache, content, page_type
):
    counts = []
    for limit in (1, 4, 8):
        cache.clear()
        count, response = _queries(
            client, f"/api/v2/pages/?type={page_type}&fields=*&limit={limit}"
        )
        assert len(response.json()["items"]) == limit
        counts.append(count)
    assert counts[0] == counts[1] == counts[2], counts


@pytest.mark.parametrize("limit", [1, 8])
def test_a_cached_answer_costs_the_same_few_cache_queries(client, database_cache, content, limit):
    url = f"/api/v2/pages/?type=cases.CasePage&fields=*&limit={limit}"
    client.get(url)
    count, _ = _queries(client, url)
    # One read brings both windows' counters, the content version and the body; the count is
    # written back (three statements: Django's database cache counts its rows on every
    # write). Nothing else: no content query.
    assert count == 4, count
