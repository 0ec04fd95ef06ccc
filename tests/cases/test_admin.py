"""The case form an editor fills in, through the real Wagtail admin views."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from cases.models import CaseIndexPage, CasePage


def _form(sdgs=("13", "3"), **overrides):
    data = {
        "title": "Heat action plan",
        "slug": "heat-action-plan",
        "summary": "Cooling centres and early warnings for heatwaves.",
        "city": "Ahmedabad",
        "country": "IN",
        "latitude": "23.02579",
        "longitude": "72.58727",
        "status": "running",
        "scale": "city",
        "start_year": "2013",
        "end_year": "",
        "body": streamfield([]),
        "links": streamfield([]),
        "attachments": streamfield([]),
        "video": streamfield([]),
        "actors": inline_formset(
            [{"organisation": "Ahmedabad Municipal Corporation", "sector": "government"}]
        ),
        "comments": inline_formset([]),
        # The exchange's "Learned from" inline panel on the case (no links here).
        "knowledge_sources": inline_formset([]),
    }
    data.update(overrides)
    data = nested_form_data(data)
    data["sdgs"] = list(sdgs)
    return data


@pytest.fixture
def add_url():
    return reverse(
        "wagtailadmin_pages:add", args=("cases", "casepage", CaseIndexPage.objects.get().pk)
    )


@pytest.mark.django_db
def test_editor_creates_a_case_draft_with_sdgs_and_actors(client, superuser, add_url):
    client.force_login(superuser)
    response = client.post(add_url, _form())
    assert response.status_code == 302, response.context["form"].errors
    page = CasePage.objects.get(slug="heat-action-plan")
    assert not page.live
    assert sorted(page.sdgs.values_list("number", flat=True)) == [3, 13]
    assert [a.organisation for a in page.actors.all()] == ["Ahmedabad Municipal Corporation"]
    assert page.region == "142"


@pytest.mark.django_db
def test_case_without_an_sdg_gets_a_message_beside_the_sdg_field(client, superuser, add_url):
    client.force_login(superuser)
    response = client.post(add_url, _form(sdgs=()))
    assert response.status_code == 200
    assert response.context["form"].errors["sdgs"] == [
        "Choose at least one Sustainable Development Goal."
    ]
    assert not CasePage.objects.filter(slug="heat-action-plan").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("latitude", "95", "Ensure this value is less than or equal to 90."),
        ("end_year", "2001", "The end year cannot be before the start year."),
        ("summary", "x" * 301, "Ensure this value has at most 300 characters (it has 301)."),
    ],
)
def test_bad_values_get_a_message_on_their_field(client, superuser, add_url, field, value, message):
    client.force_login(superuser)
    response = client.post(add_url, _form(**{field: value}))
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert not CasePage.objects.filter(slug="heat-action-plan").exists()
