"""Research data releases: `manage.py research_release` writes a versioned Frictionless data
package that validates, with codebook, licence and citation; no submitter data, IP address,
user agent or live session hash; free text only with consent; rare country × sector
combinations generalised; served to Researchers with a bearer token."""

import csv
import datetime
import json
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import timezone

from wagtail.models import APIToken

import pytest

from insights.models import PageFeedback, ResearchRelease
from search.models import SearchLog
from submissions.models import Submission, SurveyResponse

TODAY = datetime.date.today().isoformat()
ADDRESS, AGENT = "203.0.113.77", "LeakyBrowser/9.9 (secret agent)"
SUBMITTER = {
    "submitter_name": "Zebulon Releasecheck",
    "submitter_email": "zebulon.release@example.org",
}


@pytest.fixture
def activity(client, cases):
    """Searches, a click, feedback and survey answers, made through the site."""
    for query in ("flood", "heat"):
        client.get("/api/v2/search/", {"q": query}, REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT)
    case = cases["Lagos flood maps"]
    client.post(
        f"/feedback/{case.pk}/",
        {"useful": "yes", "will_use": "network"},
        REMOTE_ADDR=ADDRESS,
        HTTP_USER_AGENT=AGENT,
    )
    Submission.objects.create(title="A submitted case", **SUBMITTER)
    # Six Kenyan NGOs, two Peruvian academics, one Dutch government respondent.
    for sector, country, n in (("ngo", "KE", 6), ("academia", "PE", 2), ("government", "NL", 1)):
        for i in range(n):
            SurveyResponse.objects.create(
                sector=sector,
                country=country,
                learning_channels=["networks"],
                what_learned=f"SECRET-TEXT-{sector}-{i}",
                comments=f"shared words {sector} {i}" if i == 0 else "",
                consent_share_text=i == 0,
            )
    return case


def _release(tmp_path):
    call_command("research_release", str(tmp_path), "--from", "2020-01-01", "--to", TODAY)
    release = ResearchRelease.objects.order_by("-pk").first()
    return release, Path(release.directory)


