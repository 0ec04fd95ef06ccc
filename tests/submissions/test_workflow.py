"""Moderation through the real Wagtail admin: the workflow action buttons a moderator presses,
and what the public, the API, search and the submitter see afterwards."""

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from wagtail.models import Page, Workflow, WorkflowState

import pytest

from articles.models import ArticleIndexPage, ArticlePage
from cases.models import CasePage
from submissions.models import Submission, SubmissionStatus
from tests.factories import ArticlePageFactory

from .conftest import case_payload


def _public_url(page):
    return page.specific.get_url()


def _act(client, submission, action, comment="", django_capture_on_commit_callbacks=None):
    page = submission.page
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, action, state.current_task_state.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"comment": comment})
    assert response.status_code == 302, response.content
    submission.refresh_from_db()
    return submission


@pytest.fixture
def act(client, moderator, django_capture_on_commit_callbacks):
    client.force_login(moderator)

    def run(submission, action, comment=""):
        return _act(client, submission, action, comment, django_capture_on_commit_callbacks)

    return run


@pytest.mark.django_db
def test_the_data_migration_creates_roles_and_workflows():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Moderators",
        "Science editors",
        "Researchers",
        "Editors",
    }
    case_review = Workflow.objects.get(name="Case review")
    science_review = Workflow.objects.get(name="Science review")
    case_index = Page.objects.get(slug="cases").specific
    article_index = ArticleIndexPage.objects.get()
    assert case_index.get_workflow() == case_review
    assert article_index.get_workflow() == science_review
    assert [t.specific.groups.get().name for t in case_review.tasks] == ["Moderators"]
    assert [t.specific.groups.get().name for t in science_review.tasks] == ["Science editors"]


@pytest.mark.django_db
def test_moderators_see_new_submissions_awaiting_their_review(client, moderator, submitted):
    client.force_login(moderator)
    response = client.get("/admin/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Awaiting your review" in html
    assert "Rooftop gardens on social housing" in html


@pytest.mark.django_db
def test_approving_publishes_the_case_everywhere(client, act, moderator, submitted):
    url = _public_url(submitted.page)
    assert client.get(url).status_code == 404
    mail.outbox.clear()

    act(submitted, "approve", "Lovely case")

    page = CasePage.objects.get(pk=submitted.page_id)
    assert page.live
    assert submitted.status == SubmissionStatus.APPROVED
    last = submitted.log.last()
    assert (last.status, last.user, last.comment) == ("approved", moderator, "Lovely case")
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "approved"

    client.logout()
    public = client.get(url)
    assert public.status_code == 200
    assert "Rooftop gardens on social housing" in public.content.decode()
    listing = client.get("/api/v2/pages/?type=cases.CasePage&fields=*").json()
    assert [item["title"] for item in listing["items"]] == ["Rooftop gardens on social housing"]
    assert [p.pk for p in CasePage.objects.live().public().search("Rooftop gardens")] == [page.pk]
    found = client.get("/api/v2/pages/?type=cases.CasePage&search=Rooftop").json()
    assert [item["id"] for item in found["items"]] == [page.pk]

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ada.private@example.org"]
    assert "now published" in mail.outbox[0].body


@pytest.mark.django_db
def test_the_submitter_never_appears_in_public_pages_or_the_api(client, act, submitted):
    act(submitted, "approve")
    client.logout()
    page = submitted.page
    responses = [
        client.get(_public_url(page)),
        client.get("/api/v2/pages/?type=cases.CasePage&fields=*"),
        client.get(f"/api/v2/pages/{page.pk}/"),
        client.get("/cases/"),
        client.get(f"/submissions/status/{submitted.token}/"),
    ]
    for response in responses:
        text = response.content.decode()
        assert response.status_code == 200
        for private in ("Ada Submitter-Private", "ada.private@example.org", "Secret Org Private"):
            assert private not in text
    assert not CasePage.objects.search("Submitter-Private")
    assert not CasePage.objects.search("Secret Org Private")


@pytest.mark.django_db
def test_requesting_changes_emails_the_comment_and_keeps_the_draft(
    client, act, moderator, submitted
):
    mail.outbox.clear()
    act(submitted, "reject", "Please add the number of tenants.")

    assert submitted.status == SubmissionStatus.CHANGES_REQUESTED
    assert submitted.log.last().user == moderator
    assert not CasePage.objects.get(pk=submitted.page_id).live
    assert WorkflowState.objects.get(object_id=str(submitted.page_id)).status == "needs_changes"
    assert len(mail.outbox) == 1
    assert "Please add the number of tenants." in mail.outbox[0].body
    status_page = client.get(f"/submissions/status/{submitted.token}/").content.decode()
    assert "Changes requested" in status_page

    # The moderator edits the draft and submits it for review again: back to received.
    state = WorkflowState.objects.get(object_id=str(submitted.page_id))
    state.resume(user=moderator)
    submitted.refresh_from_db()
    assert submitted.status == SubmissionStatus.RECEIVED
    act(submitted, "approve")
    assert CasePage.objects.get(pk=submitted.page_id).live
    assert [e.status for e in submitted.log.all()] == [
        "received",
        "changes_requested",
        "received",
        "approved",
    ]


@pytest.mark.django_db
def test_rejecting_publishes_nothing(client, act, moderator, submitted):
    mail.outbox.clear()
    act(submitted, "decline", "Outside the platform's scope.")

    assert submitted.status == SubmissionStatus.REJECTED
    assert submitted.log.last().user == moderator
    page = CasePage.objects.get(pk=submitted.page_id)
    assert not page.live
    assert client.get(_public_url(page)).status_code == 404
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "cancelled"
    assert len(mail.outbox) == 1
    assert "Outside the platform's scope." in mail.outbox[0].body
    client.logout()
    assert client.get("/api/v2/pages/?type=cases.CasePage").json()["meta"]["total_count"] == 0


@pytest.mark.django_db
def test_the_moderator_sees_request_changes_reject_and_approve_in_the_editor(
    client, moderator, submitted
):
    client.force_login(moderator)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[submitted.page_id]))
    html = response.content.decode()
    assert response.status_code == 200
    for label in ("Approve", "Request changes", "Reject"):
        assert label in html


