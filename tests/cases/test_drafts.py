"""Editors and moderators look at drafts before they go live: "View draft" and "Preview" work
for every page type, through Wagtail's own admin views, with every cache empty (as after a
deploy or a publish elsewhere), for a page never published (a public submission awaiting
review) and for a live page with changes pending."""

import json

from django.core.cache import cache
from django.urls import reverse

from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import querydict_from_html

import pytest
from bs4 import BeautifulSoup

from home.models import HomePage, StandardPage
from taxonomy.models import SDG
from tests.factories import CasePageFactory, ResearcherFactory

SUBMISSION = {
    "title": "Floating schools of Makoko",
    "summary": "Classrooms that rise with the water.",
    "description": "Built from local timber.\n\nNow in three neighbourhoods.",
    "city": "Lagos",
    "country": "NG",
    "latitude": 6.4969,
    "longitude": 3.3903,
    "sdgs": [4, 11],
    "topics": [],
    "actors": [{"organisation": "Makoko community", "sector": "civil_society", "role": "builders"}],
    "start_year": 2013,
    "status": "pilot",
    "submitter_name": "Ada Obi",
    "submitter_email": "ada@example.org",
    "consent_publish": True,
    "consent_privacy": True,
}


def _view_draft(client, page):
    cache.clear()
    return client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))


def _preview(client, page):
    """The admin's live preview: the edit form's own data posted to the preview view, then
    the rendered preview read back."""
    cache.clear()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    html = edit.content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    # As a browser sends them (the helper reads a ticked box without a value as "", which
    # Django reads as unticked, and a multiple choice with nothing chosen as its first option).
    form = BeautifulSoup(html, "html.parser").find("form", id="page-edit-form")
    for box in form.find_all("input", type="checkbox", checked=True):
        if "value" not in box.attrs:
            data.setlist(box["name"], ["on"])
    for select in form.find_all("select", multiple=True):
        if not select.find_all("option", selected=True):
            data.setlist(select["name"], [])
    # Stream fields are drawn by the admin's scripts from JSON, so the HTML holds no inputs
    # for them; a browser would post their blocks. Post them empty (the text changed in the
    # pending revision is the title, which is a plain input).
    for field in type(page.specific)._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            data[f"{field.name}-count"] = "0"
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    posted = client.post(url, data=data)
    assert posted.status_code == 200
    assert posted.json() == {"is_valid": True, "is_available": True}, posted.content
    cache.clear()
    return client.get(url)


def _standard_page():
    page = StandardPage(title="About us", slug="about-us", intro="<p>What we do.</p>")
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def pages_of_every_type(case_factory, article_factory, event_factory, library_item_factory):
    """One page of each type the site has, each live with an unpublished change waiting."""
    CasePageFactory(title="A similar case", sdgs=[4, 11])
    pages = [
        case_factory(title="Solar schools", sdgs=[4, 7]),
        article_factory(
            title="How schools learn", sdgs=[4], authors=[ResearcherFactory()], related_cases=[]
        ),
        _standard_page(),
        event_factory(title="Heat workshop"),
        library_item_factory(title="Nairobi heat plan", document_type="plan"),
    ]
    present = {type(page) for page in pages}
    for model in get_page_models():
        if model is Page or model in present:
            continue
        page = model.objects.live().first()
        assert page is not None, f"no {model.__name__} in the tree"
        pages.append(page)
    for page in pages:
        page = page.specific
        page.title = f"{page.title} (pending change)"
        page.save_revision()
    return pages


@pytest.mark.django_db
def test_view_draft_and_preview_work_for_every_page_type(client, superuser, pages_of_every_type):
    client.force_login(superuser)
    seen = set()
    for page in pages_of_every_type:
        seen.add(type(page.specific))
        for response in (_view_draft(client, page), _preview(client, page)):
            assert response.status_code == 200, (type(page.specific).__name__, response)
            assert "(pending change)" in response.content.decode()
    assert seen == set(get_page_models()) - {Page}


@pytest.mark.django_db
def test_a_moderator_views_the_draft_of_a_submitted_case(client, superuser):
    response = client.post(
        "/api/v2/submissions/cases/", json.dumps(SUBMISSION), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    page = Page.objects.get(title=SUBMISSION["title"])
    client.force_login(superuser)
    for response in (_view_draft(client, page), _preview(client, page)):
        assert response.status_code == 200
        text = response.content.decode()
        assert "Floating schools of Makoko" in text
        assert "Makoko community" in text


@pytest.mark.django_db
def test_a_draft_view_leaves_the_live_page_its_own_related_cases(client, superuser, case_factory):
    """The related-cases ranking of a draft (with other SDGs) is not served on the live page."""
    case = case_factory(title="School gardens", sdgs=[4])
    case_factory(title="Reading rooms", sdgs=[4])
    case_factory(title="Solar lamps", sdgs=[7])
    draft = case.get_latest_revision_as_object()
    draft.sdgs = list(SDG.objects.filter(number__in=[7]))
    draft.save_revision()
    client.force_login(superuser)
    viewed = _view_draft(client, case).content.decode()
    assert "Solar lamps" in viewed and "Reading rooms" not in viewed
    client.logout()
    live = client.get(case.url).content.decode()
    assert "Reading rooms" in live and "Solar lamps" not in live
