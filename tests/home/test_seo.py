"""What pages tell search engines and link previews: meta description, canonical address,
Open Graph and Twitter card tags (with the case's picture), favicon, sitemap.xml and
robots.txt; and the site's own 404 page while developing (DEBUG on)."""

import re
from html import unescape

import pytest

from tests.factories import ResearcherFactory
from tests.images import make_image

pytestmark = pytest.mark.django_db


def _meta(html):
    """{name or property: content} of the page's <meta> tags, and the canonical link."""
    tags = {}
    for key, value in re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"', html):
        tags[key] = unescape(value)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    tags["canonical"] = canonical.group(1) if canonical else None
    return tags


def _tags(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404), url
    return _meta(response.content.decode())


SHARED = [
    "description",
    "canonical",
    "og:title",
    "og:description",
    "og:url",
    "og:image",
    "og:type",
    "twitter:card",
    "twitter:title",
    "twitter:image",
]


def test_every_page_type_describes_itself(client, case_factory, article_factory):
    case = case_factory(title="Heat plan in Ahmedabad", summary="Warnings before heat waves.")
    article = article_factory(
        title="Learning from heat plans", summary="What cities copy.", authors=[ResearcherFactory()]
    )
    pages = [
        "/",
        "/cases/",
        case.url,
        "/science/",
        article.url,
        "/about/",
        "/search/?q=heat",
        "/map/",
        "/insights/",
        "/no-such-page/",
    ]
    for url in pages:
        tags = _tags(client, url)
        missing = [name for name in SHARED if not tags.get(name)]
        assert missing == [], (url, missing)
        assert tags["canonical"].startswith("http://testserver/"), url
        assert tags["og:image"].startswith("http://testserver/"), url
    tags = _tags(client, case.url)
    assert tags["description"] == "Warnings before heat waves."
    assert tags["og:title"] == "Heat plan in Ahmedabad"
    assert tags["og:type"] == "article"
    assert tags["canonical"] == f"http://testserver{case.url}"
    assert _tags(client, article.url)["article:published_time"] == "2026-03-01"
    assert _tags(client, "/map/")["og:title"] == "Map of cases"
    assert _tags(client, "/")["og:type"] == "website"


def test_a_case_shares_its_own_picture(client, case_factory):
    image = make_image(title="Market", alt="Stalls under solar panels", size=(1600, 1000))
    case = case_factory(main_image=image)
    tags = _tags(client, case.url)
    assert re.match(r"http://testserver/.+\.fill-1200x630\.png$", tags["og:image"])
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:image:alt"] == "Stalls under solar panels"
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["twitter:image"] == tags["og:image"]
    # Without a picture, the site's own card.
    other = case_factory()
    assert _tags(client, other.url)["og:image"] == (
        "http://testserver/static/img/share-default.png"
    )


def test_the_canonical_address_drops_filters_but_keeps_the_page_number(client, case_factory):
    case_factory()
    assert _tags(client, "/cases/?sdg=1&order=title")["canonical"] == "http://testserver/cases/"
    assert _tags(client, "/cases/?page=2&sdg=1")["canonical"] == "http://testserver/cases/?page=2"


def test_text_from_the_public_is_escaped_in_the_tags(client, case_factory):
    case = case_factory(title='Quotes " and <tags>', summary='A "quoted" <b>summary</b>')
    html = client.get(case.url).content.decode()
    assert '<meta property="og:title" content="Quotes &quot; and &lt;tags&gt;">' in html
    assert "<b>summary</b>" not in html


def test_favicon(client):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    assert 'href="/static/img/favicon-32.png"' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon-32.png"


def test_sitemap_lists_public_pages_only(client, case_factory):
    live = case_factory(title="Published case")
    draft = case_factory(title="A draft", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert any(location.endswith(live.url) for location in locations)
    assert not any(draft.slug in location for location in locations)
    for path in ("/cases/", "/science/", "/about/", "/principles/"):
        assert any(location.endswith(path) for location in locations), path


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_places(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    for line in ("Disallow: /admin/", "Disallow: /search/", "Disallow: /submissions/"):
        assert line in text


@pytest.mark.parametrize("path", ["/no-such-page/", "/no-such-file.txt", "/cases/missing/"])
def test_development_shows_the_sites_own_not_found_page(client, settings, path):
    settings.DEBUG = True
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and 'action="/search/"' in html
    assert "Using the URLconf" not in html  # Django's technical page


def test_developers_can_have_the_technical_not_found_page_back(client, settings, superuser):
    settings.DEBUG = True
    settings.DEBUG_TECHNICAL_404 = True
    html = client.get("/no-such-page/").content.decode()
    assert "Page not found" in html and "Raised by:" in html
    settings.DEBUG_TECHNICAL_404 = False
    # The admin keeps its own not-found page, and the API its JSON answer.
    client.force_login(superuser)
    admin = client.get("/admin/no-such-view/").content.decode()
    assert "Go to Wagtail admin" in admin and 'action="/search/"' not in admin
    assert client.get("/api/v2/no-such-endpoint.txt").json() == {"message": "not found"}
