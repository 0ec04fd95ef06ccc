"""The events' iCalendar, RSS and Atom feeds, read back the way calendars and feed readers read
them: DTSTART in the venue's time zone resolves to the right moment in UTC on both sides of a
daylight saving change, VTIMEZONE definitions come along, and the listing's filters apply."""

import datetime
import xml.etree.ElementTree as ET

from wagtail.models import PageViewRestriction

import pytest
from icalendar import Calendar

from tests.events.dates import dst_days, in_days

UTC = datetime.UTC
ATOM = "{http://www.w3.org/2005/Atom}"


def _calendar(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def _events(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def _at(day, hour, zone):
    import zoneinfo

    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zoneinfo.ZoneInfo(zone))


@pytest.fixture
def dst_events(event_factory):
    """Two events at 10:00 in Amsterdam a week either side of the spring change, and one in
    Sydney (the other hemisphere: its clocks go back when Europe's go forward)."""
    spring, _ = dst_days("Europe/Amsterdam")
    week = datetime.timedelta(days=7)
    before = event_factory(
        title="Before the change",
        start=_at(spring - week, 10, "Europe/Amsterdam"),
        end=_at(spring - week, 12, "Europe/Amsterdam"),
    )
    after = event_factory(
        title="After the change",
        start=_at(spring + week, 10, "Europe/Amsterdam"),
        end=_at(spring + week, 12, "Europe/Amsterdam"),
    )
    sydney = event_factory(
        title="Harbour workshop",
        time_zone="Australia/Sydney",
        city="Sydney",
        country="AU",
        latitude=-33.8688,
        longitude=151.2093,
        start=_at(spring + week, 9, "Australia/Sydney"),
        end=_at(spring + week, 11, "Australia/Sydney"),
    )
    return spring, before, after, sydney


@pytest.mark.django_db
def test_ical_feed_gives_dtstart_in_the_venue_zone_that_resolves_to_utc(client, dst_events):
    spring, before, after, sydney = dst_events
    week = datetime.timedelta(days=7)
    calendar = _calendar(client.get("/events/feed.ics"))
    events = _events(calendar)
    assert set(events) == {"Before the change", "After the change", "Harbour workshop"}

    # 10:00 in Amsterdam is 09:00 UTC in winter (CET) and 08:00 UTC in summer (CEST).
    start = events["Before the change"]["DTSTART"]
    assert start.params["TZID"] == "Europe/Amsterdam"
    assert start.dt.astimezone(UTC) == datetime.datetime.combine(
        spring - week, datetime.time(9), tzinfo=UTC
    )
    assert events["After the change"]["DTSTART"].dt.astimezone(UTC) == datetime.datetime.combine(
        spring + week, datetime.time(8), tzinfo=UTC
    )
    assert events["After the change"]["DTSTART"].dt.astimezone(UTC) == after.start
    assert events["Harbour workshop"]["DTSTART"].dt.astimezone(UTC) == sydney.start
    assert events["Harbour workshop"]["DTEND"].dt.astimezone(UTC) == sydney.end

    # Each zone's rules travel with the calendar, so clients without them still agree.
    zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    assert zones == {"Europe/Amsterdam", "Australia/Sydney"}
    assert str(calendar["PRODID"]) == "-//Closer Cities//Events//EN"
    assert events["Before the change"]["UID"] != events["After the change"]["UID"]
    assert str(events["After the change"]["URL"]).endswith(after.url)


@pytest.mark.django_db
def test_a_calendar_without_its_vtimezone_still_reads_the_same_moment(client, dst_events):
    """What a calendar does with TZID alone: look the zone up in the tz database."""
    import zoneinfo

    _, before, _, _ = dst_events
    text = client.get(f"/events/{before.slug}.ics").content.decode()
    line = next(line for line in text.splitlines() if line.startswith("DTSTART;TZID="))
    zone_name, local = line.split("TZID=")[1].split(":")
    moment = datetime.datetime.strptime(local, "%Y%m%dT%H%M%S").replace(
        tzinfo=zoneinfo.ZoneInfo(zone_name)
    )
    assert moment.astimezone(UTC) == before.start


@pytest.mark.django_db
def test_one_event_calendar(client, event_factory):
    event = event_factory(
        title="Webinar on heat",
        in_person=False,
        online=True,
        city="",
        country="",
        latitude=None,
        longitude=None,
        join_url="https://meet.example.org/heat",
        registration_url="https://example.org/register",
    )
    calendar = _calendar(client.get(f"/events/{event.slug}.ics"))
    (item,) = calendar.walk("VEVENT")
    assert item["DTSTART"].dt.astimezone(UTC) == event.start
    assert item["DTEND"].dt.astimezone(UTC) == event.end
    assert str(item["LOCATION"]) == "https://meet.example.org/heat"
    assert "https://example.org/register" in str(item["DESCRIPTION"])
    assert "GEO" not in item


@pytest.mark.django_db
def test_the_feed_has_upcoming_events_only_and_takes_the_listing_filters(client, event_factory):
    event_factory(title="Past workshop", start=in_days(-10), end=in_days(-10, 12))
    event_factory(title="Soon workshop", start=in_days(5), end=in_days(5, 12), sdgs=[11])
    event_factory(
        title="Online webinar",
        event_type="webinar",
        in_person=False,
        online=True,
        city="",
        country="",
        latitude=None,
        longitude=None,
        start=in_days(6),
        end=in_days(6, 10),
        sdgs=[3],
    )
    assert set(_events(_calendar(client.get("/events/feed.ics")))) == {
        "Soon workshop",
        "Online webinar",
    }
    filtered = {
        "event_type=webinar": {"Online webinar"},
        "sdg=11": {"Soon workshop"},
        "attendance=online": {"Online webinar"},
        "attendance=in_person": {"Soon workshop"},
        "region=150": {"Soon workshop"},
        "event_type=conference": set(),
    }
    for query, expected in filtered.items():
        assert set(_events(_calendar(client.get(f"/events/feed.ics?{query}")))) == expected, query


@pytest.mark.django_db
def test_feeds_never_show_drafts_private_or_unpublished_events(client, event_factory):
    event_factory(title="SECRETDRAFT event", live=False)
    private = event_factory(title="SECRETPRIVATE event")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    gone = event_factory(title="SECRETUNPUBLISHED event")
    gone.unpublish()
    event_factory(title="Public event")
    for url in ("/events/feed.ics", "/events/feed/", "/events/feed/atom/"):
        text = client.get(url).content.decode()
        assert "Public event" in text
        assert "SECRET" not in text, url
    for event in (private, gone):
        assert client.get(f"/events/{event.slug}.ics").status_code == 404
    assert client.get("/events/secretdraft-event.ics").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("sdg=18", "sdg"),
        ("event_type=party", "event_type"),
        ("region=999", "region"),
        ("attendance=maybe", "attendance"),
        ("topic=not%20a%20slug", "topic"),
    ],
)
def test_a_bad_filter_is_a_400_naming_it(client, query, parameter):
    for url in ("/events/feed.ics", "/events/feed/", "/events/feed/atom/", "/events/"):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400, url
        assert f"{parameter}:" in response.content.decode()


