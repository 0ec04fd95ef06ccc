"""An image sent with a public submission stays private until its case is approved, through
every API alike (issue 12 #6): v2 and v3, listing, detail and find, anonymous or with a token
of someone outside Moderators. And the cached v2 API answers everyone as an anonymous visitor,
so a logged-in session or an entered page password never puts private content in the cache."""

import io

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import APIToken, Collection, PageViewRestriction, WorkflowState

import pytest
from PIL import Image as PILImage

from submissions.models import Submission
from tests.factories import CasePageFactory


def _png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (20, 80, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def _submit_with_image(client):
    data = {
        "title": "Shaded bus stops",
        "summary": "Trees at every stop.",
        "description": "Planted by the city.",
        "city": "Seville",
        "country": "ES",
        "sdgs": [11],
        "submitter_name": "Private Person",
        "submitter_email": "private.person@example.org",
        "consent_publish": "true",
        "consent_privacy": "true",
        "image": SimpleUploadedFile("stop.png", _png()),
    }
    response = client.post("/api/v2/submissions/cases/", data)
    assert response.status_code == 201, response.content
    return Submission.objects.get(token=response.json()["token"])


def _token(django_user_model, username, group=None):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    if group:
        user.groups.add(Group.objects.get(name=group))
    _, plaintext = APIToken.create_token(user=user, name=username)
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def _ids(response):
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def _visible(client, image_id, **headers):
    """Where the image shows, per API and kind of read."""
    return {
        "v2 list": image_id in _ids(client.get("/api/v2/images/?limit=100", **headers)),
        "v2 detail": client.get(f"/api/v2/images/{image_id}/", **headers).status_code == 200,
        "v2 find": client.get(f"/api/v2/images/find/?id={image_id}", **headers).status_code == 302,
        "v3 list": image_id in _ids(client.get("/api/v3/images/?limit=100", **headers)),
        "v3 detail": client.get(f"/api/v3/images/{image_id}/", **headers).status_code == 200,
    }


NOWHERE = dict.fromkeys(["v2 list", "v2 detail", "v2 find", "v3 list", "v3 detail"], False)
EVERYWHERE = dict.fromkeys(NOWHERE, True)


@pytest.fixture
def submission(client, db):
    CasePageFactory(title="A published case")
    return _submit_with_image(client)


@pytest.mark.django_db
def test_a_submitted_image_is_in_no_api_until_approved(
    client, submission, superuser, django_capture_on_commit_callbacks
):
    image = submission.page.specific.main_image
    assert image.collection.name == "Submitted images"
    assert _visible(client, image.pk) == NOWHERE
    # Then a moderator approves the case in the admin: the image joins the main collection.
    moderator = superuser
    client.force_login(moderator)
    state = WorkflowState.objects.active().get(object_id=str(submission.page_id))
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[submission.page_id, "approve", state.current_task_state.pk],
    )
    # The image is released once the page is live, after the publish's commit.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"comment": ""}).status_code == 302
    client.logout()
    image.refresh_from_db()
    assert image.collection == Collection.get_first_root_node()
    assert _visible(client, image.pk) == EVERYWHERE


@pytest.mark.django_db
def test_tokens_outside_moderators_do_not_see_it_moderators_do(
    client, submission, django_user_model
):
    image_id = submission.page.specific.main_image_id
    researcher = _token(django_user_model, "researcher", "Researchers")
    assert _visible(client, image_id, **researcher) == NOWHERE
    moderator = _token(django_user_model, "moderator", "Moderators")
    seen = _visible(client, image_id, **moderator)
    # v3 answers a Moderator's token; the cached v2 API answers everyone as the public.
    assert seen == {**NOWHERE, "v3 list": True, "v3 detail": True}


@pytest.mark.django_db
def test_v2_and_v3_list_the_same_images(client, submission, superuser):
    client.post("/api/v2/submissions/cases/", {})  # nothing: a bad submission stores no image
    v2 = _ids(client.get("/api/v2/images/?limit=100"))
    v3 = _ids(client.get("/api/v3/images/?limit=100"))
    assert v2 == v3


@pytest.mark.django_db
def test_the_collection_is_private_whoever_creates_it_again(client, db):
    """Deleted (when empty) and created again by the next submission, it is private again."""
    Collection.objects.filter(name="Submitted images").delete()
    submission = _submit_with_image(client)
    assert _visible(client, submission.page.specific.main_image_id) == NOWHERE


@pytest.mark.django_db
def test_a_logged_in_session_never_puts_private_pages_in_the_cached_v2_api(client, superuser):
    members_only = CasePageFactory(title="Members-only case")
    PageViewRestriction.objects.create(page=members_only, restriction_type="login")
    url = "/api/v2/pages/?type=cases.CasePage&fields=title"
    client.force_login(superuser)
    assert "Members-only case" not in client.get(url).content.decode()
    client.logout()
    assert "Members-only case" not in client.get(url).content.decode()


@pytest.mark.django_db
def test_an_entered_page_password_never_puts_the_page_in_the_cached_v2_api(client):
    private = CasePageFactory(title="Password case")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="open sesame"
    )
    entered = client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, private.pk]),
        {"password": "open sesame", "return_url": private.url},
    )
    assert entered.status_code == 302
    assert "Password case" in client.get(private.url).content.decode()  # the site lets them in
    url = f"/api/v2/pages/?type=cases.CasePage&fields=title&id={private.pk}"
    assert "Password case" not in client.get(url).content.decode()
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404


@pytest.mark.django_db
def test_the_data_migration_makes_an_existing_collection_private(client):
    """A "Submitted images" collection made before the rule (no restriction) becomes private."""
    from importlib import import_module

    from django.apps import apps

    from wagtail.models import CollectionViewRestriction

    submission = _submit_with_image(client)
    CollectionViewRestriction.objects.all().delete()
    image_id = submission.page.specific.main_image_id
    assert _visible(client, image_id)["v3 list"]  # the leak the migration closes
    migration = import_module("api.migrations.0001_submitted_images_private")
    migration.make_private(apps, None)
    assert _visible(client, image_id) == NOWHERE


@pytest.mark.django_db
def test_making_a_collection_private_empties_the_cached_answers(client):
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction

    archive = Collection.get_first_root_node().add_child(name="Archive")
    image = get_image_model().objects.create(
        title="Old map", file=SimpleUploadedFile("map.png", _png()), collection=archive
    )
    assert _visible(client, image.pk) == EVERYWHERE  # and now cached
    CollectionViewRestriction.objects.create(collection=archive, restriction_type="login")
    assert _visible(client, image.pk) == NOWHERE
