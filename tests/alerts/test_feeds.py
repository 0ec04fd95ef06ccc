"""RSS and Atom feeds of new cases, science articles and library documents take the search's
filters, list only published public pages newest first, and are linked from the case index
and the search page."""

import datetime

from django.test import Client
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

import pytest
from defusedxml import ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"


def _rss_titles(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return [item.findtext("title") for item in channel.findall("item")]


@pytest.fixture
def cases(case_factory):
    now = timezone.now()
    made = {
        "nairobi": case_factory(title="Nairobi cycle lanes", country="KE", sdgs=[11, 3]),
        "accra": case_factory(title="Accra markets", country="GH", sdgs=[11]),
        "lyon": case_factory(title="Lyon trams", country="FR", sdgs=[11]),
        "kampala": case_factory(title="Kampala water", country="UG", sdgs=[6]),
    }
    for days, page in enumerate(made.values()):
        Page.objects.filter(pk=page.pk).update(first_published_at=now - datetime.timedelta(days))
    case_factory(title="Dakar draft", country="SN", sdgs=[11], live=False)
    private = case_factory(title="Private Abuja case", country="NG", sdgs=[11])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    return made


@pytest.mark.django_db
def test_the_case_feed_takes_the_search_filters(client, cases):
    assert _rss_titles(client.get("/cases/feed/?sdg=11&region=002")) == [
        "Nairobi cycle lanes",
        "Accra markets",
    ]
    assert _rss_titles(client.get("/cases/feed/?q=trams")) == ["Lyon trams"]
    assert _rss_titles(client.get("/cases/feed/")) == [
        "Nairobi cycle lanes",
        "Accra markets",
        "Lyon trams",
        "Kampala water",
    ]
    channel = ET.fromstring(client.get("/cases/feed/?sdg=11&region=002").content).find("channel")
    assert channel.findtext("link") == "http://testserver/cases/?sdg=11&region=002"
    assert "Sustainable Cities and Communities" in channel.findtext("description")
    item = channel.find("item")
    assert item.findtext("link") == f"http://testserver{cases['nairobi'].url}"
    assert {c.text for c in item.findall("category")} == {"SDG 3", "SDG 11"}
    assert item.findtext("pubDate")


@pytest.mark.django_db
def test_atom_science_and_library_feeds(client, cases, article_factory, library_item_factory):
    article_factory(title="What heat plans teach", sdgs=[13])
    article_factory(title="Water and schools", sdgs=[6])
    library_item_factory(title="Utrecht mobility strategy", document_type="strategy")
    library_item_factory(title="Accra waste regulation", document_type="regulation", country="GH")
    response = client.get("/cases/feed/atom/?sdg=6")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")] == ["Kampala water"]
    assert _rss_titles(client.get("/science/feed/?sdg=13")) == ["What heat plans teach"]
    assert _rss_titles(client.get("/library/feed/?document_type=regulation")) == [
        "Accra waste regulation"
    ]
    assert _rss_titles(client.get("/library/feed/?region=150")) == ["Utrecht mobility strategy"]


@pytest.mark.django_db
def test_a_bad_filter_is_a_400_naming_it(client, cases):
    for url, parameter in (
        ("/cases/feed/?sdg=18", "sdg"),
        ("/science/feed/atom/?region=abc", "region"),
        ("/library/feed/?document_type=novel", "document_type"),
        ("/cases/feed/?year_from=1800", "year_from"),
        # What the OpenAPI description's patterns refuse (the input guard, as for
        # /api/v2/search/), in the same plain text.
        ("/cases/feed/?topic=not%20a%20slug", "topic"),
        ("/library/feed/atom/?country=xx,", "country"),
        ("/science/feed/?status=done", "status"),
    ):
        response = client.get(url)
        assert response.status_code == 400, url
        assert response.content.decode().startswith(f"{parameter}: ")
        assert response["Content-Type"].startswith("text/plain")


@pytest.mark.django_db
def test_index_and_search_pages_link_their_feeds_with_their_filters(client, cases):
    html = client.get("/cases/?sdg=11&region=002").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Closer Cities: new cases" '
        'href="/cases/feed/?sdg=11&amp;region=002">'
    ) in html
    assert 'type="application/atom+xml"' in html
    html = client.get("/search/?q=lanes&sdg=3").content.decode()
    assert 'href="/cases/feed/?q=lanes&amp;sdg=3"' in html
    # What the link promises is what the feed holds.
    assert _rss_titles(client.get("/cases/feed/?q=lanes&sdg=3")) == ["Nairobi cycle lanes"]


@pytest.mark.django_db
def test_a_feed_is_read_only_other_methods_are_405(cases):
    client = Client(enforce_csrf_checks=True)
    for url in ("/cases/feed/", "/library/feed/atom/"):
        assert client.get(url).status_code == 200
        assert client.head(url).status_code == 200
        for method in ("POST", "PUT", "DELETE", "TRACE", "QUERY"):
            response = client.generic(method, url)
            assert response.status_code == 405, (method, url)
            assert response["Allow"] == "GET, HEAD"
