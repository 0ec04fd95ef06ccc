"""Moderation never says "published" when nothing was published: two approvals of the same
review at the same moment, through the real admin views, on PostgreSQL with real commits.

The first request is held inside its publish (a page_published receiver waits) until the second
request is blocked on a database lock or done; then the first goes on. Whatever the order, the
case is published once, the submission says so once, and the submitter gets one email."""

import json
import threading
import time

from django.core import mail
from django.db import connection
from django.test import Client

from wagtail.models import PageLogEntry, TaskState, WorkflowState
from wagtail.signals import page_published

import pytest

from cases.models import CasePage
from submissions.models import Submission, SubmissionStatus

from .conftest import CASES_API, case_payload
from .editor import edit_url, editor_data, review_action, workflow_action_url

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _submit():
    response = Client().post(CASES_API, case_payload(), content_type="application/json")
    assert response.status_code == 201, response.content
    return Submission.objects.get(token=response.json()["token"])


def _someone_waits_for_a_lock():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


class Race:
    """Run `first` and `second` (each a callable taking a logged-in Client) in threads, the
    second one started while the first is publishing."""

    def __init__(self, user, second_user=None):
        self.users = {"first": user, "second": second_user or user}
        self.publishing = threading.Event()
        self.release = threading.Event()
        self.responses = {}
        self.errors = {}

    def _hold_the_first_publish(self, sender, instance, **kwargs):
        if threading.current_thread().name == "first":
            self.publishing.set()
            self.release.wait(120)

    def _run(self, name, request):
        client = Client()
        client.force_login(self.users[name])
        try:
            self.responses[name] = request(client)
        except Exception as error:  # noqa: BLE001 - reported by the test
            self.errors[name] = error
        finally:
            connection.close()

    def run(self, first, second):
        page_published.connect(self._hold_the_first_publish, sender=CasePage)
        threads = {
            name: threading.Thread(target=self._run, args=(name, request), name=name)
            for name, request in (("first", first), ("second", second))
        }
        try:
            threads["first"].start()
            assert self.publishing.wait(120), "the first approval never reached its publish"
            threads["second"].start()
            # Until the second request waits on the first one's locks (or has answered). The
            # deadline only keeps a broken run from hanging the suite.
            deadline = time.monotonic() + 120
            while threads["second"].is_alive() and not _someone_waits_for_a_lock():
                assert time.monotonic() < deadline, "the second request neither waited nor ended"
                time.sleep(0.02)
        finally:
            self.release.set()
            for thread in threads.values():
                thread.join(120)
            page_published.disconnect(self._hold_the_first_publish, sender=CasePage)
        assert not self.errors, self.errors
        return self.responses["first"], self.responses["second"]


def _assert_published_once(submission, moderator, comment=""):
    page = CasePage.objects.get(pk=submission.page_id)
    assert page.live
    assert not page.has_unpublished_changes  # the second request saved no stale draft
    assert page.live_revision_id == page.latest_revision_id
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_APPROVED
    [approval] = state.task_states.filter(status=TaskState.STATUS_APPROVED)
    assert (approval.finished_by, approval.comment) == (moderator, comment)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    assert [(e.status, e.user, e.comment) for e in submission.log.all()] == [
        ("received", None, ""),
        ("approved", moderator, comment),
    ]
    to_submitter = [m for m in mail.outbox if m.to == ["ada.private@example.org"]]
    assert len(to_submitter) == 1
    assert "now published" in to_submitter[0].body
    assert Client().get(page.get_url()).status_code == 200


def test_two_approvals_from_the_page_editor_publish_once(moderator):
    submission = _submit()
    reader = Client()
    reader.force_login(moderator)
    approve = review_action(editor_data(reader, submission.page_id))
    mail.outbox.clear()

    def approve_then_reopen(client):
        response = client.post(edit_url(submission.page_id), approve)
        return response, client.get(edit_url(submission.page_id)).content.decode()

    first, (second, reopened) = Race(moderator).run(
        lambda client: client.post(edit_url(submission.page_id), approve),
        approve_then_reopen,
    )

    assert first.status_code == 302
    assert second.status_code == 302  # answered cleanly, not a 500
    assert second["Location"] == edit_url(submission.page_id)
    assert "was already decided; nothing was changed" in reopened
    _assert_published_once(submission, moderator)


def test_the_editors_autosave_carrying_the_approval_changes_nothing(moderator):
    submission = _submit()
    reader = Client()
    reader.force_login(moderator)
    approve = review_action(editor_data(reader, submission.page_id))
    mail.outbox.clear()

    first, autosave = Race(moderator).run(
        lambda client: client.post(edit_url(submission.page_id), approve),
        lambda client: client.post(
            edit_url(submission.page_id), approve, HTTP_ACCEPT="application/json"
        ),
    )

    assert first.status_code == 302
    assert autosave.status_code == 400
    assert json.loads(autosave.content)["error_code"] == "review_action_not_autosaved"
    _assert_published_once(submission, moderator)


def test_two_moderators_approving_from_the_dashboard_publish_once(moderator, django_user_model):
    from django.contrib.auth.models import Group

    other = django_user_model.objects.create_user("second-moderator", "m2@example.org", "pw")
    other.groups.add(Group.objects.get(name="Moderators"))
    submission = _submit()
    url = workflow_action_url(submission.page_id)
    mail.outbox.clear()

    race = Race(moderator, other)
    first, second = race.run(
        lambda client: client.post(url, {"comment": "First"}),
        lambda client: client.post(url, {"comment": "Second"}),
    )

    assert (first.status_code, second.status_code) == (302, 302)
    _assert_published_once(submission, moderator, comment="First")
