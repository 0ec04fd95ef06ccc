""" "I'm applying this": the API and the case page's form, moderation in the admin (approve,
reject, turn into a draft case), and what becomes public."""

import json

from django.core.cache import cache

import pytest

from cases.models import CasePage
from exchange.models import AdoptionReport, KnowledgeLink, ReviewStatus
from tests.submissions.conftest import row_counts

from .conftest import ADOPTIONS_API, adoption


def payload(page, **overrides):
    return {
        "case": page.pk,
        "city": "Lyon",
        "country": "FR",
        "organisation_sector": "government",
        "what_was_used": "The <b>tenant</b> meetings, every month.",
        "stage": "adapting",
        "year": 2024,
        "contact_email": "adopter.private@example.org",
        "consent_privacy": True,
        **overrides,
    }


def post(client, data):
    return client.post(ADOPTIONS_API, json.dumps(data), content_type="application/json")


@pytest.mark.django_db
def test_a_report_is_received_with_a_status_url_and_stays_private_until_approved(
    client, case_factory
):
    case = case_factory(title="Tenant-run roof gardens")
    response = post(client, payload(case))
    assert response.status_code == 201, response.content
    body = response.json()
    report = AdoptionReport.objects.get(token=body["token"])
    assert report.status == ReviewStatus.PENDING
    assert (report.latitude, report.longitude) != (None, None)  # Lyon, found offline
    status_page = client.get(body["status_url"].replace("http://testserver", ""))
    assert status_page.status_code == 200
    assert "Awaiting review" in status_page.content.decode()
    assert status_page["Cache-Control"] == "private, no-store"
    # Not on the case page, not in the network before approval.
    assert "Lyon" not in client.get(case.url).content.decode()
    assert client.get("/api/v2/network/").json()["edges"] == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"case": 999999}, "case"),
        ({"case": "x"}, "case"),
        ({"case": True}, "case"),
        ({"city": ""}, "city"),
        ({"country": "XX"}, "country"),
        ({"organisation_sector": "army"}, "organisation_sector"),
        ({"stage": "dreaming"}, "stage"),
        ({"year": 1800}, "year"),
        ({"contact_email": "not-an-address"}, "contact_email"),
        ({"consent_privacy": False}, "consent_privacy"),
        ({"what_was_used": "x" * 5001}, "what_was_used"),
    ],
)
def test_bad_input_gets_400_naming_the_field_and_stores_nothing(
    client, case_factory, overrides, field
):
    case = case_factory()
    before = row_counts()
    response = post(client, payload(case, **overrides))
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert row_counts() == before


@pytest.mark.django_db
def test_a_draft_or_private_case_cannot_be_reported(client, case_factory):
    draft = case_factory(live=False)
    response = post(client, payload(draft))
    assert response.status_code == 400
    assert response.json()["errors"]["case"] == ["No published case has this id."]


@pytest.mark.django_db
def test_honeypot_and_rate_limit(client, case_factory):
    case = case_factory()
    trap = post(client, payload(case, fax="spam"))
    assert trap.status_code == 201 and AdoptionReport.objects.count() == 0
    cache.clear()
    for _ in range(5):
        assert post(client, payload(case)).status_code == 201
    assert post(client, payload(case)).status_code == 429
    assert AdoptionReport.objects.count() == 5


@pytest.mark.django_db
def test_the_case_page_form_works_without_javascript_and_keeps_what_was_typed(client, case_factory):
    case = case_factory(title="Repair cafés")
    page = client.get(case.url).content.decode()
    assert f'action="/exchange/cases/{case.pk}/adopt/"' in page
    bad = client.post(
        f"/exchange/cases/{case.pk}/adopt/",
        {"city": "Ghent", "country": "BE", "what_was_used": "Volunteers", "stage": "adapting"},
    )
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "Agree to the privacy notice" in html and 'value="Ghent"' in html
    good = client.post(
        f"/exchange/cases/{case.pk}/adopt/",
        {
            "city": "Ghent",
            "country": "BE",
            "organisation_sector": "ngo",
            "what_was_used": "Volunteers",
            "stage": "adapting",
            "consent_privacy": "on",
        },
    )
    assert good.status_code == 200
    report = AdoptionReport.objects.get()
    assert f"/exchange/adoptions/status/{report.token}/" in good.content.decode()


@pytest.mark.django_db
def test_moderators_approve_and_reject_in_the_admin(client, case_factory, moderator):
    case = case_factory(title="Housing First")
    report = adoption(case, status=ReviewStatus.PENDING, city="Ghent", country="BE")
    other = adoption(case, status=ReviewStatus.PENDING, city="Turku", country="FI")
    client.force_login(moderator)
    listing = client.get("/admin/exchange/adoptionreport/")
    assert listing.status_code == 200
    assert f"/admin/exchange/adoptions/{report.pk}/approve/" in listing.content.decode()
    confirm = client.get(f"/admin/exchange/adoptions/{report.pk}/approve/")
    assert confirm.status_code == 200 and "Ghent" in confirm.content.decode()
    assert client.post(f"/admin/exchange/adoptions/{report.pk}/approve/").status_code == 302
    assert client.post(f"/admin/exchange/adoptions/{other.pk}/reject/").status_code == 302
    report.refresh_from_db()
    other.refresh_from_db()
    assert (report.status, report.reviewed_by) == (ReviewStatus.APPROVED, moderator)
    assert other.status == ReviewStatus.REJECTED
    client.logout()
    page = client.get(case.url).content.decode()
    assert "Ghent" in page and "Turku" not in page
    edges = client.get("/api/v2/network/").json()["edges"]
    assert edges == [
        {
            "source": f"case:{case.pk}",
            "target": "city:Ghent,BE",
            "kind": "adopted",
            "channel": None,
            "year": 2024,
            "description": "The tenant meetings.",
        }
    ]


@pytest.mark.django_db
def test_people_without_the_permission_cannot_decide(client, case_factory, django_user_model):
    report = adoption(case_factory(), status=ReviewStatus.PENDING)
    user = django_user_model.objects.create_user("x", "x@example.org", "pw")
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name="Researchers"))
    client.force_login(user)
    assert client.post(f"/admin/exchange/adoptions/{report.pk}/approve/").status_code in (302, 403)
    report.refresh_from_db()
    assert report.status == ReviewStatus.PENDING


@pytest.mark.django_db
def test_one_click_turns_a_report_into_a_draft_case_that_learned_from_the_case(
    client, case_factory, moderator
):
    case = case_factory(title="Housing First", sdgs=[1, 11])
    report = adoption(case, city="Ghent", country="BE")
    client.force_login(moderator)
    response = client.post(f"/admin/exchange/adoptions/{report.pk}/draft/")
    report.refresh_from_db()
    draft = CasePage.objects.get(pk=report.draft_case_id)
    assert response.status_code == 302 and response["Location"].endswith(f"/pages/{draft.pk}/edit/")
    assert not draft.live and draft.city == "Ghent" and draft.country == "BE"
    assert sorted(draft.sdgs.values_list("number", flat=True)) == [1, 11]
    link = KnowledgeLink.objects.get(target=draft)
    assert (link.source_case_id, link.channel) == (case.pk, "this_platform")
    # A second click opens the same draft instead of making another.
    client.post(f"/admin/exchange/adoptions/{report.pk}/draft/")
    assert CasePage.objects.filter(city="Ghent").count() == 1
    # The draft and its link are not public.
    assert f"case:{draft.pk}" not in client.get("/api/v2/network/").content.decode()
