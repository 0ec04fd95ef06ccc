"""Knowledge-transfer links: given with a case submission (API and form), public only after the
case is approved and only while both ends are live and public, managed by editors on the case,
and exported."""

import csv
import io
import json

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import PageViewRestriction, WorkflowState

import pytest
from frictionless import validate

from cases.models import CasePage
from exchange.models import ExternalSource, KnowledgeLink
from submissions.models import Submission
from tests.submissions.conftest import CASES_API, case_payload, row_counts

from .conftest import external, link

SOURCES = lambda source: [  # noqa: E731
    {"case": source.pk, "kind": "adapted_from", "channel": "study_visit", "year": 2018},
    {
        "title": "Habitat III conference",
        "url": "https://habitat3.example.org/",
        "city": "Quito",
        "country": "ec",
        "kind": "inspired_by",
        "channel": "conference",
        "description": "The <i>right to the city</i> framing.",
    },
]


def _approve(client, moderator, page, django_capture_on_commit_callbacks):
    client.force_login(moderator)
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"comment": ""}).status_code == 302
    client.logout()


@pytest.mark.django_db
def test_a_submission_with_learned_from_creates_links_that_appear_only_after_approval(
    client, case_factory, moderator, django_capture_on_commit_callbacks
):
    source = case_factory(title="Solar roofs in Accra", city="Accra", country="GH")
    payload = case_payload(learned_from=SOURCES(source), consent_contact=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CASES_API, json.dumps(payload), content_type="application/json")
    assert response.status_code == 201, response.content
    page = Submission.objects.get().page
    assert page.contact_email == "ada.private@example.org"
    links = KnowledgeLink.objects.filter(target=page).order_by("sort_order")
    assert [(item.source_case_id, item.kind) for item in links] == [
        (source.pk, "adapted_from"),
        (None, "inspired_by"),
    ]
    assert ExternalSource.objects.get().country.code == "EC"
    # Before approval: nowhere.
    assert client.get("/api/v2/network/").json()["edges"] == []
    assert client.get("/api/v2/export/links.csv").content.decode().count("\n") == 1
    assert "Rooftop gardens" not in client.get(source.url).content.decode()

    _approve(client, moderator, page, django_capture_on_commit_callbacks)
    body = client.get("/api/v2/network/").json()
    assert sorted((e["source"], e["target"], e["kind"]) for e in body["edges"]) == [
        (f"case:{source.pk}", f"case:{page.pk}", "adapted_from"),
        (f"ext:{ExternalSource.objects.get().pk}", f"case:{page.pk}", "inspired_by"),
    ]
    live = CasePage.objects.get(pk=page.pk)
    case_html = client.get(live.url).content.decode()
    assert "Habitat III conference" in case_html and "Solar roofs in Accra" in case_html
    assert "&lt;i&gt;right to the city&lt;/i&gt;" in case_html  # text from the public, escaped
    assert "Rooftop gardens on social housing" in client.get(source.url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"case": 999999, "kind": "learned_from", "channel": "website"}, "Source 1, case"),
        ({"title": "X", "kind": "copied", "channel": "website"}, "Source 1, kind"),
        ({"title": "X", "kind": "learned_from", "channel": "fax"}, "Source 1, channel"),
        (
            {"title": "X", "kind": "learned_from", "channel": "website", "year": 3000},
            "Source 1, year",
        ),
        (
            {"title": "X", "url": "ftp://x", "kind": "learned_from", "channel": "website"},
            "Source 1, url",
        ),
        (
            {"title": "X", "country": "QQ", "kind": "learned_from", "channel": "website"},
            "Source 1, country",
        ),
        ({"kind": "learned_from", "channel": "website"}, "Source 1, case"),
        ({"case": 1, "title": "X", "kind": "learned_from", "channel": "website"}, "Source 1, case"),
        ({"title": ["X"], "kind": "learned_from", "channel": "website"}, "Source 1, title"),
    ],
)
def test_bad_items_get_400_naming_the_item_and_field_and_nothing_is_created(
    client, case_factory, item, message
):
    good = {"title": "Fine", "kind": "learned_from", "channel": "website"}
    before = row_counts()
    payload = case_payload(learned_from=[item, good])
    response = client.post(CASES_API, json.dumps(payload), content_type="application/json")
    assert response.status_code == 400
    errors = response.json()["errors"]["learned_from"]
    assert any(error.startswith(message) for error in errors), errors
    assert row_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["nope", {"case": 1}, [1, 2], 5])
