"""The database search backend (SQLite FTS5, PostgreSQL full-text search): the words are
matched and ranked inside the database in one query, every facet is counted there, and a
search is one SQL statement whatever the number of pages."""

from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

import pytest

from search import services
from search.backends import get_backend
from search.database import Statement
from search.ranking import keyword_ranking

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _database_only(search_index):
    if search_index.engine:
        pytest.skip("the database backend's queries")


def _params(query):
    return services.SearchParams.from_querydict(QueryDict(query))


def _plan(sql, params=()):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # With a few rows the planner reads tables whole; make it show what it can use.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
            return "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(row[-1] for row in cursor.fetchall())


def test_hits_total_and_every_facet_come_from_one_statement(case_factory):
    """The text match, the facet counts and one page of hits: one SQL statement, with 3 pages
    as with 12 (the content types are read once per process)."""
    for number in range(3):
        case_factory(title=f"Water kiosk {number}", sdgs=[6], topics=["water"], country="KE")
    backend = get_backend()
    params = _params("q=water&sdg=6&topic=water&country=KE,PE")
    backend.search(params, [])  # content types, once per process
    with CaptureQueriesContext(connection) as small:
        assert backend.search(params, []).count == 3
    for number in range(9):
        case_factory(
            title=f"Water tower {number}", sdgs=[6, 11], topics=["water", "energy"], country="PE"
        )
    with CaptureQueriesContext(connection) as large:
        assert backend.search(params, []).count == 12
    assert len(small) == len(large) == 1


def test_the_words_are_matched_and_ranked_in_one_query(case_factory):
    """No query per hit (Wagtail's SQLite backend ranked with a correlated subquery that ran the
    text match again for every hit); on PostgreSQL the match is `(title || body) @@ query`,
    which the GIN index of migration search.0002 serves."""
    case_factory(title="Rainwater harvesting", summary="Roofs that collect water")
    ranking = keyword_ranking(None)
    sql, params = Statement(_params("q=water&sdg=6"), [], ranking, ["water"]).build()
    plan = _plan(sql, params)
    assert "CORRELATED" not in plan, plan
    if connection.vendor == "postgresql":
        assert "(e.title || e.body) @@ to_tsquery(" in ranking.sql(["water"], [], "en")[0]
        # Every language: the words as each configuration reads them (joined with ||), on the
        # same indexed expression.
        assert "(e.title || e.body) @@ (to_tsquery(" in ranking.sql(["water"], [])[0]
        # With a handful of rows the planner prefers other indexes for the whole statement;
        # on the expression alone it shows that it can use this one.
        plan = _plan(
            "SELECT id FROM wagtailsearch_indexentry e WHERE (e.title || e.body) @@ to_tsquery(%s)",
            ["water"],
        )
        assert "search_indexentry_title_body_gin" in plan, plan
    else:
        assert "VIRTUAL TABLE INDEX" in plan, plan


def test_a_match_in_the_title_ranks_above_one_in_the_text(client, case_factory):
    body = case_factory(title="Neighbourhood gardens", summary="Gardens that hold rainwater")
    title = case_factory(title="Rainwater tanks", summary="Tanks for every school")
    neither = case_factory(title="Bus lanes", summary="Faster buses")
    results = client.get("/api/v2/search/?q=rainwater").json()["results"]
    assert [item["id"] for item in results] == [title.pk, body.pk]
    assert neither.pk not in [item["id"] for item in results]


def test_every_word_must_match(client, case_factory):
    both = case_factory(title="Solar kiosks", summary="Water from solar pumps")
    case_factory(title="Solar roofs", summary="Panels on schools")
    results = client.get("/api/v2/search/?q=solar+water").json()["results"]
    assert [item["id"] for item in results] == [both.pk]


def test_events_join_the_one_statement(case_factory, event_factory):
    """A page type from the registry (events) is matched, filtered and counted in the same one
    SQL statement as cases and articles."""
    import datetime

    case_factory(title="Water kiosk", sdgs=[6], country="KE", start_year=2020)
    start = datetime.datetime(2031, 3, 1, 9, tzinfo=datetime.UTC)
    event_factory(
        title="Water forum", sdgs=[6], country="KE", start=start, end=start.replace(hour=17)
    )
    event_factory(title="Water webinar", sdgs=[6], country="FI", start=start, end=start)
    backend = get_backend()
    params = _params("q=water&sdg=6&country=KE&year_from=2031")
    backend.search(params, [])  # content types, once per process
    with CaptureQueriesContext(connection) as queries:
        hits = backend.search(params, [])
    assert len(queries) == 1
    assert hits.count == 1 and set(hits.types.values()) == {"event"}
    counts = hits.facet_counts.counts
    assert counts["type"] == {"event": 1}
    assert counts["country"] == {"KE": 1, "FI": 1}  # disjunctive: the other selections hold
    # The year counts leave out the year's own selection: the case (from 2020) counts there.
    assert counts["year"] == {2031: 1, 2020: 1}
