"""With EMBEDDING_BACKEND=none, nothing is embedded and similar cases come from structure
(shared SDGs and topics, country, distance, scale), as before."""

from django.core.management import CommandError, call_command

import pytest

from meaning.models import PageVector

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(settings, case_factory, django_capture_on_commit_callbacks):
    settings.EMBEDDING_BACKEND = "none"
    with django_capture_on_commit_callbacks(execute=True):
        return {
            "solar": case_factory(title="Solar roofs", sdgs=[7, 11], scale="city"),
            "twin": case_factory(title="Solar schools", sdgs=[7, 11], scale="city"),
            "other": case_factory(
                title="Clean water", sdgs=[6], country="KE", latitude=None, longitude=None
            ),
        }


def test_nothing_is_embedded_when_meaning_is_off(cases):
    assert not PageVector.objects.exists()
    with pytest.raises(CommandError, match="EMBEDDING_BACKEND=none"):
        call_command("embed_pages")


def test_similar_cases_come_from_structure(client, cases):
    response = client.get(f"/api/v2/cases/{cases['solar'].pk}/similar/")
    assert response.status_code == 200
    results = response.json()["results"]
    assert [item["id"] for item in results] == [cases["twin"].pk]
    reasons = results[0]["reasons"]
    assert reasons == ["shared SDG 7", "shared SDG 11", "same country", "nearby", "same scale"]
    assert results[0]["score"] == 1.0


def test_the_case_page_lists_similar_projects_without_meaning(client, cases):
    html = client.get(cases["solar"].url).content.decode()
    section = html.split('id="related-heading"', 1)[1]
    assert "Solar schools" in section and "Clean water" not in section
