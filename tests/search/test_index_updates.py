"""Publishing, unpublishing, moving and deleting pages keep search right, on the configured
backend, through Wagtail's own actions (as the admin runs them)."""

import copy
import socket
import time

from django.core.management import call_command
from django.http import QueryDict

from wagtail.actions.move_page import MovePageAction
from wagtail.models import PageViewRestriction

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cases.models import CaseIndexPage
from search import services
from search.models import PendingIndexUpdate
from search.tasks import retry_delay, sync_search_index


def _found(query):
    params = services.SearchParams.from_querydict(QueryDict(query))
    return [item["title"] for item in services.search(params).results]


@pytest.fixture
def publish(search_index, django_capture_on_commit_callbacks):
    """Run an editor's action and let its after-commit work (the index task) happen."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            result = action()
        search_index.refresh()
        return result

    return run


@pytest.mark.django_db
def test_publish_and_unpublish(publish, case_factory):
    case = publish(lambda: case_factory(title="Tidal energy pilot", live=False))
    assert _found("q=tidal") == []
    publish(lambda: case.save_revision().publish())
    assert _found("q=tidal") == ["Tidal energy pilot"]

    case.title = "Tidal power pilot"
    publish(lambda: case.save_revision().publish())
    assert _found("q=tidal") == ["Tidal power pilot"]
    assert _found("q=energy") == []

    case.refresh_from_db()
    publish(case.unpublish)
    assert _found("q=tidal") == []
    assert services.search(services.SearchParams()).facets["type"][0]["count"] == 0


@pytest.mark.django_db
def test_moving_a_case_into_a_private_section_hides_it(publish, case_factory):
    case = publish(lambda: case_factory(title="Rainwater tanks"))
    home = CaseIndexPage.objects.get().get_parent()
    archive = home.add_child(instance=CaseIndexPage(title="Archive", slug="archive"))
    PageViewRestriction.objects.create(page=archive, restriction_type="login")
    assert _found("q=rainwater") == ["Rainwater tanks"]
    publish(lambda: MovePageAction(case, archive, pos="last-child").execute())
    assert _found("q=rainwater") == []
    assert _found("") == []


@pytest.mark.django_db
def test_delete(publish, case_factory):
    case = publish(lambda: case_factory(title="Flood barriers"))
    assert _found("q=flood") == ["Flood barriers"]
    publish(case.delete)
    assert _found("q=flood") == []
    assert not PendingIndexUpdate.objects.exists()


@pytest.mark.django_db
def test_update_index_command_shows_progress(search_index, case_factory, capsys):
    case_factory(title="Night markets")
    call_command("update_index")
    output = capsys.readouterr()
    assert "indexed" in (output.out + output.err)
    search_index.refresh()
    assert _found("q=night") == ["Night markets"]


# --- The engine cannot be reached --------------------------------------------------------------


def test_retries_back_off_and_are_capped(settings):
    settings.SEARCH_INDEX_RETRY_SECONDS = 2
    settings.SEARCH_INDEX_RETRY_MAX_SECONDS = 15
    assert [retry_delay(attempt) for attempt in range(1, 7)] == [2, 4, 8, 15, 15, 15]


@pytest.fixture
def engine_outage(settings):
    """Points the engine backend at a port where nothing listens (a stopped node) until
    `engine_outage.end()`, with the database task queue production uses."""
    live = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    down = copy.deepcopy(live)
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        down["default"]["URLS"] = [f"http://127.0.0.1:{probe.getsockname()[1]}"]
    settings.WAGTAILSEARCH_BACKENDS = down
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # Every retry is due 0.2 s after the failure before it, so a test waiting 0.5 s finds it due.
    settings.SEARCH_INDEX_RETRY_SECONDS = settings.SEARCH_INDEX_RETRY_MAX_SECONDS = 0.2

    class Outage:
        @staticmethod
        def end():
            settings.WAGTAILSEARCH_BACKENDS = live

    return Outage


def _work_off_queue():
    """What `db_worker` does, in this process: run every task that is due, then stop. (Only in
    transactional tests: the worker commits as it goes.)"""
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def _waiting_syncs():
    return DBTaskResult.objects.filter(
        task_path=sync_search_index.module_path, status=TaskResultStatus.READY
    )


@pytest.mark.engine
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_changes_wait_with_one_retry_while_the_engine_is_unreachable(
    search_index, engine_outage, case_factory
):
    for number in range(5):
        case_factory(title=f"Kelp farm {number}")
    # Five publishes ask for a sync; each later request finds the first one still waiting.
    assert _waiting_syncs().count() == 1
    for _ in range(3):  # the worker tries, fails and schedules the next try, three times
        time.sleep(0.5)
        _work_off_queue()
        assert _waiting_syncs().count() == 1
    pending = PendingIndexUpdate.objects.all()
    assert pending.count() == 5
    assert all(row.attempts >= 3 and "not ready" in row.last_error for row in pending)

    engine_outage.end()
    time.sleep(0.5)
    _work_off_queue()
    assert not PendingIndexUpdate.objects.exists()
    assert not _waiting_syncs().exists()
    search_index.refresh()
    assert _found("q=kelp") == [f"Kelp farm {number}" for number in range(5)]
