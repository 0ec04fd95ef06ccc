"""Events and partners in a real browser (Debian's Chromium): the events listing and its filters
on a 375 px phone and a desktop, with and without JavaScript; an event's time at the venue and in
the visitor's own time zone; the map's events layer; the partners page and the "Become a
partner" form; axe finds no serious or critical problem on any of them."""

from urllib.parse import urlsplit

from django.core.cache import cache

from wagtail.models import Site

import pytest

from tests.events.dates import in_days

UNREACHABLE_TILES = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def programme(event_factory, partner_factory, live_server, settings):
    settings.MAP_TILE_URL = UNREACHABLE_TILES
    address = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)
    cache.clear()
    founders = [
        partner_factory(name="Cities Learning Together", partnership_type="founding"),
        partner_factory(
            name="Institute for Urban Practice",
            partnership_type="founding",
            sector="academia",
            country="KE",
        ),
        partner_factory(name="Open Streets Lab", partnership_type="practice", sector="private"),
    ]
    workshop = event_factory(
        title="Heat action plans: peer review",
        start=in_days(12, 8),
        end=in_days(12, 15),
        organisers=founders[:2],
        sdgs=[13, 3],
        topics=["climate"],
        registration_url="https://example.org/register",
        languages=["en", "nl"],
    )
    event_factory(
        title="Housing First webinar",
        event_type="webinar",
        in_person=False,
        online=True,
        city="",
        country="",
        latitude=None,
        longitude=None,
        join_url="https://meet.example.org/housing",
        start=in_days(20, 14),
        end=in_days(20, 15),
        sdgs=[1, 11],
    )
    event_factory(
        title="Bus rapid transit study visit",
        event_type="study_visit",
        city="Bogotá",
        country="CO",
        latitude=4.711,
        longitude=-74.0721,
        time_zone="America/Bogota",
        start=in_days(30, 14),
        end=in_days(31, 22),
        sdgs=[11, 9],
    )
    event_factory(
        title="Repair cafés conference",
        event_type="conference",
        start=in_days(-40, 8),
        end=in_days(-40, 16),
        city="Barcelona",
        country="ES",
        time_zone="Europe/Madrid",
    )
    return {"workshop": workshop}


def _context(chromium, live_server, viewport, **options):
    return chromium.new_context(base_url=live_server.url, viewport=viewport, **options)


