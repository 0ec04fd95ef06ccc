"""The map page in a real browser: markers from /api/v2/map/, clusters, colours, filters and
popups, with a tile server that cannot be reached (as on this machine, which has no internet)."""

from urllib.parse import urlsplit

from django.core.cache import cache

from wagtail.models import Site

import pytest

UNREACHABLE_TILES = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"


@pytest.fixture
def cases(case_factory, live_server):
    # The map API gives full URLs from the site's address, as in production: make the site's
    # address the live server's (Wagtail caches the site roots, hence the cache clear).
    address = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)
    cache.clear()
    amsterdam = [
        case_factory(title=f"Solar roofs {n}", sdgs=[7, 13], topics=["energy"]) for n in range(4)
    ]
    nairobi = case_factory(
        title="Matatu route map in Nairobi",
        city="Nairobi",
        country="KE",
        latitude=-1.28333,
        longitude=36.81667,
        sdgs=[11],
        topics=["mobility"],
    )
    lima = case_factory(
        title="Housing upgrade in Lima",
        city="Lima",
        country="PE",
        latitude=-12.04318,
        longitude=-77.02824,
        sdgs=[11, 1],
        topics=["housing"],
    )
    case_factory(title="Draft in Santiago", latitude=-33.4, longitude=-70.6, live=False)
    return {"amsterdam": amsterdam, "nairobi": nairobi, "lima": lima}


def _wait_for(page, text):
    page.locator("#map-status", has_text=text).wait_for()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_map_shows_clustered_coloured_markers_without_tiles(
    browser_page, cases, settings, screenshot
):
    settings.MAP_TILE_URL = UNREACHABLE_TILES
    browser_page.goto("/map/")
    _wait_for(browser_page, "6 cases on the map")
    assert browser_page.locator("#case-map-full").get_attribute("data-tile-url") == (
        UNREACHABLE_TILES
    )
    # No tile ever loaded, yet the markers are there: two single cases and one cluster of 4.
    assert browser_page.locator(".leaflet-tile-loaded").count() == 0
    assert browser_page.locator(".case-marker").count() == 2
    cluster = browser_page.locator(".marker-cluster")
    assert cluster.count() == 1 and cluster.inner_text().startswith("4")
    # Coloured by the first SDG in goal order: Lima's case is towards SDGs 1 and 11 (#E5243B).
    lima_dot = browser_page.locator(
        '.case-marker[title="Housing upgrade in Lima"] .case-marker-dot'
    )
    assert lima_dot.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(229, 36, 59)"
    screenshot(browser_page, "map-clusters")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_map_filters_by_sdg_and_topic(browser_page, cases, settings):
    settings.MAP_TILE_URL = UNREACHABLE_TILES
    browser_page.goto("/map/")
    _wait_for(browser_page, "6 cases on the map")
    browser_page.get_by_label("Sustainable Development Goal").select_option("11")
    _wait_for(browser_page, "2 cases on the map")
    assert browser_page.locator(".case-marker").count() == 2
    assert browser_page.locator(".marker-cluster").count() == 0
    browser_page.get_by_label("Topic").select_option("housing")
    _wait_for(browser_page, "1 case on the map")
    assert browser_page.locator(".case-marker").count() == 1
    browser_page.get_by_label("Sustainable Development Goal").select_option("")
    browser_page.get_by_label("Topic").select_option("energy")
    _wait_for(browser_page, "4 cases on the map")
    # The filters are in the address, so the filtered map can be shared.
    assert "topic=energy" in browser_page.url


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_map_popup_links_to_the_case(browser_page, cases, settings):
    settings.MAP_TILE_URL = UNREACHABLE_TILES
    browser_page.goto("/map/")
    _wait_for(browser_page, "6 cases on the map")
    browser_page.locator('.case-marker[title="Matatu route map in Nairobi"]').click()
    popup = browser_page.locator(".leaflet-popup-content")
    assert "SDG 11" in popup.inner_text()
    popup.get_by_role("link", name="Matatu route map in Nairobi").click()
    browser_page.wait_for_url(f"**{cases['nairobi'].url}")
    assert browser_page.get_by_role("heading", level=1).inner_text() == (
        "Matatu route map in Nairobi"
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_titles_from_the_public_are_shown_as_text_on_the_maps(browser_page, cases, settings):
    settings.MAP_TILE_URL = UNREACHABLE_TILES
    title = '<img src="x" onerror="window.injected = true"> Rooftop gardens'
    case = cases["nairobi"]
    case.title = title
    case.save_revision().publish()
    browser_page.goto("/map/")
    _wait_for(browser_page, "6 cases on the map")
    browser_page.locator(".case-marker", has_text="Rooftop gardens").click()
    assert browser_page.locator(".leaflet-popup-content a").inner_text() == title
    browser_page.goto(case.url)
    browser_page.locator("#case-map .leaflet-interactive").hover()
    assert browser_page.locator(".leaflet-tooltip").inner_text() == title
    assert browser_page.evaluate("() => window.injected") is None
