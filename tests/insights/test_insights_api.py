"""GET /api/v2/insights/<name>/: the numbers of every chart, with the filters, cached under the
content version, and 400/404 answers that name what is wrong."""

import pytest

from submissions.models import SurveyResponse
from taxonomy import regions

NAMES = ["coverage", "timeline", "countries", "maturity", "sectors", "flows", "survey"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", NAMES)
def test_every_figure_answers_as_json(client, cases, name):
    response = client.get(f"/api/v2/insights/{name}/")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    assert "ETag" in response and "max-age" in response["Cache-Control"]


@pytest.mark.django_db
def test_coverage_has_one_cell_per_sdg_and_region_with_zeros(client, cases):
    body = client.get("/api/v2/insights/coverage/").json()
    assert set(body) >= {"cells", "regions", "sdgs"}
    assert [region["code"] for region in body["regions"]] == list(regions.REGIONS)
    assert [sdg["number"] for sdg in body["sdgs"]] == list(range(1, 18))
    assert len(body["cells"]) == 17 * 5
    assert all(set(cell) == {"sdg", "region", "count"} for cell in body["cells"])
    cells = {(cell["sdg"], cell["region"]): cell["count"] for cell in body["cells"]}
    assert cells[(11, "002")] == 2  # Nairobi, Lagos (the draft in Accra does not count)
    assert cells[(11, "019")] == 2  # Lima, Quito
    assert cells[(11, "150")] == 1 and cells[(13, "142")] == 1
    assert cells[(1, "002")] == 0  # a gap
    assert sum(1 for count in cells.values() if count == 0) > 60
    assert body["cases"] == 7


@pytest.mark.django_db
def test_filters_narrow_the_axes_and_the_cases(client, cases):
    body = client.get("/api/v2/insights/coverage/?sdg=11,13&region=002,142&year_from=2016").json()
    assert [sdg["number"] for sdg in body["sdgs"]] == [11, 13]
    assert [region["code"] for region in body["regions"]] == ["002", "142"]
    cells = {(cell["sdg"], cell["region"]): cell["count"] for cell in body["cells"]}
    assert cells == {(11, "002"): 1, (11, "142"): 0, (13, "002"): 1, (13, "142"): 1}
    sub = client.get("/api/v2/insights/coverage/?region=014").json()
    assert sub["regions"] == [{"code": "014", "name": "Eastern Africa"}]
    assert {(c["sdg"], c["count"]) for c in sub["cells"] if c["count"]} == {(3, 1), (11, 1)}


@pytest.mark.django_db
def test_timeline_maturity_sectors_and_countries(client, cases):
    timeline = client.get("/api/v2/insights/timeline/").json()
    assert sum(row["count"] for row in timeline["published_per_month"]) == 7
    years = {row["year"]: row["count"] for row in timeline["by_start_year"]}
    assert years[2015] == 1 and years[2013] == 0 and min(years) == 2012 and max(years) == 2021
    assert timeline["no_start_year"] == 1
    maturity = client.get("/api/v2/insights/maturity/?region=002").json()
    assert {row["status"]: row["count"] for row in maturity["status"]} == {
        "idea": 1,
        "pilot": 1,
        "running": 1,
        "scaled_up": 0,
        "completed": 0,
    }
    # The self-assessment fields (issue 14): the test cases left them blank.
    assert {row["value"]: row["count"] for row in maturity["assessment"]["evidence"]}[""] == 3
    sectors = {
        row["sector"]: row for row in client.get("/api/v2/insights/sectors/").json()["sectors"]
    }
    assert sectors["government"]["actors"] == 3 and sectors["government"]["cases"] == 3
    assert sectors["urban_network"]["actors"] == 0
    countries = client.get("/api/v2/insights/countries/?sdg=11").json()["countries"]
    assert {row["country"]: row["count"] for row in countries} == {
        "KE": 1,
        "NG": 1,
        "PE": 1,
        "EC": 1,
        "NL": 1,
    }
    kenya = next(row for row in countries if row["country"] == "KE")
    assert kenya["numeric"] == "404" and kenya["region"] == "002"


@pytest.mark.django_db
def test_flows_is_empty_and_valid_without_the_exchange_app(client, cases, monkeypatch):
    from django.apps import apps

    # The exchange app is installed now: answer as a site without it would.
    installed = apps.is_installed
    monkeypatch.setattr(apps, "is_installed", lambda name: name != "exchange" and installed(name))
    body = client.get("/api/v2/insights/flows/").json()
    assert body["available"] is False and body["links"] == 0
    assert [row["kind"] for row in body["by_kind"]] == [
        "learned_from",
        "adapted_from",
        "inspired_by",
    ]
    assert len(body["between_regions"]) == 25 and not any(
        r["count"] for r in body["between_regions"]
    )


@pytest.mark.django_db
def test_flows_count_links_from_the_exchange_service(client, cases, monkeypatch):
    """The exchange app is built in parallel: its service is stood in for by rows of the shape
    insights.sources.knowledge_links() documents."""
    from insights import sources

    links = [
        {
            "source_city": "Lyon",
            "source_country": "FR",
            "source_region": "150",
            "target_city": "Nairobi",
            "target_country": "KE",
            "target_region": "002",
            "kind": "learned_from",
            "channel": "conference",
            "year": 2019,
            "sdgs": [3],
        },
        {
            "source_city": "Lima",
            "source_country": "PE",
            "source_region": "",
            "target_city": "Quito",
            "target_country": "EC",
            "target_region": "",
            "kind": "adapted_from",
            "channel": "study_visit",
            "year": None,
            "sdgs": [11],
        },
    ]
    monkeypatch.setattr(sources, "knowledge_links", lambda: [dict(link) for link in links])
    body = client.get("/api/v2/insights/flows/").json()
    assert body["links"] == 2
    pairs = {(r["source_region"], r["target_region"]): r["count"] for r in body["between_regions"]}
    assert pairs[("150", "002")] == 1 and pairs[("019", "019")] == 1
    assert client.get("/api/v2/insights/flows/?region=002").json()["links"] == 1
    assert client.get("/api/v2/insights/flows/?region=005").json()["links"] == 1  # South America
    assert client.get("/api/v2/insights/flows/?year_from=2010").json()["links"] == 1
    assert client.get("/api/v2/insights/flows/?sdg=11").json()["by_kind"][1]["count"] == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, parameter",
    [
        ("sdg=18", "sdg"),
        ("sdg=x", "sdg"),
        ("region=999", "region"),
        ("year_from=19", "year_from"),
        ("year_to=abcd", "year_to"),
        ("year_from=2020&year_to=2010", "year_to"),
    ],
)
def test_bad_filters_get_400_naming_the_parameter(client, cases, query, parameter):
    response = client.get(f"/api/v2/insights/coverage/?{query}")
    assert response.status_code == 400
    assert response.json()["message"].startswith(f"{parameter}:")


@pytest.mark.django_db
def test_unknown_figure_is_a_json_404(client, db):
    response = client.get("/api/v2/insights/nonsense/")
    assert response.status_code == 404 and response.json()["message"].startswith("name:")


@pytest.mark.django_db
def test_answers_are_cached_under_the_content_version(client, cases, django_assert_max_num_queries):
    first = client.get("/api/v2/insights/coverage/")
    with django_assert_max_num_queries(1):  # the content version only
        again = client.get("/api/v2/insights/coverage/")
    assert again.content == first.content
    assert (
        client.get("/api/v2/insights/coverage/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code
        == 304
    )
    cases["Quito bike lanes"].unpublish()
    changed = client.get("/api/v2/insights/coverage/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed.json()["cases"] == 6


@pytest.mark.django_db
def test_survey_figure_follows_new_answers_despite_the_cache(client, db):
    def answer():
        SurveyResponse.objects.create(sector="ngo", learning_channels=["networks"])

    for _ in range(4):
        answer()
    first = client.get("/api/v2/insights/survey/")
    assert first.json()["responses"] is None  # 4 answers: hidden
    assert "Last-Modified" not in first
    answer()
    second = client.get("/api/v2/insights/survey/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200 and second.json()["responses"] == 5
