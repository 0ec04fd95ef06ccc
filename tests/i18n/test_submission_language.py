"""A case keeps the language it was written in: the submission API and form take `language`
(default: the page's language) and the draft goes into that language's tree, under the same
"Case review" workflow, and nothing of it leaks before approval."""

import json

from wagtail.models import Page

import pytest

from cases.models import CasePage
from submissions.models import Submission

pytestmark = pytest.mark.django_db

CASE = {
    "title": "SECRETFRENCH Toits solaires pour les écoles",
    "summary": "SECRETFRENCH Des panneaux solaires sur les toits des écoles.",
    "description": "Les habitants financent ensemble les panneaux.",
    "city": "Lyon",
    "country": "FR",
    "sdgs": [7, 11],
    "consent_publish": True,
    "consent_privacy": True,
    "submitter_name": "Camille Fuite",
    "submitter_email": "camille.fuite@example.org",
}
SECRETS = ["SECRETFRENCH", "Camille Fuite", "camille.fuite@example.org"]


def _post(client, **fields):
    return client.post(
        "/api/v2/submissions/cases/",
        json.dumps({**CASE, **fields}),
        content_type="application/json",
    )


def test_a_french_submission_lands_in_the_french_tree_under_review(client, locale_trees):
    response = _post(client, language="fr")
    assert response.status_code == 201, response.content
    page = CasePage.objects.get(title=CASE["title"])
    assert page.locale.language_code == "fr"
    parent = page.get_parent()
    assert parent.slug == "cases" and parent.locale.language_code == "fr"
    assert not page.live
    assert page.workflow_in_progress
    assert page.get_workflow().name == "Case review"
    assert Submission.objects.get(page=page).status == "received"


def test_without_language_the_api_uses_the_default_language(client, locale_trees):
    assert _post(client).status_code == 201
    assert CasePage.objects.get(title=CASE["title"]).locale.language_code == "en"


def test_an_unknown_language_is_refused_naming_the_field(client, locale_trees):
    response = _post(client, language="xx")
    assert response.status_code == 400
    assert "language" in response.json()["errors"]
    assert not CasePage.objects.filter(title=CASE["title"]).exists()
    assert not Submission.objects.exists()


def test_the_form_on_the_french_page_writes_into_the_french_tree(client, locale_trees):
    html = client.get("/fr/submit-a-case/").content.decode()
    assert 'name="language"' in html
    assert '<option value="fr" selected>' in html
    data = {k: v for k, v in CASE.items() if k != "sdgs"}
    data["sdgs"] = ["7", "11"]
    data["consent_publish"] = data["consent_privacy"] = "on"
    response = client.post("/fr/submit-a-case/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"].startswith("/fr/submit-a-case/")
    page = CasePage.objects.get(title=CASE["title"])
    assert page.locale.language_code == "fr"
    assert page.workflow_in_progress


LEAK_URLS = [
    "/fr/cases/",
    "/cases/",
    "/fr/search/?q=toits+solaires",
    "/fr/map/",
    "/sitemap.xml",
    "/api/v2/pages/?type=cases.CasePage&fields=*&limit=100",
    "/api/v2/pages/?search=toits",
    "/api/v2/search/?q=toits+solaires",
    "/api/v2/map/",
    "/api/v2/export/cases.json",
    "/api/v3/pages/?type=cases.CasePage&limit=100",
]


def test_a_french_submission_never_leaks_before_approval(client, locale_trees):
    assert _post(client, language="fr").status_code == 201
    page = CasePage.objects.get(title=CASE["title"])
    for url in [*LEAK_URLS, f"/fr/cases/{page.slug}/", f"/api/v2/pages/{page.pk}/"]:
        response = client.get(url)
        text = response.content.decode()
        for secret in SECRETS:
            assert secret not in text, f"{secret} leaked through {url}"
    # The language switcher of the French index never links to it either.
    assert page.slug not in client.get("/fr/cases/").content.decode()


def test_a_draft_translation_never_leaks(client, locale_trees, case_factory):
    """An editor's translation that is not published yet (wagtail-localize creates drafts)."""
    from wagtail.models import Locale

    case = case_factory(title="Public case in English", slug="public-case")
    draft = case.copy_for_translation(Locale.objects.get(language_code="fr"))
    draft.title = "SECRETFRENCH brouillon"
    draft.save_revision()
    assert not Page.objects.get(pk=draft.pk).live
    for url in [
        "/fr/cases/",
        "/fr/cases/public-case/",
        "/cases/public-case/",
        "/api/v2/pages/?fields=*&limit=100",
        "/api/v2/search/?q=brouillon",
        "/fr/search/?q=brouillon",
        "/sitemap.xml",
    ]:
        text = client.get(url).content.decode()
        assert "SECRETFRENCH" not in text, url
    # The English page's switcher does not point at the draft: French falls back to the index.
    html = client.get("/cases/public-case/").content.decode()
    assert 'href="/fr/cases/public-case/"' not in html
    assert 'href="/fr/cases/" lang="fr"' in html