def _rows(folder, name):
    with (folder / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.django_db
def test_release_is_a_valid_frictionless_package_with_codebook_and_citation(activity, tmp_path):
    from frictionless import validate

    release, folder = _release(tmp_path)
    assert release.version == "1.0.0" and folder.name == "closercities-research-1.0.0"
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads((folder / "datapackage.json").read_text())
    assert descriptor["version"] == "1.0.0" and descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert {r["name"] for r in descriptor["resources"]} == {
        "cases",
        "knowledge_links",
        "search_sessions",
        "survey_responses",
        "page_feedback",
    }
    assert all(
        field["description"] for r in descriptor["resources"] for field in r["schema"]["fields"]
    )
    assert "cff-version: 1.2.0" in (folder / "CITATION.cff").read_text()
    assert "| `area_level` |" in (folder / "README.md").read_text()
    assert len(_rows(folder, "cases.csv")) == 7 and not _rows(folder, "knowledge_links.csv")
    searches = _rows(folder, "search_sessions.csv")
    assert sorted(row["query"] for row in searches) == ["flood", "heat"]
    assert [row["sequence"] for row in searches] == ["1", "2"]
    feedback = _rows(folder, "page_feedback.csv")
    assert feedback[0]["will_use"] == "network" and feedback[0]["session"] == searches[0]["session"]
    assert {item["name"] for item in release.files} >= {
        "datapackage.json",
        "README.md",
        "CITATION.cff",
        "cases.csv",
    }


@pytest.mark.django_db
def test_release_holds_no_personal_data_and_no_live_session_hash(activity, tmp_path):
    release, folder = _release(tmp_path)
    text = "".join(path.read_text(encoding="utf-8") for path in folder.iterdir())
    for secret in (ADDRESS, AGENT, *SUBMITTER.values(), "SECRET-TEXT-ngo-1"):
        assert secret not in text, secret
    live = set(SearchLog.objects.values_list("session", flat=True)) | set(
        PageFeedback.objects.values_list("session", flat=True)
    )
    assert not [session for session in live if session in text or session[:32] in text]
    # A second release re-salts: its session ids cannot be joined with the first's.
    second, second_folder = _release(tmp_path)
    first_ids = {row["session"] for row in _rows(folder, "search_sessions.csv")}
    second_ids = {row["session"] for row in _rows(second_folder, "search_sessions.csv")}
    assert first_ids and not first_ids & second_ids
    assert second.version == "2.0.0"


@pytest.mark.django_db
def test_free_text_only_with_consent_and_rare_country_sector_generalised(activity, tmp_path):
    _made, folder = _release(tmp_path)
    rows = _rows(folder, "survey_responses.csv")
    shared = [row for row in rows if row["text_shared"] == "true"]
    assert {row["comments"] for row in shared} == {
        "shared words ngo 0",
        "shared words academia 0",
        "shared words government 0",
    }
    assert all(
        not row["what_learned"] and not row["comments"]
        for row in rows
        if row["text_shared"] == "false"
    )
    places = {(row["sector"], row["area"], row["area_level"]) for row in rows}
    assert ("ngo", "KE", "country") in places  # six: kept
    # Two Peruvian academics and one Dutch official are fewer than 5 anywhere: no sector,
    # no place.
    assert ("", "", "world") in places
    groups = {}
    for row in rows:
        groups[(row["sector"], row["area"])] = groups.get((row["sector"], row["area"]), 0) + 1
    assert all(count >= 5 or key == ("", "") for key, count in groups.items())


def test_generalisation_climbs_the_m49_hierarchy():
    from insights.releases.anonymise import generalise

    answers = [
        {"pk": n, "sector": "ngo", "country": c}
        for n, c in enumerate(["KE"] * 3 + ["TZ"] * 2 + ["NL"] * 5)
    ]
    places = generalise(answers)
    assert {places[n] for n in range(5)} == {("ngo", "014", "subregion")}  # Eastern Africa
    assert places[6] == ("ngo", "NL", "country")


@pytest.mark.django_db
def test_the_command_names_bad_arguments(tmp_path, db):
    with pytest.raises(CommandError, match="not a date"):
        call_command("research_release", str(tmp_path), "--from", "yesterday", "--to", TODAY)
    with pytest.raises(CommandError, match="before"):
        call_command(
            "research_release", str(tmp_path), "--from", "2026-02-01", "--to", "2026-01-01"
        )
    assert not ResearchRelease.objects.exists()


def _token(django_user_model, name, group=None):
    user = django_user_model.objects.create_user(name, None, "pw")
    if group:
        user.groups.add(Group.objects.get(name=group))
    return APIToken.create_token(user=user, name="release test")[1]


@pytest.mark.django_db
def test_releases_api_for_researchers_with_a_bearer_token(
    client, activity, tmp_path, django_user_model
):
    release, folder = _release(tmp_path)
    researcher = _token(django_user_model, "researcher", "Researchers")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {researcher}"}
    listing = client.get("/api/v2/research/releases/", **auth)
    assert listing.status_code == 200 and "no-store" in listing["Cache-Control"]
    assert [item["version"] for item in listing.json()["releases"]] == ["1.0.0"]
    detail = client.get("/api/v2/research/releases/1.0.0/", **auth).json()
    assert detail["datapackage"]["version"] == "1.0.0"
    files = {item["name"]: item for item in detail["files"]}
    download = client.get(files["survey_responses.csv"]["url"], **auth)
    assert download.status_code == 200 and download["Content-Type"].startswith("text/csv")
    assert b"".join(download.streaming_content) == (folder / "survey_responses.csv").read_bytes()
    assert client.get("/api/v2/research/releases/9.0.0/", **auth).status_code == 404
    assert (
        client.get(
            "/api/v2/research/releases/1.0.0/files/..%2F..%2Fetc%2Fpasswd", **auth
        ).status_code
        == 404
    )


@pytest.mark.django_db
def test_releases_api_refuses_anonymous_and_other_users(
    client, activity, tmp_path, django_user_model, superuser
):
    _release(tmp_path)
    for url in (
        "/api/v2/research/releases/",
        "/api/v2/research/releases/1.0.0/",
        "/api/v2/research/releases/1.0.0/files/cases.csv",
    ):
        anonymous = client.get(url)
        assert anonymous.status_code == 401 and anonymous["WWW-Authenticate"].startswith("Bearer")
        assert client.get(url, HTTP_AUTHORIZATION="Bearer not-a-token").status_code == 401
        editor = _token(django_user_model, f"editor{len(url)}", "Moderators")
        assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {editor}").status_code == 403
        client.force_login(superuser)  # a session is not a token
        assert client.get(url).status_code == 401
        client.logout()


@pytest.mark.django_db
def test_releases_are_listed_in_the_admin(client, activity, tmp_path, django_user_model):
    _release(tmp_path)
    user = django_user_model.objects.create_user("sci", None, "pw")
    user.groups.add(Group.objects.get(name="Science editors"))
    client.force_login(user)
    html = client.get("/admin/insights/researchrelease/").content.decode()
    assert "1.0.0" in html
    assert client.get("/admin/insights/researchrelease/create/").status_code in (302, 403)
    assert timezone.now()


@pytest.mark.django_db
def test_release_answers_match_the_openapi_description(
    client, activity, tmp_path, django_user_model
):
    from tests.api.test_openapi import _check

    _release(tmp_path)
    spec = client.get("/api/v2/schema/").json()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {_token(django_user_model, 'reader', 'Researchers')}"}
    _check(spec, "/api/v2/research/releases/", client.get("/api/v2/research/releases/", **auth))
    for path, url in (
        ("/api/v2/research/releases/{version}/", "/api/v2/research/releases/1.0.0/"),
        ("/api/v2/research/releases/{version}/", "/api/v2/research/releases/7.0.0/"),
    ):
        _check(spec, path, client.get(url, **auth))
    response = client.get("/api/v2/research/releases/1.0.0/files/datapackage.json", **auth)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
