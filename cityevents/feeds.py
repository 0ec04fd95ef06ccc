"""Events in calendars and feed readers: iCalendar (RFC 5545, with the venue's time zone and
its VTIMEZONE definition, so calendars show the right time on both sides of a daylight saving
change), RSS 2.0 and Atom. Every feed takes the listing's filters."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils import feedgenerator, timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wagtail.models import Site

from icalendar import Calendar, Event, vGeo

from .filters import EventFilters, InvalidFilter
from .listing import FEED_SIZE, public_events, upcoming
from .models import EventIndexPage

PRODID = "-//Closer Cities//Events//EN"


def _host(request):
    return request.get_host().split(":")[0] or "closercities.org"


def _place(event):
    """Where: the venue, city and country of an event in person, else its join link."""
    if event.in_person:
        parts = [event.venue, event.city, str(event.country.name) if event.country else ""]
        place = ", ".join(part for part in parts if part)
        if event.online:
            place += " " + _("and online")
        return place
    return event.join_url or _("Online")


def _vevent(event, request, stamp):
    url = event.get_full_url(request)
    item = Event()
    item.add("uid", f"event-{event.pk}@{_host(request)}")
    item.add("dtstamp", stamp)
    # In the venue's own zone (TZID), so a calendar shows the local time the organisers gave.
    item.add("dtstart", event.start.astimezone(event.zone))
    item.add("dtend", event.end.astimezone(event.zone))
    item.add("summary", event.title)
    description = event.summary
    if event.registration_url:
        description += "\n\n" + _("Register: %(url)s") % {"url": event.registration_url}
    if event.online and event.join_url:
        description += "\n" + _("Join online: %(url)s") % {"url": event.join_url}
    item.add("description", description + "\n\n" + url)
    item.add("url", url)
    item.add("location", _place(event))
    if event.latitude is not None and event.longitude is not None:
        item.add("geo", vGeo((event.latitude, event.longitude)))
    item.add("categories", [str(event.get_event_type_display())])
    item.add("status", "CONFIRMED")
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    return item


def calendar(events, request, name):
    """An iCalendar of `events`, with a VTIMEZONE for every zone they use."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    stamp = timezone.now()
    for event in events:
        cal.add_component(_vevent(event, request, stamp))
    cal.add_missing_timezones()
    return cal.to_ical()


def _calendar_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
    return response


def bad_filter(error):
    return HttpResponse(error.message, status=400, content_type="text/plain; charset=utf-8")


def ical_feed(request):
    """/events/feed.ics: every upcoming event, with the listing's filters."""
    try:
        filters = EventFilters.from_querydict(request.GET)
    except InvalidFilter as error:
        return bad_filter(error)
    events = upcoming(public_events().filter(filters.condition()))[:FEED_SIZE]
    body = calendar(events, request, _("Closer Cities events"))
    return _calendar_response(body, "closercities-events.ics")


def ical_event(request, slug):
    """/events/<slug>.ics: one published event."""
    from django.shortcuts import get_object_or_404

    event = get_object_or_404(public_events(), slug=slug)
    return _calendar_response(calendar([event], request, event.title), f"{slug}.ics")


class EventsRSSFeed(Feed):
    """/events/feed/: upcoming events (the listing's filters apply), RSS 2.0."""

    feed_type = feedgenerator.Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        try:
            self.filters = EventFilters.from_querydict(request.GET)
        except InvalidFilter as error:
            return bad_filter(error)
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        return response

    def title(self):
        return _("Closer Cities: upcoming events")

    def description(self):
        return _(
            "Workshops, focus groups, conferences, webinars and study visits on urban practice."
        )

    def link(self):
        index = EventIndexPage.objects.live().first()
        if index is not None:
            return index.get_url(self.request)
        return Site.find_for_request(self.request).root_page.url or "/"

    def items(self):
        return upcoming(public_events().filter(self.filters.condition()))[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        with timezone.override(item.zone):
            when = date_format(timezone.localtime(item.start), "DATETIME_FORMAT")
        return f"{when} ({item.time_zone}) · {_place(item)}\n\n{item.summary}"

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return f"event-{item.pk}@{_host(self.request)}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [str(item.get_event_type_display())]


class EventsAtomFeed(EventsRSSFeed):
    """/events/feed/atom/: the same feed in Atom 1.0."""

    feed_type = feedgenerator.Atom1Feed

    def subtitle(self):
        return self.description()
