"""The database search backend on PostgreSQL: its text match can use an index."""

from django.db import connection

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

import pytest

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's full-text search only"
)


def _plan(sql, params=()):
    with connection.cursor() as cursor:
        # With a few rows the planner reads tables whole; make it show what it can use.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.django_db
def test_the_text_match_can_use_the_title_and_body_index(search_index, case_factory):
    """Wagtail matches `(title || body) @@ query`, and migration search.0002 indexes exactly
    that expression. If Wagtail ever matches differently, this fails: the index would be
    dead weight."""
    if search_index.engine:
        pytest.skip("the database backend's query")
    case_factory(title="Rainwater harvesting", summary="Roofs that collect water")
    results = get_search_backend().search(PlainText("water", operator="and"), Page.objects.live())
    wagtail_plan = _plan(*results.get_queryset().values("pk").query.sql_with_params())
    assert "(title || body) @@ to_tsquery" in wagtail_plan, wagtail_plan

    plan = _plan(
        "SELECT id FROM wagtailsearch_indexentry WHERE (title || body) @@ to_tsquery(%s)",
        ["water"],
    )
    assert "search_indexentry_title_body_gin" in plan, plan
