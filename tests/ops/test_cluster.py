"""Past one machine: the site on a 3-node OpenSearch cluster (`scripts/opensearch.sh cluster`)
keeps answering searches while the elected cluster manager crashes and comes back, and every
page published meanwhile ends up in the index. Run by `make test-cluster` (in `make test-all`)."""

import os
import subprocess
import threading
import time
import urllib.error
import urllib.request

from django.conf import settings as django_settings
from django.http import QueryDict

import pytest

from search import services
from search.models import PendingIndexUpdate
from tests.factories import CasePageFactory
from tests.search.conftest import SearchIndex

from .conftest import ROOT, record_figure, unavailable, wait_until

pytestmark = [pytest.mark.engine, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

URLS = django_settings.WAGTAILSEARCH_BACKENDS["default"].get("URLS", [])


def cluster(*args):
    """scripts/opensearch.sh cluster …, on the ports of the nodes SEARCH_URL lists."""
    env = dict(os.environ, OPENSEARCH_CLUSTER_HTTP_PORT=URLS[0].rsplit(":", 1)[1].strip("/"))
    result = subprocess.run(  # noqa: S603
        [str(ROOT / "scripts" / "opensearch.sh"), "cluster", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip()


def _get(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except OSError as error:  # refused or timed out: no answer at all
        return None, str(error)


def _elected_manager(excluding):
    """The node number a surviving node names as the elected cluster manager, or None."""
    for number, url in enumerate(URLS, start=1):
        if number == excluding:
            continue
        status, body = _get(f"{url}/_cat/cluster_manager?h=node", timeout=2)
        name = body.strip()
        if status == 200 and name and not name.endswith(f"-node-{excluding}"):
            return name
    return None


class Searcher(threading.Thread):
    """A visitor searching without pause through the site's API, noting every answer."""

    def __init__(self, base_url):
        super().__init__(daemon=True)
        self.base_url = base_url
        self.answers = []  # (started at, HTTP status or None)
        self.running = True

    def run(self):
        number = 0
        while self.running:
            number += 1  # a new query each time: no cache can answer for the engine
            started = time.monotonic()
            status, _ = _get(f"{self.base_url}/api/v2/search/?q=kelp+{number}", timeout=30)
            self.answers.append((started, status))
            time.sleep(0.05)


def _found(query):
    params = services.SearchParams.from_querydict(QueryDict(query))
    return sorted(item["id"] for item in services.search(params).results)


@pytest.fixture
def on_cluster(settings):
    if len(URLS) < 3:
        unavailable("needs the 3-node cluster in SEARCH_URL (make test-cluster)")
    settings.API_ANON_THROTTLE_RATE = "1000000/minute"
    SearchIndex._created = False
    index = SearchIndex()
    index.reset()
    status, body = _get(f"{URLS[0]}/_cluster/health?wait_for_status=green&timeout=120s", 130)
    assert status == 200 and '"status":"green"' in body, body
    yield index
    SearchIndex._created = False


def test_searches_and_publishes_survive_a_node_crash(on_cluster, live_server, start_worker):
    index = on_cluster
    start_worker("w1")
    published = [CasePageFactory(title=f"Kelp farm {number}").pk for number in range(3)]
    wait_until(lambda: not PendingIndexUpdate.objects.exists(), "the first publishes")

    searcher = Searcher(live_server.url)
    searcher.start()
    wait_until(lambda: len(searcher.answers) >= 5, "the first searches")

    manager = int(cluster("manager"))
    killed_at = time.monotonic()
    cluster("kill", str(manager))
    # Editors keep publishing while the cluster elects a new manager and recovers.
    published.append(CasePageFactory(title="Kelp farm during the crash").pk)
    wait_until(lambda: _elected_manager(excluding=manager), "a new cluster manager", every=0.1)
    elected_at = time.monotonic()
    published += [CasePageFactory(title=f"Kelp farm {number}").pk for number in range(3, 8)]

    restarted_at = time.monotonic()
    cluster("start-node", str(manager))
    rejoined_at = time.monotonic()
    published += [CasePageFactory(title=f"Kelp farm {number}").pk for number in range(8, 10)]
    time.sleep(2)  # a few more searches with all three nodes back
    searcher.running = False
    searcher.join(timeout=60)

    wait_until(lambda: not PendingIndexUpdate.objects.exists(), "the index to catch up")
    caught_up_at = time.monotonic()
    index.refresh()
    assert _found("q=kelp") == sorted(published)  # no publish lost

    after_election = [status for started, status in searcher.answers if started >= elected_at]
    before_election = [status for started, status in searcher.answers if started < elected_at]
    assert after_election, "no search ran after the election"
    assert all(status == 200 for status in after_election), sorted(set(after_election) - {200})
    record_figure(
        "cluster_node_crash",
        killed_node_was_cluster_manager=True,
        seconds_from_kill_to_new_manager=round(elected_at - killed_at, 1),
        seconds_to_restart_and_rejoin=round(rejoined_at - restarted_at, 1),
        seconds_from_rejoin_to_index_caught_up=round(caught_up_at - rejoined_at, 1),
        searches=len(searcher.answers),
        searches_before_election_not_200=sum(status != 200 for status in before_election),
        searches_after_election_not_200=sum(status != 200 for status in after_election),
        publishes=len(published),
    )
