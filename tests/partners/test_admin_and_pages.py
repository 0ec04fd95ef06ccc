"""Partners in the admin and on the site: moderators read requests in an inbox and accept
(a draft partner record, never published until an editor publishes it) or decline them, with an
email to the contact either way; /partners/ groups published partners by partnership type and
sector; the home page shows the founding partners; contact data stays in the admin."""

import json

from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command

import pytest

from partners.models import Partner, PartnerRequest
from partners.services import purge_contact_data

from .test_requests import API, CONTACT, payload


def _user(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def request_received(client, django_capture_on_commit_callbacks):
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(API, json.dumps(payload()), content_type="application/json")
    assert response.status_code == 201
    mail.outbox = []
    return PartnerRequest.objects.get()


@pytest.mark.django_db
def test_moderators_read_the_inbox_with_the_contact(client, django_user_model, request_received):
    client.force_login(_user(django_user_model, "moderator", "Moderators"))
    inbox = client.get("/admin/partners/partnerrequest/")
    assert inbox.status_code == 200
    assert "Rotterdam Climate Office" in inbox.content.decode()
    inspect = client.get(f"/admin/partners/partnerrequest/inspect/{request_received.pk}/")
    html = inspect.content.decode()
    assert CONTACT["contact_email"] in html and "Accept: create a draft partner" in html
    # Requests come from the public: nobody edits them by hand (Wagtail turns them away).
    edit = client.get(f"/admin/partners/partnerrequest/edit/{request_received.pk}/")
    assert (edit.status_code, edit["Location"]) == (302, "/admin/")


@pytest.mark.django_db
def test_accepting_creates_a_draft_partner_and_emails_the_contact(
    client, django_user_model, request_received, django_capture_on_commit_callbacks
):
    moderator = _user(django_user_model, "moderator", "Moderators")
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/partners/requests/{request_received.pk}/accept/",
            {"partnership_type": "research"},
        )
    partner = Partner.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/snippets/partners/partner/edit/{partner.pk}/"
    assert (partner.name, partner.partnership_type, partner.live) == (
        "Rotterdam Climate Office",
        "research",
        False,
    )
    request_received.refresh_from_db()
    assert request_received.status == "accepted" and request_received.decided_by == moderator
    assert [m.to for m in mail.outbox] == [[CONTACT["contact_email"]]]
    assert "Request accepted" in mail.outbox[0].subject
    # A draft: not on the site until an editor publishes it.
    client.logout()
    assert "Rotterdam Climate Office" not in client.get("/partners/").content.decode()
    partner.save_revision().publish()
    assert "Rotterdam Climate Office" in client.get("/partners/").content.decode()
    # Deciding twice changes nothing.
    client.force_login(moderator)
    client.post(f"/admin/partners/requests/{request_received.pk}/decline/")
    request_received.refresh_from_db()
    assert request_received.status == "accepted" and len(mail.outbox) == 1


@pytest.mark.django_db
def test_declining_emails_the_contact(
    client, django_user_model, request_received, django_capture_on_commit_callbacks
):
    client.force_login(_user(django_user_model, "moderator", "Moderators"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/partners/requests/{request_received.pk}/decline/")
    assert response.status_code == 302
    request_received.refresh_from_db()
    assert request_received.status == "declined" and not Partner.objects.exists()
    assert "Request declined" in mail.outbox[0].subject


@pytest.mark.django_db
def test_people_without_the_permission_cannot_decide_or_read(
    client, django_user_model, request_received
):
    client.force_login(_user(django_user_model, "researcher", "Researchers"))
    # Wagtail answers a refused admin request by sending the user back to the dashboard.
    refused = client.post(f"/admin/partners/requests/{request_received.pk}/accept/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert client.get("/admin/partners/partnerrequest/").status_code in (302, 403)
    request_received.refresh_from_db()
    assert request_received.status == "received"
    client.logout()
    response = client.post(f"/admin/partners/requests/{request_received.pk}/accept/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_the_partners_page_groups_by_type_then_sector(client, partner_factory):
    partner_factory(name="Founding NGO", partnership_type="founding", sector="ngo")
    partner_factory(name="Founding City", partnership_type="founding", sector="government")
    partner_factory(name="Research University", partnership_type="research", sector="academia")
    partner_factory(name="SECRETDRAFT partner", partnership_type="founding", live=False)
    html = client.get("/partners/").content.decode()
    assert "SECRETDRAFT" not in html
    founding = html.index("Founding partner")
    government, ngo = html.index("Founding City"), html.index("Founding NGO")
    research = html.index("Research partner")
    # Types in order (founding before research), sectors in order within a type.
    assert founding < government < ngo < research < html.index("Research University")
    assert html.index("<h3>Government</h3>") < government
    assert 'href="/partners/become-a-partner/"' in html


@pytest.mark.django_db
def test_the_home_page_shows_only_published_founding_partners(client, partner_factory):
    partner_factory(name="Founding Network", partnership_type="founding")
    partner_factory(name="Funding Body", partnership_type="funding")
    partner_factory(name="SECRETDRAFT founder", partnership_type="founding", live=False)
    html = client.get("/").content.decode()
    assert "Founding partners" in html and "Founding Network" in html
    assert "Funding Body" not in html and "SECRETDRAFT" not in html


@pytest.mark.django_db
def test_publishing_a_partner_shows_at_once_on_cached_pages(client, partner_factory, settings):
    settings.PAGE_CACHE_MAX_AGE = 0
    partner = partner_factory(name="Old name", partnership_type="founding")
    assert "Old name" in client.get("/").content.decode()
    partner.name = "New name"
    partner.save_revision().publish()
    assert "New name" in client.get("/").content.decode()


@pytest.mark.django_db
def test_contact_data_of_decided_requests_is_purged_with_submitter_data(
    client, django_user_model, request_received
):
    from partners import services

    services.decline_request(request_received.pk, None)
    PartnerRequest.objects.update(decided_at="2020-01-01T00:00:00Z")
    call_command("purge_submitter_data", "--older-than", "730", stdout=open("/dev/null", "w"))  # noqa: SIM115
    request_received.refresh_from_db()
    assert request_received.contact_email == "removed@invalid"
    assert request_received.anonymised_at is not None
    # Undecided requests keep their contact: it is needed to answer.
    assert purge_contact_data(0) == 0
