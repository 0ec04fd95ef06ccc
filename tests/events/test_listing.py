"""/events/ and an event's page: upcoming events first (soonest first), then past ones (latest
first), filters that combine, pagination that keeps them, times at the venue, organisers, and
nothing unpublished."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from cityevents.listing import PAGE_SIZE
from tests.events.dates import in_days


def _titles(html):
    return re.findall(r'<h3 class="card-title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.mark.django_db
def test_upcoming_events_come_first_soonest_first_then_past_ones_latest_first(
    client, event_factory
):
    for title, days in [
        ("In ten days", 10),
        ("Ten days ago", -10),
        ("Tomorrow", 1),
        ("Last year", -300),
        ("Yesterday", -1),
        ("Next month", 30),
    ]:
        event_factory(title=title, start=in_days(days), end=in_days(days, 12))
    html = client.get("/events/").content.decode()
    assert _titles(html) == [
        "Tomorrow",
        "In ten days",
        "Next month",
        "Yesterday",
        "Ten days ago",
        "Last year",
    ]
    upcoming, past = html.split("Past events")
    assert "Upcoming events" in upcoming and "Next month" in upcoming
    assert "Yesterday" in past


@pytest.mark.django_db
def test_an_event_under_way_is_still_upcoming(client, event_factory):
    event_factory(title="Running now", start=in_days(-1), end=in_days(1))
    upcoming = client.get("/events/").content.decode().split("Past events")[0]
    assert "Running now" in upcoming


@pytest.mark.django_db
def test_filters_combine_with_and_values_with_or(client, event_factory, partner_factory):
    event_factory(
        title="Nairobi workshop", city="Nairobi", country="KE", sdgs=[11], topics=["mobility"]
    )
    event_factory(
        title="Lima conference",
        event_type="conference",
        city="Lima",
        country="PE",
        sdgs=[1],
        topics=["housing"],
    )
    event_factory(
        title="Online webinar",
        event_type="webinar",
        in_person=False,
        online=True,
        city="",
        country="",
        latitude=None,
        longitude=None,
        sdgs=[11],
    )
    event_factory(title="Hybrid workshop in Utrecht", online=True, sdgs=[3])
    cases = {
        "": {"Nairobi workshop", "Lima conference", "Online webinar", "Hybrid workshop in Utrecht"},
        "event_type=workshop": {"Nairobi workshop", "Hybrid workshop in Utrecht"},
        "event_type=conference,webinar": {"Lima conference", "Online webinar"},
        "sdg=11": {"Nairobi workshop", "Online webinar"},
        "sdg=11&event_type=workshop": {"Nairobi workshop"},
        "topic=housing": {"Lima conference"},
        "region=002": {"Nairobi workshop"},
        "region=014": {"Nairobi workshop"},  # Eastern Africa, a sub-region
        "region=019&region=150": {"Lima conference", "Hybrid workshop in Utrecht"},
        "attendance=online": {"Online webinar", "Hybrid workshop in Utrecht"},
        "attendance=in_person": {
            "Nairobi workshop",
            "Lima conference",
            "Hybrid workshop in Utrecht",
        },
        "attendance=online&region=150": {"Hybrid workshop in Utrecht"},
    }
    for query, expected in cases.items():
        response = client.get(f"/events/?{query}")
        assert response.status_code == 200
        assert set(_titles(response.content.decode())) == expected, query


@pytest.mark.django_db
def test_the_filter_form_keeps_the_choice_and_works_without_javascript(client, event_factory):
    event_factory()
    html = client.get("/events/?event_type=webinar&attendance=online").content.decode()
    assert 'name="event_type" value="webinar" checked' in html
    assert 'name="attendance" value="online" checked' in html
    assert 'name="event_type" value="workshop">' in html
    assert '<form method="get" action="/events/"' in html
    assert "No published event matches these filters." in html


@pytest.mark.django_db
def test_pagination_keeps_the_filters_and_costs_a_fixed_number_of_queries(
    client, event_factory, partner_factory
):
    organiser = partner_factory()

    def queries(url):
        client.get(url)  # warm the per-process caches (site root, content types)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), response.content.decode()

    event_factory(organisers=[organiser], sdgs=[11, 13])
    few, _ = queries("/events/?sdg=11")
    for day in range(PAGE_SIZE + 3):
        event_factory(
            start=in_days(day + 2), end=in_days(day + 2, 12), organisers=[organiser], sdgs=[11, 13]
        )
    many, html = queries("/events/?sdg=11")
    assert few == many
    assert len(_titles(html)) == PAGE_SIZE
    assert 'href="?sdg=11&amp;page=2"' in html
    second = client.get("/events/?sdg=11&page=2").content.decode()
    assert len(_titles(second)) == 4


@pytest.mark.django_db
def test_the_listing_never_shows_drafts_private_or_unpublished_events(client, event_factory):
    event_factory(title="SECRETDRAFT event", live=False)
    private = event_factory(title="SECRETPRIVATE event")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    event_factory(title="SECRETUNPUBLISHED event").unpublish()
    event_factory(title="Public event")
    html = client.get("/events/").content.decode()
    assert "Public event" in html and "SECRET" not in html


@pytest.mark.django_db
def test_an_event_page_shows_the_time_at_the_venue_utc_and_only_published_organisers(
    client, event_factory, partner_factory
):
    published = partner_factory(name="Cities Learning Together", website="https://clt.example/")
    draft = partner_factory(name="SECRETDRAFT partner", live=False)
    event = event_factory(
        title="Heat plans",
        start=in_days(30, 8),
        end=in_days(30, 15),
        time_zone="Asia/Tokyo",
        city="Tokyo",
        country="JP",
        organisers=[published, draft],
        languages=["ja", "en"],
        registration_url="https://example.org/register",
    )
    html = client.get(event.url).content.decode()
    # 08:00 UTC is 17:00 in Tokyo (UTC+9, no daylight saving).
    assert f"{in_days(30):%-d %B %Y}, 17:00" in html
    assert "JST" in html and "time at the venue, Asia/Tokyo" in html
    assert f"In UTC: {in_days(30):%-d %B %Y}, 08:00" in html
    assert 'data-zone="Asia/Tokyo"' in html and 'data-label="Your time"' in html
    assert '<a href="https://clt.example/" rel="noopener">Cities Learning Together</a>' in html
    assert "SECRETDRAFT" not in html
    assert "Japanese, English" in html
    assert 'href="https://example.org/register"' in html
    assert f'href="/events/{event.slug}.ics"' in html


@pytest.mark.django_db
def test_a_past_event_shows_its_report_and_no_registration(client, event_factory):
    event = event_factory(
        title="Done",
        start=in_days(-5),
        end=in_days(-5, 12),
        registration_url="https://example.org/register",
        report=[("text", "<p>What participants took home.</p>")],
    )
    html = client.get(event.url).content.decode()
    assert "This event has taken place" in html
    assert "What participants took home." in html
    assert "https://example.org/register" not in html


@pytest.mark.django_db
def test_text_from_editors_and_partners_is_escaped(client, event_factory, partner_factory):
    partner = partner_factory(name='<img src=x onerror="alert(1)">Org')
    event = event_factory(summary="<script>alert(1)</script> summary", organisers=[partner])
    for url in ("/events/", event.url, "/partners/", "/"):
        html = client.get(url).content.decode()
        assert "<script>alert(1)" not in html and '<img src=x onerror="alert(1)">' not in html
