"""With the real OpenSearch node stopped, every page and endpoint that searches answers 503
with a clear message, or lists from the database where that needs no text; none answers 500.

The node is a second one on its own port (the fixtures of test_engine.py), so stopping it
does not disturb the other engine tests."""

import copy

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

import pytest

from tests.factories import CasePageFactory
from tests.search.conftest import SearchIndex
from tests.search.test_engine import _node, second_node  # noqa: F401

pytestmark = pytest.mark.engine

MESSAGE = "Search is unavailable for a moment"


def _json_503(response):
    assert response.status_code == 503, (response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    assert MESSAGE in response.json()["message"]
    assert response["Retry-After"]


@pytest.fixture
def stopped_engine(second_node, client):  # noqa: F811
    """Two cases indexed on the second node, which is then stopped. (A stopped node refuses
    connections at once; the timeout only matters while it runs, on a busy machine.)"""
    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    backends["default"].update(URLS=[second_node], INDEX_PREFIX="closercities_outage_", TIMEOUT=30)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        SearchIndex._created = False
        index = SearchIndex()
        index.reset()
        cases = [
            CasePageFactory(title="Kelp farming", sdgs=[14], topics=["food"], country="NO"),
            CasePageFactory(title="Harbour ferries", sdgs=[11], topics=["mobility"], country="NO"),
        ]
        call_command("update_index", verbosity=0)
        index.refresh()
        # The engine answers while it runs.
        assert client.get("/api/v2/search/?q=kelp").json()["count"] == 1
        _node("stop")  # the module's `second_node` fixture has nothing left to stop
        yield cases
    SearchIndex._created = False


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_engine_stopped_nothing_that_searches_answers_500(client, stopped_engine):
    kelp, ferries = stopped_engine

    # The case index lists from the database when it has no text: every case, and the facet
    # counts, as with the engine.
    response = client.get("/cases/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kelp farming" in html and "Harbour ferries" in html
    response = client.get("/cases/?sdg=14")
    assert response.status_code == 200
    assert response.context["search"].count == 1
    assert [item["id"] for item in response.context["search"].results] == [kelp.pk]
    sdg_counts = {item["value"]: item["count"] for item in response.context["facets"]["sdg"]}
    assert sdg_counts[14] == 1 and sdg_counts[11] == 1

    # With text it needs the engine: 503 and a message beside a way back to every case.
    response = client.get("/cases/?q=kelp")
    assert response.status_code == 503
    assert MESSAGE in response.content.decode()

    # The platform's own search: page and API.
    assert client.get("/search/?q=kelp").status_code == 503
    _json_503(client.get("/api/v2/search/?q=kelp"))
    _json_503(client.get("/api/v2/search/suggest/?q=kel"))

    # Wagtail's pages APIs with ?search=, v2 and v3.
    _json_503(client.get("/api/v2/pages/?search=kelp"))
    _json_503(client.get("/api/v3/pages/?search=kelp"))

    # Reading without search still works from the database.
    assert client.get("/api/v2/pages/?type=cases.CasePage").status_code == 200
    assert client.get(kelp.url).status_code == 200
