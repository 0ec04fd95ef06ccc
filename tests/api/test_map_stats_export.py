"""The map, statistics and open-data endpoints, as a consumer sees them over HTTP."""

import csv
import io
import json

import pytest


@pytest.fixture
def cases(case_factory):
    return {
        "nairobi": case_factory(
            title="Community health workers in Nairobi",
            city="Nairobi",
            country="KE",
            latitude=-1.28333,
            longitude=36.81667,
            sdgs=[3, 1],
            topics=["health"],
            actors=[{"organisation": "Nairobi City County", "sector": "government"}],
        ),
        "lima": case_factory(
            title="Bus rapid transit in Lima",
            city="Lima",
            country="PE",
            latitude=-12.04318,
            longitude=-77.02824,
            sdgs=[11],
            topics=["mobility"],
        ),
        "fiji": case_factory(
            title="Mangroves in Suva",
            city="Suva",
            country="FJ",
            latitude=-18.14161,
            longitude=178.44149,
            sdgs=[13, 14],
            topics=["climate"],
        ),
        "no_coordinates": case_factory(
            title="Citizen assemblies in Lima",
            city="Lima",
            country="PE",
            latitude=None,
            longitude=None,
            sdgs=[16],
        ),
    }


def _map_titles(response):
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["type"] == "FeatureCollection"
    return sorted(feature["properties"]["title"] for feature in body["features"])


@pytest.mark.django_db
def test_map_is_geojson_of_cases_with_coordinates(client, cases):
    response = client.get("/api/v2/map/")
    assert response["Content-Type"] == "application/geo+json"
    feature = next(f for f in response.json()["features"] if f["id"] == cases["nairobi"].pk)
    assert feature == {
        "type": "Feature",
        "id": cases["nairobi"].pk,
        "geometry": {"type": "Point", "coordinates": [36.81667, -1.28333]},
        "properties": {
            "id": cases["nairobi"].pk,
            "title": "Community health workers in Nairobi",
            "url": cases["nairobi"].get_full_url(),
            "city": "Nairobi",
            "country": "KE",
            "sdgs": [1, 3],
            "topics": ["health"],
        },
    }
    assert _map_titles(response) == [
        "Bus rapid transit in Lima",
        "Community health workers in Nairobi",
        "Mangroves in Suva",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sdg=11", ["Bus rapid transit in Lima"]),
        ("topic=health,climate", ["Community health workers in Nairobi", "Mangroves in Suva"]),
        ("country=pe", ["Bus rapid transit in Lima"]),
        ("bbox=-80,-20,-70,0", ["Bus rapid transit in Lima"]),
        ("bbox=30,-5,40,5&sdg=3", ["Community health workers in Nairobi"]),
        ("bbox=30,-5,40,5&sdg=11", []),
        # A box across the antimeridian: from 170°E to 170°W.
        ("bbox=170,-30,-170,0", ["Mangroves in Suva"]),
    ],
)
def test_map_filters(client, cases, query, expected):
    assert _map_titles(client.get(f"/api/v2/map/?{query}")) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("bbox=1,2,3", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
        ("bbox=-200,0,10,10", "bbox"),
        ("bbox=0,10,10,0", "bbox"),
        ("sdg=18", "sdg"),
        ("country=ZZ", "country"),
    ],
)
def test_map_rejects_bad_parameters(client, cases, query, parameter):
    response = client.get(f"/api/v2/map/?{query}")
    assert response.status_code == 400
    assert response.json()["message"].startswith(f"{parameter}:")


@pytest.mark.django_db
def test_stats_count_live_public_content(client, cases, article_factory):
    article_factory(title="Science", sdgs=[3])
    article_factory(title="Unreviewed science", live=False)
    case_draft = cases["lima"]
    case_draft.unpublish()
    body = client.get("/api/v2/stats/").json()
    assert set(body) == {
        "cases",
        "articles",
        "countries",
        "last_updated",
        "by_sdg",
        "by_topic",
        "by_country",
        "by_region",
        "meta",
    }
    assert body["meta"] == {"locale": None}
    assert (body["cases"], body["articles"], body["countries"]) == (3, 1, 3)
    assert body["last_updated"]
    assert len(body["by_sdg"]) == 17
    by_sdg = {row["sdg"]: row for row in body["by_sdg"]}
    assert by_sdg[3] == {
        "sdg": 3,
        "title": "Good Health and Well-being",
        "colour": "#4C9F38",
        "count": 1,
    }
    assert by_sdg[11]["count"] == 0
    assert {row["topic"]: row["count"] for row in body["by_topic"]} == {
        "health": 1,
        "climate": 1,
    }
    assert {row["country"]: (row["name"], row["count"]) for row in body["by_country"]} == {
        "KE": ("Kenya", 1),
        "PE": ("Peru", 1),
        "FJ": ("Fiji", 1),
    }
    assert {row["region"]: (row["name"], row["count"]) for row in body["by_region"]} == {
        "002": ("Africa", 1),
        "019": ("Americas", 1),
        "009": ("Oceania", 1),
    }


@pytest.mark.django_db
def test_stats_on_an_empty_site(client, db):
    body = client.get("/api/v2/stats/").json()
    assert (body["cases"], body["articles"], body["countries"], body["last_updated"]) == (
        0,
        0,
        0,
        None,
    )
    assert body["by_topic"] == body["by_country"] == body["by_region"] == []


@pytest.mark.django_db
def test_csv_export_has_one_row_per_public_case_and_public_fields_only(client, cases):
    response = client.get("/api/v2/export/cases.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 4
    nairobi = next(row for row in rows if row["city"] == "Nairobi")
    assert nairobi["sdgs"] == "1;3"
    assert nairobi["topics"] == "health"
    assert nairobi["region_name"] == "Africa"
    assert nairobi["subregion_name"] == "Eastern Africa"
    assert nairobi["actors"] == "Nairobi City County (government)"
    assert nairobi["url"] == cases["nairobi"].get_full_url()
    for private in ("owner", "submitter", "email", "locked_by", "latest_revision"):
        assert not any(private in column for column in rows[0])


@pytest.mark.django_db
def test_json_export_matches_the_csv(client, cases):
    body = client.get("/api/v2/export/cases.json").json()
    assert body["licence"]["name"] == "CC-BY-4.0"
    assert body["count"] == len(body["cases"]) == 4
    nairobi = next(case for case in body["cases"] if case["city"] == "Nairobi")
    assert nairobi["sdgs"] == [1, 3]
    assert nairobi["latitude"] == -1.28333


@pytest.mark.django_db
def test_export_open_data_writes_a_valid_data_package(cases, tmp_path):
    from django.core.management import call_command

    from frictionless import Package, validate

    call_command("export_open_data", str(tmp_path))
    descriptor = json.loads((tmp_path / "datapackage.json").read_text())
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert [field["name"] for field in descriptor["resources"][0]["schema"]["fields"]][:3] == [
        "id",
        "title",
        "url",
    ]
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(str(tmp_path / "datapackage.json"))
    rows = package.get_resource("cases").read_rows()
    assert sorted(row["title"] for row in rows) == sorted(case.title for case in cases.values())
    assert float(next(row for row in rows if row["city"] == "Nairobi")["latitude"]) == -1.28333


@pytest.mark.django_db
def test_export_open_data_refuses_a_file_as_directory(cases, tmp_path):
    from django.core.management import CommandError, call_command

    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(CommandError, match="not a directory"):
        call_command("export_open_data", str(target))
