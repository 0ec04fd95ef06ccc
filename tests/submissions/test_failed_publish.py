"""An approval whose publish fails says so and changes nothing else: the case stays in review
(the moderator can see why and approve again), nothing claims it was published, nobody is
emailed. Real commits (transactional tests), through the real admin views; on PostgreSQL in
`make test-all`, on SQLite in `make test`."""

from django.core import mail
from django.test import Client

from wagtail.models import TaskState, WorkflowState
from wagtail.signals import page_published

import pytest

from cases.models import CasePage
from submissions.models import OutgoingEmail, Submission, SubmissionStatus

from .conftest import CASES_API, case_payload
from .editor import edit_url, editor_data, review_action, workflow_action_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

INBOX = "/admin/submissions/submission/"


def _submit():
    response = Client().post(CASES_API, case_payload(), content_type="application/json")
    assert response.status_code == 201, response.content
    return Submission.objects.get(token=response.json()["token"])


def _index_unreachable(sender, instance, **kwargs):
    raise RuntimeError("search index unreachable")


def _approve_from_the_dashboard(client, submission):
    return client.post(
        workflow_action_url(submission.page_id), {"comment": "Good", "next": "/admin/"}
    )


def _approve_in_the_editor(client, submission):
    return client.post(
        edit_url(submission.page_id),
        review_action(editor_data(client, submission.page_id), comment="Good"),
    )


def _assert_still_in_review(submission, client, reason):
    page = CasePage.objects.get(pk=submission.page_id)
    assert not page.live
    assert Client().get(page.get_url()).status_code == 404
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RECEIVED
    assert [e.status for e in submission.log.all()] == ["received"]
    assert reason in submission.publish_error
    # Nothing announced a publish: no email to the submitter, none from Wagtail.
    assert mail.outbox == []
    assert not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()
    status_page = Client().get(f"/submissions/status/{submission.token}/").content.decode()
    assert "published" not in status_page.lower()
    # The moderators see it: in the inbox, and when they open the case.
    assert "Publishing failed" in client.get(INBOX).content.decode()
    editor = client.get(edit_url(page.pk)).content.decode()
    assert "The last approval did not publish this case" in editor
    assert reason in editor


@pytest.mark.parametrize("approve", [_approve_from_the_dashboard, _approve_in_the_editor])
def test_an_approval_whose_publish_fails_leaves_the_case_in_review(moderator, approve):
    submission = _submit()
    client = Client()
    client.force_login(moderator)
    mail.outbox.clear()

    page_published.connect(_index_unreachable, sender=CasePage)
    try:
        response = approve(client, submission)
    finally:
        page_published.disconnect(_index_unreachable, sender=CasePage)
    assert response.status_code == 302  # not a 500
    # Said at once, where the moderator lands.
    landing = client.get(response["Location"]).content.decode()
    assert "did not publish" in landing and "search index unreachable" in landing
    _assert_still_in_review(submission, client, "RuntimeError: search index unreachable")

    # Fixed: the moderator approves again, and this time it is published, once.
    response = _approve_from_the_dashboard(client, submission)
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    assert submission.publish_error == ""
    assert [e.status for e in submission.log.all()] == ["received", "approved"]
    assert CasePage.objects.get(pk=submission.page_id).live
    assert [m.to for m in mail.outbox] == [["ada.private@example.org"]]
    assert "now published" in mail.outbox[0].body


def test_approving_a_draft_that_fails_validation_publishes_nothing(moderator):
    submission = _submit()
    client = Client()
    client.force_login(moderator)
    # A moderator saves a draft without its summary (drafts may miss required fields) ...
    data = editor_data(client, submission.page_id, summary="")
    assert client.post(edit_url(submission.page_id), data).status_code == 302
    mail.outbox.clear()

    # ... and approves it from the dashboard: the page cannot be published as it is.
    response = _approve_from_the_dashboard(client, submission)
    assert response.status_code == 302
    _assert_still_in_review(submission, client, "ValidationError")
