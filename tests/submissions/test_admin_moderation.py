"""What moderators see in the admin: the inbox (status, live or not, links), the inspect view
(readable labels, the submitted case), Wagtail's workflow history naming the public, no
Gravatar, and pending submission images hidden from everyone but Moderators."""

import json

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import WorkflowState

import pytest

from submissions.models import Submission

from .conftest import CASES_API, case_payload, image_bytes

INBOX = "/admin/submissions/submission/"


def _inspect(submission):
    return f"{INBOX}inspect/{submission.pk}/"


def _approve(client, submission):
    state = WorkflowState.objects.active().get(object_id=str(submission.page_id))
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[submission.page_id, "approve", state.current_task_state.pk],
    )
    assert client.post(url, {"comment": ""}).status_code == 302


@pytest.mark.django_db
def test_the_inbox_shows_status_tags_and_whether_the_case_is_live(
    client, moderator, submitted, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    html = client.get(INBOX).content.decode()
    assert '<span class="submission-status submission-status--received">Received</span>' in html
    assert "Not live" in html
    assert "submissions/admin.css" in html

    with django_capture_on_commit_callbacks(execute=True):
        _approve(client, submitted)
    html = client.get(INBOX).content.decode()
    page_url = submitted.page.specific.get_url()
    assert f'<a class="submission-live" href="{page_url}">Live</a>' in html
    assert "Approved and published" in html
    assert client.get(page_url).status_code == 200


def test_status_tags_never_wrap():
    from django.contrib.staticfiles import finders

    css = open(finders.find("submissions/admin.css")).read()  # noqa: SIM115
    assert "white-space: nowrap" in css


@pytest.mark.django_db
def test_the_inspect_view_shows_readable_labels_and_the_submitted_case(client, moderator, submit):
    response = submit(
        title="Rooftop <b>gardens</b>",
        description="The housing company opened the roofs.\n\nTenants run <i>the</i> gardens.",
    )
    submission = Submission.objects.get(token=response.json()["token"])
    client.force_login(moderator)
    html = client.get(_inspect(submission)).content.decode()
    for label in ("Submitter name", "Submitter email", "Received", "Last change", "SDGs"):
        assert f">{label}<" in html, label
    for raw in ("submitter_email", "created at", "anonymised at"):
        assert raw not in html
    # The case itself, escaped as text.
    assert "Rooftop &lt;b&gt;gardens&lt;/b&gt;" in html
    assert "Tenants grow vegetables on the roofs of their blocks." in html
    assert "Tenants run &lt;i&gt;the&lt;/i&gt; gardens." in html
    assert "Woonstad Rotterdam (Private sector): Owner" in html
    assert "https://example.org/roofs" in html
    assert "Rotterdam" in html and "Netherlands" in html
    assert "Not live" in html


@pytest.mark.django_db
def test_the_workflow_history_names_the_public_as_the_submitter(client, moderator, submitted):
    client.force_login(moderator)
    history = reverse("wagtailadmin_pages:workflow_history", args=[submitted.page_id])
    html = client.get(history).content.decode()
    assert "<td>the public</td>" in html
    state = WorkflowState.objects.get(object_id=str(submitted.page_id))
    detail = reverse(
        "wagtailadmin_pages:workflow_history_detail", args=[submitted.page_id, state.pk]
    )
    assert "Requested by <b>the public</b>" in client.get(detail).content.decode()
    # The account that stands for the public can never log in.
    public = state.requested_by
    assert not public.is_active and not public.has_usable_password() and not public.email


@pytest.mark.django_db
def test_admin_avatars_never_come_from_gravatar(client, moderator, submitted):
    client.force_login(moderator)
    for url in ("/admin/", INBOX, reverse("wagtailadmin_pages:edit", args=[submitted.page_id])):
        assert "gravatar" not in client.get(url).content.decode().lower()


def _chooser(client):
    """The image chooser's listing, as the admin's chooser modal receives it."""
    response = client.get(reverse("wagtailimages_chooser:choose"))
    assert response.status_code == 200
    return json.loads(response.content)["html"]


def _chosen(image):
    return reverse("wagtailimages_chooser:chosen", args=[image.pk])


def _member(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.mark.django_db
def test_only_moderators_see_pending_submission_images_in_the_admin(
    client, django_user_model, moderator, django_capture_on_commit_callbacks
):
    payload = case_payload(image=SimpleUploadedFile("roof.png", image_bytes("PNG")))
    del payload["actors"]
    response = client.post(CASES_API, payload)
    submission = Submission.objects.get(token=response.json()["token"])
    image = submission.page.specific.main_image
    listing = reverse("wagtailimages:index")
    edit = reverse("wagtailimages:edit", args=[image.pk])
    marker = f"/admin/images/{image.pk}/"

    for group in ("Researchers", "Editors", "Science editors"):
        client.force_login(_member(django_user_model, group.lower().replace(" ", "-"), group))
        chooser = _chooser(client)
        assert _chosen(image) not in chooser
        assert "Submitted images" not in chooser
        assert marker not in client.get(listing).content.decode()
        assert client.get(edit).status_code in (302, 403)

    client.force_login(moderator)
    assert _chosen(image) in _chooser(client)
    assert client.get(edit).status_code == 200

    # Once the case is approved the image joins the library, for everyone.
    with django_capture_on_commit_callbacks(execute=True):
        _approve(client, submission)
    client.force_login(django_user_model.objects.get(username="researchers"))
    assert _chosen(image) in _chooser(client)
    client.force_login(django_user_model.objects.get(username="editors"))
    assert marker in client.get(listing).content.decode()
    assert client.get(edit).status_code == 200
