"""Every page type in a real browser: axe-core finds no serious or critical accessibility
problem, nothing overflows a 360 px phone screen, keyboard focus is visible; and a screenshot
of each page type is saved (test-artifacts/screenshots/)."""

from urllib.parse import urlsplit

from django.core.cache import cache

from wagtail.models import Site

import pytest

from home.models import HomePage
from taxonomy.models import SDG
from tests.factories import ResearcherFactory
from tests.images import make_image

UNREACHABLE_TILES = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"
OTHER_CASES = [
    ("Community solar cooperative in Accra", "Accra", "GH", 5.6037, -0.187, [7, 13], "energy"),
    (
        "Informal settlement upgrading in Lima",
        "Lima",
        "PE",
        -12.0432,
        -77.0282,
        [1, 6, 11],
        "housing",
    ),
    ("Urban food gardens in Hanoi", "Hanoi", "VN", 21.0278, 105.8342, [2, 11, 12], "food"),
    ("Participatory budgeting in Tunis", "Tunis", "TN", 36.8065, 10.1815, [16, 10], "governance"),
    (
        "Bus rapid transit corridor in Bogotá",
        "Bogotá",
        "CO",
        4.711,
        -74.0721,
        [11, 9, 13],
        "mobility",
    ),
    (
        "Coastal wetland restoration in Jakarta",
        "Jakarta",
        "ID",
        -6.2088,
        106.8456,
        [14, 13],
        "climate",
    ),
    (
        "Housing First programme in Helsinki",
        "Helsinki",
        "FI",
        60.1699,
        24.9384,
        [1, 11, 3],
        "housing",
    ),
    ("Protected cycle lanes in Utrecht", "Utrecht", "NL", 52.0907, 5.1214, [11, 3, 13], "mobility"),
    ("Repair cafés in Amsterdam", "Amsterdam", "NL", 52.3676, 4.9041, [12, 8], "sustainability"),
    ("Heat action plan in Melbourne", "Melbourne", "AU", -37.8136, 144.9631, [13, 3], "climate"),
    (
        "Newcomer welcome centre in Toronto",
        "Toronto",
        "CA",
        43.6532,
        -79.3832,
        [10, 16, 8],
        "migration",
    ),
    ("Rainwater harvesting in Nairobi schools", "Nairobi", "KE", -1.2864, 36.8172, [6, 4], "water"),
]


@pytest.fixture
def site_content(case_factory, article_factory, live_server, settings):
    settings.MAP_TILE_URL = UNREACHABLE_TILES
    address = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)
    cache.clear()
    home = HomePage.objects.get()
    home.spotlight_sdg = SDG.objects.get(number=13)
    home.save_revision().publish()
    case = case_factory(
        main_image=make_image(
            title="Shaded street", colour="#3f7e44", alt="A street shaded by young trees"
        ),
        title="Heat action plan in Ahmedabad",
        city="Ahmedabad",
        country="IN",
        latitude=23.02579,
        longitude=72.58727,
        sdgs=[13, 3, 11],
        topics=["climate", "health"],
        scale="city",
        actors=[
            {
                "organisation": "Ahmedabad Municipal Corporation",
                "sector": "government",
                "role": "Lead",
            },
            {"organisation": "Public Health Foundation", "sector": "ngo", "role": "Research"},
        ],
        lessons_learned="Warn early and reach the most exposed first.",
        barriers="Short funding cycles.",
        facilitating_conditions="A university partner measuring results.",
    )
    for title, city, country, lat, lon, sdgs, topic in OTHER_CASES:
        case_factory(
            title=title,
            city=city,
            country=country,
            latitude=lat,
            longitude=lon,
            sdgs=sdgs,
            topics=[topic],
        )
    article = article_factory(
        title="What heat plans teach cities",
        authors=[ResearcherFactory(name="Amina Okafor", affiliation="University of Lagos")],
        related_cases=[case],
        sdgs=[13],
    )
    return {"case": case, "article": article}


def _pages(content):
    return [
        ("home", "/"),
        ("case-index", "/cases/?sdg=13"),
        ("case", content["case"].url),
        ("science", "/science/?sdg=13"),
        ("article", content["article"].url),
        ("about", "/about/"),
        ("search", "/search/?q=heat"),
        ("map", "/map/"),
        ("api-docs", "/api/v2/docs/"),
        # The submission engineer's form pages, published by their data migration.
        ("submit-a-case", "/submit-a-case/"),
        ("survey", "/tell-us-how-you-share/"),
        # The research instrument's page, created by its data migration.
        ("insights", "/insights/"),
        ("not-found", "/no-such-page/"),
    ]


def _settle(page, name):
    if name == "map":
        page.locator("#map-status", has_text="cases on the map").wait_for()
    if name == "api-docs":
        page.locator(".opblock").first.wait_for()
    if name == "insights":
        page.wait_for_function(
            "document.querySelectorAll('.chart-ready').length === document.querySelectorAll('.chart').length"
        )
    page.wait_for_load_state("networkidle")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_page_type_passes_axe_and_is_screenshotted(
    browser_page, site_content, axe, screenshot
):
    problems = {}
    for name, url in _pages(site_content):
        response = browser_page.goto(url)
        assert response.status == (404 if name == "not-found" else 200), url
        _settle(browser_page, name)
        violations = axe(browser_page)
        if violations:
            problems[name] = violations
        screenshot(browser_page, name)
    assert problems == {}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("width", [360, 375])
def test_every_page_type_fits_a_phone_and_passes_axe_there(
    chromium, live_server, site_content, axe, screenshot, width
):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 740}
    )
    page = context.new_page()
    overflowing, problems = {}, {}
    try:
        for name, url in _pages(site_content):
            page.goto(url)
            _settle(page, name)
            scroll = page.evaluate("() => document.documentElement.scrollWidth")
            if scroll > width:
                overflowing[name] = scroll
            if width == 375:
                violations = axe(page)
                if violations:
                    problems[name] = violations
                screenshot(page, f"{name}-phone")
    finally:
        context.close()
    assert overflowing == {}
    assert problems == {}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_keyboard_reaches_the_content_with_visible_focus(browser_page, site_content):
    browser_page.goto(site_content["case"].url)
    browser_page.keyboard.press("Tab")
    skip = browser_page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.evaluate("el => getComputedStyle(el).outlineStyle") != "none"
    browser_page.keyboard.press("Enter")
    browser_page.keyboard.press("Tab")
    # The first link inside the content, reached without a mouse, shows where focus is.
    focused = browser_page.evaluate(
        "() => [document.activeElement.closest('main') !== null,"
        " getComputedStyle(document.activeElement).outlineStyle]"
    )
    assert focused == [True, "solid"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_map_markers_can_be_reached_and_opened_with_the_keyboard(browser_page, site_content):
    browser_page.goto("/map/")
    browser_page.locator("#map-status", has_text="cases on the map").wait_for()
    marker = browser_page.locator(".leaflet-marker-icon").first
    marker.focus()
    assert marker.evaluate("el => el.tabIndex") == 0
    browser_page.keyboard.press("Enter")
    assert browser_page.locator(".leaflet-popup-content a, .case-marker").count() > 0
