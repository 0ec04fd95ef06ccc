"""The platform's own pages (About, Objectives, Research questions, Principles, Contact,
Privacy): created with their real text by a data migration, refreshed by seed_demo where
they still hold the old placeholder, never overwritten once an editor changed them; and the
footer that leads to them, to the API docs and to the open-data downloads."""

import re
from io import StringIO

from django.core.management import call_command

from wagtail.models import Page

import pytest

from home import site_content
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def _text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_migration_creates_the_pages_with_their_real_text(client):
    slugs = list(StandardPage.objects.live().order_by("path").values_list("slug", flat=True))
    assert slugs == [
        "about",
        "objectives",
        "research-questions",
        "principles",
        "contact",
        "privacy",
    ]
    assert Page.find_problems() == ([], [], [], [], [])

    about = _text(client, "/about/")
    assert "sharing urban knowledge between cities" in about
    for link in ('href="/api/v2/docs/"', 'href="/api/v2/export/cases.csv"', 'href="/principles/"'):
        assert link in _between_main(about), link

    objectives = _between_main(_text(client, "/objectives/"))
    assert objectives.count("<li>") == 5
    assert "Truly global." in objectives

    questions = _between_main(_text(client, "/research-questions/"))
    assert "How and what do urban professionals learn from each other?" in questions

    principles = _between_main(_text(client, "/principles/"))
    assert re.search(r"<ol>(.*?)</ol>", principles, re.S).group(1).count("<li>") == 6

    contact = _between_main(_text(client, "/contact/"))
    assert '<a href="mailto:editors@closercities.org">editors@closercities.org</a>' in contact

    privacy = _between_main(_text(client, "/privacy/"))
    assert "cc_search" in privacy and "never your IP" in privacy


def _between_main(html):
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_every_page_links_to_the_platform_pages_the_api_docs_and_the_open_data(client, settings):
    settings.CONTACT_EMAIL = "hello@example.org"
    footer = _text(client, "/").split('<footer class="site-footer">', 1)[1]
    for href in (
        "/about/",
        "/objectives/",
        "/research-questions/",
        "/principles/",
        "/privacy/",
        "/api/v2/docs/",
        "/api/v2/export/cases.csv",
        "/api/v2/export/cases.json",
        "/insights/",
        "/contact/",
    ):
        assert f'href="{href}"' in footer, href
    assert '<a href="mailto:hello@example.org">hello@example.org</a>' in footer
    # Every link in the footer leads somewhere.
    for href in re.findall(r'href="(/[^"]*)"', footer):
        assert client.get(href).status_code == 200, href


def test_seed_gives_placeholder_pages_their_text_and_leaves_edited_pages_alone():
    home = HomePage.objects.get()
    about = StandardPage.objects.get(slug="about")
    about.intro = site_content.PLACEHOLDER_INTROS[0]
    about.body = []
    about.save_revision().publish()
    contact = StandardPage.objects.get(slug="contact")
    contact.intro = "<p>Our own words.</p>"
    contact.save_revision().publish()
    StandardPage.objects.get(slug="principles").delete()

    call_command("seed_demo", cases=0, articles=0, stdout=StringIO(), stderr=StringIO())

    about.refresh_from_db()
    assert "sharing urban knowledge between cities" in about.intro
    assert len(about.body) == 4
    assert about.search_description.startswith("Closer Cities is an open platform")
    contact.refresh_from_db()
    assert contact.intro == "<p>Our own words.</p>"
    assert StandardPage.objects.child_of(home).filter(slug="principles", live=True).exists()
    # Running it again changes nothing.
    assert site_content.ensure_pages(home) == []