@pytest.mark.django_db
def test_someone_outside_moderators_cannot_approve(client, researcher, submitted):
    client.force_login(researcher)
    state = WorkflowState.objects.active().get(object_id=str(submitted.page_id))
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[submitted.page_id, "approve", state.current_task_state.pk],
    )
    response = client.post(url, {"comment": ""})
    assert response.status_code in (302, 403)
    assert not CasePage.objects.get(pk=submitted.page_id).live
    submitted.refresh_from_db()
    assert submitted.status == SubmissionStatus.RECEIVED


@pytest.mark.django_db
def test_status_page_shows_the_title_and_status_and_links_the_case_once_published(
    client, submit, act
):
    response = submit(title="Rooftop <b>gardens</b>")
    submission = Submission.objects.get(token=response.json()["token"])
    response = client.get(f"/submissions/status/{submission.token}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Rooftop &lt;b&gt;gardens&lt;/b&gt;" in html  # from the start, as text
    assert "Received" in html
    assert "Your case is published" not in html
    assert response["Cache-Control"] == "private, no-store"
    act(submission, "approve")
    client.logout()
    html = client.get(f"/submissions/status/{submission.token}/").content.decode()
    assert "Approved and published" in html
    assert f'href="{submission.page.specific.get_url()}"' in html
    assert client.get("/submissions/status/not-a-real-token/").status_code == 404


@pytest.mark.django_db
def test_researchers_submit_articles_that_only_science_editors_publish(
    client, researcher, science_editor, moderator
):
    article = ArticlePageFactory(title="How Lagos learns from Lima", live=False)
    index = ArticleIndexPage.objects.get()
    assert not index.permissions_for_user(researcher).can_publish_subpage()
    assert article.permissions_for_user(researcher).can_edit()
    assert not article.permissions_for_user(researcher).can_publish()
    assert not article.permissions_for_user(moderator).can_publish()
    assert article.permissions_for_user(science_editor).can_publish()

    state = article.get_workflow().start(article, user=researcher)
    assert state.workflow.name == "Science review"
    # A researcher is not a reviewer: no approve action.
    assert state.current_task_state.task.specific.get_actions(article, researcher) == []
    client.force_login(science_editor)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[article.pk, "approve", state.current_task_state.pk],
    )
    assert client.post(url, {"comment": ""}).status_code == 302
    assert ArticlePage.objects.get(pk=article.pk).live
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_the_html_payload_of_a_case_is_shown_as_text_once_published(client, act):
    response = client.post(
        "/api/v2/submissions/cases/",
        case_payload(description="<script>alert('pwned')</script>", title="Escaped <em>case</em>"),
        content_type="application/json",
    )
    submission = Submission.objects.get(token=response.json()["token"])
    act(submission, "approve")
    client.logout()
    html = client.get(_public_url(submission.page)).content.decode()
    assert "<script>alert('pwned')</script>" not in html
    assert "&lt;script&gt;alert(" in html
    assert "<em>case</em>" not in html


@pytest.mark.django_db
def test_publishing_directly_during_review_counts_as_approval(
    client, moderator, submitted, django_capture_on_commit_callbacks
):
    # Moderators may publish cases; pressing "Publish" instead of "Approve" ends the review.
    mail.outbox.clear()
    page = CasePage.objects.get(pk=submitted.page_id)
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish(user=moderator)
    submitted.refresh_from_db()
    assert submitted.status == SubmissionStatus.APPROVED
    assert submitted.log.last().user == moderator
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "cancelled"
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_submitted_image_is_private_until_the_case_is_approved(client, act):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail.models import Collection

    from .conftest import image_bytes

    data = case_payload(image=SimpleUploadedFile("roof.png", image_bytes("PNG")))
    del data["actors"]
    response = client.post("/api/v2/submissions/cases/", data)
    submission = Submission.objects.get(token=response.json()["token"])
    image = submission.page.specific.main_image
    assert image.collection.name == "Submitted images"
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404
    assert image.pk not in [i["id"] for i in client.get("/api/v2/images/").json()["items"]]
    act(submission, "approve")
    image.refresh_from_db()
    assert image.collection == Collection.get_first_root_node()
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 200
