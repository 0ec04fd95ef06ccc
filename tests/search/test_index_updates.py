"""Publishing, unpublishing, moving and deleting pages keep search right, on the configured
backend, through Wagtail's own actions (as the admin runs them)."""

from django.core.management import call_command
from django.http import QueryDict

from wagtail.actions.move_page import MovePageAction
from wagtail.models import PageViewRestriction

import pytest

from cases.models import CaseIndexPage
from search import services
from search.models import PendingIndexUpdate


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