def test_learned_from_that_is_not_a_list_of_objects_is_refused(client, value):
    payload = case_payload(learned_from=value)
    response = client.post(CASES_API, json.dumps(payload), content_type="application/json")
    assert response.status_code == 400 and "learned_from" in response.json()["errors"]


@pytest.mark.django_db
def test_the_form_picks_a_case_by_title_without_javascript(client, case_factory):
    one = case_factory(title="Protected cycle lanes in Utrecht")
    case_factory(title="Protected cycle lanes in Bogotá")
    form = {
        **{k: v for k, v in case_payload().items() if k not in ("actors", "sdgs", "topics")},
        "sdgs": ["11"],
        "consent_publish": "on",
        "consent_privacy": "on",
        "learned_from-0-case": "cycle lanes",
        "learned_from-0-kind": "learned_from",
        "learned_from-0-channel": "this_platform",
    }
    first = client.post("/submit-a-case/", form)
    assert first.status_code == 400
    html = first.content.decode()
    assert "several published cases match; choose one below" in html
    assert f'name="learned_from-0-choice" value="{one.pk}"' in html
    assert 'value="cycle lanes"' in html  # what was typed is kept
    second = client.post("/submit-a-case/", {**form, "learned_from-0-choice": str(one.pk)})
    # Sent: the browser is sent on to the thank-you page (a reload never re-sends).
    assert second.status_code == 302, second.content.decode()[:2000]
    assert second["Location"].startswith("/submit-a-case/thanks/")
    assert KnowledgeLink.objects.get().source_case_id == one.pk
    # An exact title needs no second step.
    client.post("/submit-a-case/", {**form, "learned_from-0-case": one.title.upper()})
    assert KnowledgeLink.objects.filter(source_case=one).count() == 2


@pytest.mark.django_db
def test_a_link_to_a_draft_or_private_case_never_appears(client, case_factory):
    public = case_factory(title="Public roof gardens")
    draft = case_factory(title="SECRETDRAFTSOURCE", live=False)
    private = case_factory(title="SECRETPRIVATESOURCE")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    unpublished = case_factory(title="SECRETUNPUBLISHEDSOURCE")
    for source in (draft, private, unpublished):
        link(public, source)
    link(draft, public)
    link(private, public)
    unpublished.unpublish()
    for url in (
        "/api/v2/network/",
        "/api/v2/network/?kind=learned_from",
        "/api/v2/network.graphml",
        "/api/v2/export/links.csv",
        "/network/",
        public.url,
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        for secret in ("SECRETDRAFTSOURCE", "SECRETPRIVATESOURCE", "SECRETUNPUBLISHEDSOURCE"):
            assert secret not in text, (secret, url)
        for page in (draft, private, unpublished):
            assert f'case:{page.pk}"' not in text and f"case:{page.pk}<" not in text
    assert client.get("/api/v2/network/").json()["edges"] == []


@pytest.mark.django_db
def test_editors_manage_links_on_the_case_and_see_the_listing(client, case_factory, superuser):
    source = case_factory(title="Matatu route map")
    target = case_factory(title="Bus network redesign")
    client.force_login(superuser)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert edit.status_code == 200
    html = edit.content.decode()
    assert "knowledge_sources-TOTAL_FORMS" in html and "contact_email" in html
    link(target, source)
    listing = client.get("/admin/exchange/knowledgelink/")
    assert listing.status_code == 200
    assert "Matatu route map" in listing.content.decode()


@pytest.mark.django_db
def test_links_join_the_open_data_package(tmp_path, case_factory):
    source = case_factory(title="Repair cafés, Amsterdam")
    target = case_factory(title="Repair cafés, Lagos", city="Lagos", country="NG")
    link(target, source)
    link(target, external=external())
    call_command("export_open_data", str(tmp_path), stdout=io.StringIO())
    rows = list(csv.DictReader((tmp_path / "links.csv").open(encoding="utf-8")))
    assert {(row["source_title"], row["target_title"]) for row in rows} == {
        ("Repair cafés, Amsterdam", "Repair cafés, Lagos"),
        ("World Urban Forum", "Repair cafés, Lagos"),
    }
    descriptor = json.loads((tmp_path / "datapackage.json").read_text())
    assert [r["name"] for r in descriptor["resources"]] == ["cases", "links"]
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