@pytest.mark.django_db
def test_rss_and_atom_list_upcoming_events_with_links_and_filters(client, event_factory):
    soon = event_factory(title="Soon workshop", start=in_days(3), end=in_days(3, 12))
    event_factory(
        title="Later conference",
        event_type="conference",
        start=in_days(40),
        end=in_days(41),
    )
    event_factory(title="Past workshop", start=in_days(-3), end=in_days(-3, 12))

    rss = ET.fromstring(client.get("/events/feed/").content)  # noqa: S314 (the site's own feed)
    items = rss.findall("./channel/item")
    assert [item.findtext("title") for item in items] == ["Soon workshop", "Later conference"]
    assert items[0].findtext("link").endswith(soon.url)
    assert "Europe/Amsterdam" in items[0].findtext("description")

    atom = ET.fromstring(  # noqa: S314 (the site's own feed)
        client.get("/events/feed/atom/?event_type=conference").content
    )
    titles = [entry.findtext(f"{ATOM}title") for entry in atom.findall(f"{ATOM}entry")]
    assert titles == ["Later conference"]


@pytest.mark.django_db
def test_the_listing_links_its_feeds_with_the_chosen_filters(client, event_factory):
    event_factory()
    html = client.get("/events/?event_type=workshop&sdg=11").content.decode()
    assert (
        '<link rel="alternate" type="text/calendar" title="Upcoming events (iCalendar)" '
        'href="/events/feed.ics?event_type=workshop&amp;sdg=11">' in html
    )
    assert 'type="application/rss+xml"' in html and 'type="application/atom+xml"' in html
