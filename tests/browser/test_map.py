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
    assert browser_page.locator(".leaflet-popup-content .popup-title a").inner_text() == title
    browser_page.goto(case.url)
    browser_page.locator("#case-map .leaflet-interactive").hover()
    assert browser_page.locator(".leaflet-tooltip").inner_text() == title
    assert browser_page.evaluate("() => window.injected") is None


def _rgb(hex_colour):
    return "rgb({}, {}, {})".format(*(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_filtered_by_an_sdg_every_marker_takes_its_colour_and_clusters_the_sites(
    browser_page, cases, settings
):
    settings.MAP_TILE_URL = UNREACHABLE_TILES
    browser_page.goto("/map/")
    _wait_for(browser_page, "6 cases on the map")
    # Clusters in the site's blue, not the plugin's green.
    cluster = browser_page.locator(".marker-cluster div").first
    assert cluster.evaluate("el => getComputedStyle(el).backgroundColor") == _rgb("#00689D")
    browser_page.get_by_label("Sustainable Development Goal").select_option("11")
    _wait_for(browser_page, "2 cases on the map")
    dots = browser_page.locator(".case-marker-dot")
    colours = dots.evaluate_all("els => els.map(el => getComputedStyle(el).backgroundColor)")
    # Lima's case is towards SDGs 1 and 11: filtered by 11, it takes SDG 11's orange.
    assert colours == [_rgb("#FD9D24")] * 2
    assert browser_page.locator("#map-filter-count").inner_text() == "(1 selected)"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_popups_show_city_country_summary_and_linked_sdg_badges(browser_page, cases, settings):
    settings.MAP_TILE_URL = UNREACHABLE_TILES
    browser_page.goto("/map/")
    _wait_for(browser_page, "6 cases on the map")
    browser_page.locator('.case-marker[title="Housing upgrade in Lima"]').click()
    popup = browser_page.locator(".leaflet-popup-content")
    assert popup.locator(".popup-place").inner_text() == "Lima, Peru"
    summary = popup.locator(".popup-summary")
    summary.filter(has_text="solar panels").wait_for()  # read from the pages API on opening
    assert summary.inner_text() == cases["lima"].summary
    badges = popup.locator(".sdg-badge")
    assert badges.evaluate_all("els => els.map(el => el.getAttribute('href'))") == [
        "/cases/?sdg=1",
        "/cases/?sdg=11",
    ]
    assert badges.first.evaluate("el => getComputedStyle(el).backgroundColor") == _rgb("#E5243B")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_map_filters_by_country_region_status_and_years(
    browser_page, cases, settings, case_factory
):
    settings.MAP_TILE_URL = UNREACHABLE_TILES
    case_factory(
        title="Old pilot in Quito",
        city="Quito",
        country="EC",
        latitude=-0.18,
        longitude=-78.47,
        status="pilot",
        start_year=1995,
        sdgs=[6],
    )
    browser_page.goto("/map/")
    _wait_for(browser_page, "7 cases on the map")
    browser_page.get_by_label("Country").select_option("KE")
    _wait_for(browser_page, "1 case on the map")
    browser_page.get_by_label("Country").select_option("")
    browser_page.get_by_label("Region").select_option("005")  # South America
    _wait_for(browser_page, "2 cases on the map")
    browser_page.get_by_label("Status").select_option("pilot")
    _wait_for(browser_page, "1 case on the map")
    browser_page.get_by_label("Status").select_option("")
    browser_page.get_by_label("Started in or before").fill("2000")
    browser_page.get_by_label("Started in or before").press("Enter")
    _wait_for(browser_page, "1 case on the map")
    assert browser_page.locator(".case-marker").get_attribute("title") == "Old pilot in Quito"
    assert "region=005" in browser_page.url and "year_to=2000" in browser_page.url
    # A value the API refuses is explained in one line, naming the parameter.
    browser_page.get_by_label("Started in or after").fill("2010")
    browser_page.get_by_label("Started in or after").press("Enter")
    _wait_for(browser_page, "year_to: must not be before year_from")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_when_tiles_fail_the_map_says_so_in_one_line_and_still_works(browser_page, cases, settings):
    settings.MAP_TILE_URL = UNREACHABLE_TILES
    browser_page.goto("/map/")
    _wait_for(browser_page, "6 cases on the map")
    notice = browser_page.locator("#map-tiles-status")
    notice.wait_for()
    assert notice.inner_text() == (
        "The background map could not be loaded; the cases are still shown and can be opened."
    )
    height = notice.evaluate("el => el.getBoundingClientRect().height")
    line = notice.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)")
    assert height <= line * 1.5  # one line on a desktop
    browser_page.locator('.case-marker[title="Matatu route map in Nairobi"]').click()
    assert browser_page.locator(".leaflet-popup-content a").first.inner_text() == (
        "Matatu route map in Nairobi"
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_a_phone_the_first_view_shows_every_marker(chromium, live_server, cases, settings):
    settings.MAP_TILE_URL = UNREACHABLE_TILES
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        page.goto("/map/")
        _wait_for(page, "6 cases on the map")
        # The filters are a closed disclosure on a phone; the map comes first.
        assert page.locator("#map-filter-panel").get_attribute("open") is None
        page.locator('#case-map-full[data-view="fitted"]').wait_for()
        box = page.locator("#case-map-full").bounding_box()
        shown = 0
        for marker in page.locator(".case-marker, .marker-cluster").all():
            mark = marker.bounding_box()
            centre = (mark["x"] + mark["width"] / 2, mark["y"] + mark["height"] / 2)
            assert box["x"] <= centre[0] <= box["x"] + box["width"]
            assert box["y"] <= centre[1] <= box["y"] + box["height"]
            text = (
                marker.inner_text().split()[0]
                if "marker-cluster" in (marker.get_attribute("class") or "")
                else "1"
            )
            shown += int(text)
        assert shown == 6
    finally:
        context.close()
