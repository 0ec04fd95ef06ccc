"""The /benchmark/ form without JavaScript (plain form posts), the result page it leads to, and
"submit this project as a case" with the case form filled from the benchmark; the
self-assessment questions of the case form."""

import re

import pytest

from benchmark.models import Benchmark
from submissions.models import Submission

from .conftest import PAGE

pytestmark = pytest.mark.django_db

SUBMIT = "/submit-a-case/"


def form_data(**overrides):
    data = {
        "title": "Rooftop gardens",
        "description": "Tenants grow vegetables on the roofs.",
        "city": "Rotterdam",
        "country": "NL",
        "sdgs": ["11", "2"],
        "scale": "neighbourhood",
        "status": "pilot",
        "start_year": "2021",
        "actors": ["civil_society"],
        "evidence": "anecdotal",
        "participation": "co_designed",
        "funding": "",
        "documentation": "",
        "transfer": "",
    }
    data.update(overrides)
    return data


def test_the_page_asks_every_question_of_the_api(client):
    response = client.get(PAGE)
    html = response.content.decode()
    assert response.status_code == 200
    for name in (
        "title",
        "description",
        "city",
        "country",
        "sdgs",
        "topics",
        "scale",
        "status",
        "start_year",
        "actors",
        "evidence",
        "participation",
        "funding",
        "documentation",
        "transfer",
    ):
        assert f'name="{name}"' in html, name
    assert 'value="co_managed"' in html and 'value="other_cities"' in html


def test_sending_the_form_leads_to_the_result(client, peers):
    response = client.post(PAGE, form_data())
    assert response.status_code == 302
    benchmark = Benchmark.objects.get()
    assert response["Location"] == f"/benchmark/result/{benchmark.token}/"
    html = client.get(response["Location"]).content.decode()
    assert "Rooftop gardens" in html
    assert "Community garden 0" in html
    assert "Lesson of garden 0." in html
    # Your own answers are marked in the tables.
    assert re.search(r'class="benchmark-yours">\s*<th scope="row">Pilot', html)


def test_mistakes_are_shown_beside_the_fields_keeping_what_was_typed(client):
    response = client.post(
        PAGE, form_data(sdgs=[], evidence="great", description="My own words <b>here</b>")
    )
    assert response.status_code == 400
    html = response.content.decode()
    sdgs = html[html.index('id="field-sdgs"') :]
    assert (
        "Choose at least one Sustainable Development Goal."
        in sdgs[: sdgs.index("</fieldset>") + 200]
    )
    evidence = html[html.index('id="field-evidence"') :]
    assert "Select a valid choice." in evidence[: evidence.index("</div>")]
    assert "My own words &lt;b&gt;here&lt;/b&gt;</textarea>" in html
    assert 'value="Rooftop gardens"' in html
    assert response["Cache-Control"] == "private, no-store"
    assert not Benchmark.objects.exists()


def test_a_filled_honeypot_seems_to_work_and_keeps_nothing(client):
    response = client.post(PAGE, form_data(fax="123"))
    assert response.status_code == 302
    assert not Benchmark.objects.exists()
    assert client.get(response["Location"]).status_code == 404


def test_submit_this_project_as_a_case_starts_from_the_benchmark(client, peers):
    result = client.get(client.post(PAGE, form_data())["Location"])
    link = re.search(r'href="(/submit-a-case/\?benchmark=[^"]+)"', result.content.decode())
    assert link, "no link to submit the project"
    response = client.get(link.group(1))
    html = response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert 'value="Rooftop gardens"' in html
    assert "Tenants grow vegetables on the roofs.</textarea>" in html
    assert re.search(r'<option value="NL" selected>', html)
    assert re.search(r'value="anecdotal" selected', html)
    # Another token, or none: an empty form.
    assert "Rooftop gardens" not in client.get(SUBMIT + "?benchmark=nope").content.decode()
    assert "Rooftop gardens" not in client.get(SUBMIT).content.decode()


def test_a_submitted_case_keeps_its_self_assessment(client):
    from tests.submissions.conftest import case_payload

    payload = case_payload(
        evidence="evaluated", participation="co_managed", transfer="other_cities"
    )
    response = client.post("/api/v2/submissions/cases/", payload, content_type="application/json")
    assert response.status_code == 201, response.content
    page = Submission.objects.get().page.specific
    assert (page.evidence, page.participation, page.funding, page.transfer) == (
        "evaluated",
        "co_managed",
        "",
        "other_cities",
    )
    response = client.post(
        "/api/v2/submissions/cases/",
        case_payload(funding="forever"),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["funding"]


def test_the_page_api_shows_a_cases_self_assessment(client, case_factory):
    page = case_factory(evidence="monitored", documentation="public")
    item = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert (item["evidence"], item["documentation"], item["funding"]) == ("monitored", "public", "")


def test_the_admin_lists_research_records_without_any_text(client, superuser, post, peers):
    post(title="Zyxwvut gardens", description="Words that stay with the benchmark.")
    client.force_login(superuser)
    response = client.get("/admin/benchmark/benchmarkrecord/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Netherlands" in html or "NL" in html
    assert "Zyxwvut" not in html and "Words that stay" not in html
    export = client.get("/admin/benchmark/benchmarkrecord/?export=csv")
    assert export.status_code == 200
    body = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "anecdotal" in body and "Zyxwvut" not in body
    assert client.get("/admin/benchmark/benchmark/").status_code == 404
