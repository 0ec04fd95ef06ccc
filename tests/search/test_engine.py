"""Behaviour only a real Elasticsearch/OpenSearch node shows: typo tolerance, one request per
search, and an index that catches up after the engine was down. Run by `make test-all`
against the node `scripts/opensearch.sh` starts."""

import copy
import os
import shutil
import subprocess
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.http import QueryDict
from django.test import override_settings

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest

from search import services
from search.models import PendingIndexUpdate
from tests.factories import CasePageFactory

pytestmark = pytest.mark.engine

REPO = Path(__file__).resolve().parents[2]


def _search(query):
    return services.search(services.SearchParams.from_querydict(QueryDict(query)))


def _search_requests(index_name):
    """How many searches the engine has run on the index (its own statistics)."""
    stats = get_search_backend().es.indices.stats(index=index_name, metric="search")
    return stats["_all"]["primaries"]["search"]["query_total"]


@pytest.mark.django_db
def test_a_one_letter_typo_still_finds_the_case(search_index, case_factory):
    case_factory(title="Shared mobility hubs", summary="Bikes, scooters and buses at one stop.")
    case_factory(title="Rooftop farms", summary="Vegetables grown on flat roofs.")
    search_index.refresh()
    assert [item["title"] for item in _search("q=mobilty").results] == ["Shared mobility hubs"]
    assert [item["title"] for item in _search("q=rooftpo").results] == ["Rooftop farms"]
    # Words under five letters must match exactly, or "bus" would also find "bug".
    assert _search("q=rofs").count == 0
    assert _search("q=roofs").count == 1


@pytest.mark.django_db
def test_hits_and_every_facet_come_from_one_engine_request(client, search_index, case_factory):
    case_factory(title="Bus lanes", sdgs=[11], topics=["mobility"], country="PE")
    case_factory(title="Bus depots", sdgs=[7, 11], topics=["energy"], country="CL")
    search_index.refresh()
    index_name = search_index.backend.get_index_for_model(Page).name
    before = _search_requests(index_name)
    response = client.get("/api/v2/search/?q=bus&sdg=11&topic=mobility&country=PE")
    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert _search_requests(index_name) - before == 1


@pytest.mark.django_db
def test_update_index_rebuilds_from_the_database(search_index, case_factory):
    case = case_factory(title="Floating schools")
    backend = get_search_backend()
    backend.get_index_for_model(Page).reset()  # an empty index, as after a lost disk
    assert _search("q=floating").count == 0
    call_command("update_index", verbosity=0)
    search_index.refresh()
    assert [item["id"] for item in _search("q=floating").results] == [case.pk]
    type(search_index)._created = False  # the next test starts from a fresh index again


# --- The engine goes down and comes back -------------------------------------------------
# A second node on its own port, so stopping it does not disturb the other tests.

DOWN_PORT = os.environ.get("SEARCH_TEST_DOWN_PORT", "9289")
DOWN_BASE = REPO / ".opensearch" / "enginedown"


def _node(command):
    DOWN_BASE.mkdir(parents=True, exist_ok=True)
    downloads = DOWN_BASE / "downloads"
    if not downloads.exists():
        # The first node's downloads, so the second one is assembled without the network.
        shutil.copytree(REPO / ".opensearch" / "downloads", downloads)
    env = dict(
        os.environ,
        OPENSEARCH_PORT=DOWN_PORT,
        OPENSEARCH_HOME_BASE=str(DOWN_BASE),
        OPENSEARCH_CLUSTER_NAME="closercities-enginedown",
        OPENSEARCH_HEAP="512m",
    )
    result = subprocess.run(  # noqa: S603
        [str(REPO / "scripts" / "opensearch.sh"), command],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture(scope="module")
def second_node():
    _node("start")
    yield f"http://127.0.0.1:{DOWN_PORT}"
    _node("stop")


@pytest.fixture
def on_second_node(second_node):
    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    backends["default"]["URLS"] = [second_node]
    backends["default"]["INDEX_PREFIX"] = "closercities_enginedown_"
    backends["default"]["TIMEOUT"] = 2
    with override_settings(
        WAGTAILSEARCH_BACKENDS=backends,
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
        SEARCH_INDEX_RETRY_SECONDS=1,
    ):
        from tests.search.conftest import SearchIndex

        SearchIndex._created = False
        index = SearchIndex()
        index.reset()
        yield index
    SearchIndex._created = False


def _work_off_queue():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_while_the_engine_is_down_catches_up_when_it_is_back(on_second_node, client):
    index = on_second_node
    old = CasePageFactory(title="Harbour ferries", summary="Electric ferries across the harbour.")
    _work_off_queue()
    index.refresh()
    assert [item["id"] for item in _search("q=ferries").results] == [old.pk]

    _node("stop")
    # Editors keep working: publishing and unpublishing succeed with the engine down.
    new = CasePageFactory(title="Kelp farming", summary="Seaweed farms clean the fjord.")
    old.unpublish()
    assert Page.objects.get(pk=new.pk).live
    # Visitors get a clear answer instead of an error page.
    response = client.get("/api/v2/search/?q=kelp")
    assert response.status_code == 503
    assert "unavailable" in response.json()["message"]
    assert client.get("/search/?q=kelp").status_code == 503
    _work_off_queue()  # the worker tries, fails, and schedules another try
    pending = PendingIndexUpdate.objects.all()
    assert {row.page_id for row in pending} >= {new.pk, old.pk}
    assert all(row.attempts >= 1 and row.last_error for row in pending)

    _node("start")
    for _ in range(30):  # the retry is scheduled a second later; the worker picks it up
        _work_off_queue()
        if not PendingIndexUpdate.objects.exists():
            break
        time.sleep(1)
    assert not PendingIndexUpdate.objects.exists()
    index.refresh()
    assert [item["id"] for item in _search("q=kelp").results] == [new.pk]
    assert _search("q=ferries").count == 0
