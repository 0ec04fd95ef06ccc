"""The Content-Security-Policy production sends (django-csp) and what it needs from the pages:
no inline script anywhere, so the policy can refuse them all; and the search cookie's Secure
flag. A real browser checks the policy in tests/browser/test_csp.py."""

import re

import pytest

from closercities.settings.csp import site_policy, tile_origin
from tests.factories import ResearcherFactory
from tests.home.test_settings import _manage

pytestmark = pytest.mark.django_db

PRODUCTION = {"SECRET_KEY": "k3y-" + "9f8e7d6c5b4a" * 5, "ALLOWED_HOSTS": "closercities.org"}


def _directives(header):
    return {
        part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip() and part
    }


def test_production_sends_a_policy_without_inline_scripts():
    show = (
        "from django.conf import settings; "
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['script-src'], "
        "settings.SEARCH_COOKIE_SECURE, 'home.middleware.SiteCSPMiddleware' in settings.MIDDLEWARE)"
    )
    result = _manage("shell", "-c", show, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[\"'self'\"] True True"


def test_the_policy_header(client, settings):
    settings.CONTENT_SECURITY_POLICY = site_policy("https://{s}.tiles.example.org/{z}/{x}/{y}.png")
    response = client.get("/")
    directives = _directives(response["Content-Security-Policy"])
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert "https://*.tiles.example.org" in directives["img-src"]
    assert directives["connect-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    # Wagtail's admin starts its widgets from inline scripts: only there are they allowed.
    admin = _directives(client.get("/admin/login/")["Content-Security-Policy"])
    assert admin["script-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["object-src"] == ["'none'"]
    # Without the setting (development, tests) no policy is sent.
    settings.CONTENT_SECURITY_POLICY = None
    assert "Content-Security-Policy" not in client.get("/")


@pytest.mark.parametrize(
    ("template", "origin"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("http://127.0.0.1:9/tiles/{z}/{x}/{y}.png", "http://127.0.0.1:9"),
        ("/tiles/{z}/{x}/{y}.png", None),
    ],
)
def test_the_tile_servers_origin_is_allowed_for_images(template, origin):
    assert tile_origin(template) == origin


def test_no_page_has_an_inline_script(client, case_factory, article_factory):
    """Every <script> loads a file of this site, except JSON data blocks (json_script), which
    browsers never run."""
    case = case_factory(sdgs=[3])
    article = article_factory(authors=[ResearcherFactory()])
    pages = [
        "/",
        "/cases/",
        case.url,
        "/science/",
        article.url,
        "/about/",
        "/search/?q=x",
        "/map/",
        "/api/v2/docs/",
        "/no-such-page/",
        "/submit-a-case/",
        "/tell-us-how-you-share/",
    ]
    for url in pages:
        html = client.get(url).content.decode()
        for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
            if 'type="application/json"' in attributes:
                continue
            assert re.search(r'src="/static/', attributes), (url, attributes)
            assert not body.strip(), (url, body[:80])
        assert not re.search(r"\son[a-z]+=", html), url  # no onclick= and the like


def test_the_search_cookie_is_secure_where_the_site_is_served_on_https(client, settings):
    response = client.get("/search/?q=water")
    assert not response.cookies["cc_search"]["secure"]
    settings.SEARCH_COOKIE_SECURE = True
    client.cookies.clear()
    response = client.get("/search/?q=water")
    cookie = response.cookies["cc_search"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"