def _titles(page):
    return page.locator(".event-card .card-title").all_inner_texts()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_events_listing_filters_without_javascript(
    chromium, live_server, programme, axe, screenshot, viewport
):
    context = _context(chromium, live_server, viewport, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/events/")
        assert _titles(page) == [
            "Heat action plans: peer review",
            "Housing First webinar",
            "Bus rapid transit study visit",
            "Repair cafés conference",
        ]
        assert page.get_by_role("heading", name="Past events").is_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
        name = "events-phone" if viewport is PHONE else "events"
        screenshot(page, name)
        page.get_by_label("Online", exact=True).check()
        page.get_by_role("button", name="Apply filters").click()
        page.wait_for_url("**/events/?**attendance=online**")
        assert _titles(page) == ["Housing First webinar"]
        # The feeds offered are the filtered ones.
        ical = page.get_by_role("link", name="iCalendar").get_attribute("href")
        assert ical == "/events/feed.ics?attendance=online"
        page.get_by_role("link", name="Clear all filters").click()
        assert len(_titles(page)) == 4
        context.close()
        context = _context(chromium, live_server, viewport)  # axe needs JavaScript
        page = context.new_page()
        page.goto("/events/?sdg=13")
        assert _titles(page) == ["Heat action plans: peer review"]
        assert axe(page) == []
    finally:
        context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_event_shows_the_venue_time_and_the_visitor_time(
    chromium, live_server, programme, axe, screenshot
):
    workshop = programme["workshop"]
    context = _context(chromium, live_server, PHONE, timezone_id="America/New_York")
    page = context.new_page()
    try:
        page.goto(workshop.url)
        visitor = page.locator(".event-visitor-time")
        visitor.wait_for()
        text = visitor.inner_text()
        # 08:00 UTC is 03:00 or 04:00 in New York, depending on the season.
        assert text.startswith("Your time:") and "America/New_York" in text
        assert ("03:00" in text) or ("04:00" in text) or ("3:00" in text) or ("4:00" in text)
        assert (
            "time at the venue, Europe/Amsterdam" in page.locator(".event-when-line").inner_text()
        )
        assert page.get_by_role("link", name="Add to my calendar").get_attribute("href") == (
            f"/events/{workshop.slug}.ics"
        )
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
        assert axe(page) == []
        screenshot(page, "event-phone")
    finally:
        context.close()
    # Without JavaScript: the time at the venue and in UTC, nothing hidden half-filled.
    context = _context(chromium, live_server, DESKTOP, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(workshop.url)
        assert not page.locator(".event-visitor-time").is_visible()
        assert "In UTC:" in page.locator(".event-when-utc").inner_text()
    finally:
        context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_map_shows_upcoming_events_as_their_own_layer(browser_page, programme, screenshot):
    browser_page.goto("/map/")
    status = browser_page.locator("#map-status")
    status.filter(has_text="upcoming events on the map").wait_for()
    # The webinar is online only and the conference is past: two events in person to come.
    assert "0 cases on the map" in status.inner_text()
    assert "2 upcoming events on the map" in status.inner_text()
    assert browser_page.locator(".event-marker").count() == 2
    browser_page.locator('.event-marker[title="Bus rapid transit study visit"]').click()
    popup = browser_page.locator(".leaflet-popup-content")
    assert "Study visit" in popup.inner_text() and "America/Bogota" in popup.inner_text()
    screenshot(browser_page, "map-events")
    browser_page.get_by_label("Show").select_option("cases")
    status.filter(has_text="0 cases on the map").wait_for()
    assert browser_page.locator(".event-marker").count() == 0
    assert "layer=cases" in browser_page.url
    browser_page.get_by_label("Show").select_option("events")
    status.filter(has_text="2 upcoming events on the map").wait_for()
    browser_page.get_by_label("Sustainable Development Goal").select_option("13")
    status.filter(has_text="1 upcoming event on the map").wait_for()
    assert browser_page.locator(".event-marker").count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_partners_page_and_the_request_form_without_javascript(
    chromium, live_server, programme, axe, screenshot, viewport
):
    context = _context(chromium, live_server, viewport)
    page = context.new_page()
    try:
        page.goto("/partners/")
        headings = page.get_by_role("heading", level=2).all_inner_texts()
        assert headings[:2] == ["Founding partner", "Practice partner"]
        assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
        assert axe(page) == []
        page.goto("/")
        assert page.get_by_role("heading", name="Founding partners").is_visible()
        assert "Open Streets Lab" not in page.locator(".founding-partners").inner_text()
        page.goto("/partners/become-a-partner/")
        assert axe(page) == []
        if viewport is PHONE:
            screenshot(page, "become-a-partner-phone")
    finally:
        context.close()
    context = _context(chromium, live_server, viewport, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/partners/become-a-partner/")
        # By accessible name: the required fields' "*" is hidden from assistive technology.
        organisation = page.get_by_role("textbox", name="Organisation", exact=True)
        organisation.fill("Lyon Metropole")
        page.get_by_role("combobox", name="Sector", exact=True).select_option("government")
        page.get_by_role("combobox", name="Country", exact=True).select_option("FR")
        page.get_by_label("What would your organisation contribute?").fill("Study visits.")
        page.get_by_label("Your name").fill("Camille")
        page.get_by_label("Your email").fill("not an email")
        page.get_by_role("button", name="Send the request").click()
        assert page.get_by_text("Enter a valid email address.").is_visible()
        assert organisation.input_value() == "Lyon Metropole"
        page.get_by_label("Your email").fill("camille@example.org")
        page.get_by_label("I agree that my name and email").check()
        page.get_by_role("button", name="Send the request").click()
        page.get_by_text("Your request has been received").wait_for()
        page.get_by_role("link", name="your request's status page").click()
        assert page.locator(".request-status-value").inner_text() == "Received"
    finally:
        context.close()
