"""Editors publish while the search engine is down: nothing is lost, one retry waits at a time,
and the index catches up soon after the engine is back, worked off by a real `db_worker`."""

import time

from django.http import QueryDict

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from search import services
from search.models import PendingIndexUpdate
from search.tasks import sync_search_index
from tests.factories import CasePageFactory
from tests.search.conftest import SearchIndex

from .conftest import record_figure, wait_until

pytestmark = [pytest.mark.engine, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _found(query):
    params = services.SearchParams.from_querydict(QueryDict(query))
    return sorted(item["id"] for item in services.search(params).results)


def _syncs(**filters):
    return DBTaskResult.objects.filter(task_path=sync_search_index.module_path, **filters)


@pytest.fixture
def index(engine_node):
    SearchIndex._created = False  # a fresh index for this test
    index = SearchIndex()
    index.reset()
    yield index
    SearchIndex._created = False


def test_the_index_converges_soon_after_the_engine_returns(engine_node, index, start_worker):
    worker = start_worker("w1")
    ferries = CasePageFactory(title="Harbour ferries")
    wait_until(lambda: not PendingIndexUpdate.objects.exists(), "the first publish to be indexed")
    index.refresh()
    assert _found("q=ferries") == [ferries.pk]

    engine_node.stop()
    # Editors keep publishing (and unpublishing) while the engine is down.
    kelp = [CasePageFactory(title=f"Kelp farm {number}").pk for number in range(10)]
    ferries.unpublish()
    wait_until(
        lambda: PendingIndexUpdate.objects.filter(attempts=0).count() == 0,
        "the worker to try every pending change",
    )
    # However many changes and failed tries: one retry waits, never a pile of them.
    waiting = []
    for _ in range(20):
        waiting.append(_syncs(status=TaskResultStatus.READY).count())
        time.sleep(0.25)
    assert max(waiting) <= 1, waiting
    assert PendingIndexUpdate.objects.values("page_id").distinct().count() == 11

    engine_node.start()
    back = time.monotonic()
    wait_until(lambda: not PendingIndexUpdate.objects.exists(), "the index to catch up")
    caught_up = time.monotonic() - back
    assert worker.alive, worker.output()
    index.refresh()
    assert _found("q=kelp") == sorted(kelp)
    assert _found("q=ferries") == []
    assert _syncs(status=TaskResultStatus.READY).count() <= 1
    record_figure(
        "engine_outage",
        seconds_from_engine_healthy_to_index_caught_up=round(caught_up, 1),
        sync_tasks_queued_in_all=_syncs().count(),
        publishes_during_outage=11,
    )
