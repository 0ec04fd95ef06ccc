"""Similar cases by meaning, across languages, live and public only; the case page shows them
with their reasons."""

from django.core.management import call_command

import pytest

from cases.models import CasePage
from meaning.models import PageVector

pytestmark = pytest.mark.django_db


def similar(client, page, **params):
    response = client.get(f"/api/v2/cases/{page.pk}/similar/", params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_a_case_meets_its_twins_in_other_languages(client, corpus):
    results = similar(client, corpus["housing_en"])
    assert {item["id"] for item in results[:2]} == {
        corpus["housing_es"].pk,
        corpus["housing_fr"].pk,
    }
    first = results[0]
    assert "similar description" in first["reasons"]
    assert "shared SDG 11" in first["reasons"]
    assert set(first) == {
        "id", "title", "url", "api_url", "city", "country", "sdgs", "score", "reasons",
    }  # fmt: skip
    assert first["sdgs"][0]["number"] == 11
    assert first["api_url"].endswith(f"/api/v2/pages/{first['id']}/")
    assert 0 <= results[-1]["score"] <= first["score"] <= 1


def test_rainwater_in_english_finds_rainwater_in_portuguese(client, corpus):
    results = similar(client, corpus["rain_en"], limit=1)
    assert [item["id"] for item in results] == [corpus["rain_pt"].pk]


def test_drafts_and_private_cases_are_never_returned(client, corpus):
    secret = {corpus["draft"].pk, corpus["private"].pk}
    for key in ("housing_en", "housing_es", "housing_fr", "rain_pt"):
        results = similar(client, corpus[key], limit=50)
        assert not secret & {item["id"] for item in results}
        assert "SECRET" not in str(results)
    for key in ("draft", "private"):
        response = client.get(f"/api/v2/cases/{corpus[key].pk}/similar/")
        assert response.status_code == 404
        assert response.json() == {"message": "not found"}


def test_unpublishing_removes_the_vector_and_the_case(client, corpus):
    spanish = corpus["housing_es"]
    spanish.unpublish()
    assert not PageVector.objects.filter(page_id=spanish.pk).exists()
    assert spanish.pk not in {item["id"] for item in similar(client, corpus["housing_en"])}


def test_an_unchanged_page_is_not_embedded_again(corpus, django_capture_on_commit_callbacks):
    page = CasePage.objects.get(pk=corpus["bikes_en"].pk)
    before = PageVector.objects.get(page_id=page.pk).updated_at
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert PageVector.objects.get(page_id=page.pk).updated_at == before
    page.summary = "Les pistes cyclables protégées relient les écoles."
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert PageVector.objects.get(page_id=page.pk).updated_at > before


def test_embed_pages_fills_the_gaps_and_resumes(corpus, capsys):
    PageVector.objects.filter(page_id__in=[corpus["rain_en"].pk, corpus["rain_pt"].pk]).delete()
    call_command("embed_pages", "--no-progress")
    assert "Embedded 2 of 2 pages." in capsys.readouterr().out
    call_command("embed_pages", "--no-progress")
    assert "Embedded 0 of 0 pages." in capsys.readouterr().out
    assert not PageVector.objects.filter(page_id=corpus["draft"].pk).exists()


def test_the_case_page_shows_similar_projects_with_reasons(client, corpus):
    html = client.get(corpus["housing_en"].url).content.decode()
    section = html.split('id="related-heading"', 1)[1]
    assert "Vivienda social asequible" in section
    assert "Why it is similar:" in section and "similar description" in section
    assert "SECRET" not in section


def test_bad_limits_are_refused_naming_the_parameter(client, corpus):
    for limit in ("0", "51", "x", "-1", ""):
        response = client.get(f"/api/v2/cases/{corpus['housing_en'].pk}/similar/?limit={limit}")
        assert response.status_code == 400
        assert response.json()["message"].startswith("limit:")
    assert client.get("/api/v2/cases/99999999999999999999/similar/").status_code == 404
