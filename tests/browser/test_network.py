"""The knowledge network in a real browser: /network/ draws the graph, filters, and a click on
a node opens the case; the tables carry the same data with JavaScript off; the map shows the
knowledge flows; axe finds no serious problem; nothing overflows a 375 px phone."""

from urllib.parse import urlsplit

from django.core.cache import cache

from wagtail.models import Site

import pytest

from tests.exchange.conftest import adoption, external, link

UNREACHABLE_TILES = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"


@pytest.fixture
def network(case_factory, live_server, settings):
    settings.MAP_TILE_URL = UNREACHABLE_TILES
    address = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)
    cache.clear()
    nairobi = case_factory(
        title="Matatu route map in Nairobi",
        city="Nairobi",
        country="KE",
        latitude=-1.28333,
        longitude=36.81667,
        sdgs=[11],
    )
    lima = case_factory(
        title="Housing upgrade in Lima",
        city="Lima",
        country="PE",
        latitude=-12.04318,
        longitude=-77.02824,
        sdgs=[1, 11],
    )
    hanoi = case_factory(
        title="Food gardens in Hanoi",
        city="Hanoi",
        country="VN",
        latitude=21.0278,
        longitude=105.8342,
        sdgs=[2],
    )
    link(lima, nairobi, kind="adapted_from", channel="study_visit")
    link(hanoi, lima, kind="inspired_by", channel="website")
    forum = external()
    forum.latitude, forum.longitude = 50.25841, 19.02754
    forum.save()
    link(hanoi, external=forum, kind="learned_from", channel="conference")
    adoption(nairobi, city="Lyon", country="FR", latitude=45.75, longitude=4.85)
    return {"nairobi": nairobi, "lima": lima, "hanoi": hanoi}


def _status(page, text):
    page.locator("#network-status", has_text=text).wait_for()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_graph_filters_and_a_click_opens_the_case(browser_page, network, axe, screenshot):
    browser_page.goto("/network/")
    _status(browser_page, "5 nodes and 4 links shown")
    assert axe(browser_page) == []
    screenshot(browser_page, "network")
    browser_page.get_by_label("Kind").select_option("adapted_from")
    _status(browser_page, "2 nodes and 1 links shown")
    assert "kind=adapted_from" in browser_page.url
    assert browser_page.locator("#network-links tbody tr").count() == 1
    lima = network["lima"]
    box = browser_page.locator("#network-graph").bounding_box()
    position = browser_page.evaluate(
        "id => window.closerCitiesNetwork.getElementById(id).renderedPosition()", f"case:{lima.pk}"
    )
    browser_page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
    browser_page.wait_for_url(f"**{lima.url}")
    assert browser_page.get_by_role("heading", level=1).inner_text() == lima.title
    # The case page shows what it learned from and whom it inspired.
    assert "Matatu route map in Nairobi" in browser_page.locator(".exchange").inner_text()
    assert "Food gardens in Hanoi" in browser_page.locator(".exchange").inner_text()
    assert axe(browser_page) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_javascript_the_tables_carry_the_network(chromium, live_server, network):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/network/")
        rows = page.locator("#network-links tbody tr")
        assert rows.count() == 4
        assert "Matatu route map in Nairobi" in page.locator(".network-figures").inner_text()
        page.get_by_label("Kind").select_option("adopted")
        page.get_by_role("button", name="Show").click()
        assert page.locator("#network-links tbody tr").count() == 1
        assert "Lyon" in page.locator("#network-links").inner_text()
    finally:
        context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_map_shows_knowledge_flows(browser_page, network, screenshot):
    browser_page.goto("/map/")
    browser_page.locator("#map-status", has_text="cases on the map").wait_for()
    assert browser_page.locator("path.flow").count() == 0
    browser_page.get_by_label("Knowledge flows").check()
    browser_page.locator("#flows-status", has_text="knowledge flows on the map").wait_for()
    # Nairobi → Lima, Lima → Hanoi, Katowice (forum) → Hanoi, Nairobi → Lyon.
    assert browser_page.locator("path.flow").count() == 4
    assert browser_page.locator("path.flow-adopted").count() == 1
    screenshot(browser_page, "map-flows")
    browser_page.get_by_label("Sustainable Development Goal").select_option("2")
    browser_page.locator("#flows-status", has_text="2 knowledge flows").wait_for()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_network_and_case_pages_fit_a_375px_phone(chromium, live_server, network, axe):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        for url in ("/network/", network["lima"].url):
            page.goto(url)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("() => document.documentElement.scrollWidth") <= 375, url
            assert axe(page) == [], url
    finally:
        context.close()
