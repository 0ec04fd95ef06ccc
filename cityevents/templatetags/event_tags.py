"""How an event's time reads: at the venue, in its time zone, with what a small script needs to
add the visitor's own time (static/js/local-times.js)."""

from django import template
from django.utils import timezone

from cityevents import times

register = template.Library()


@register.inclusion_tag("events/includes/when.html")
def event_when(event, detailed=False):
    """Start and end at the venue ("Tuesday 12 May 2026, 10:00–17:00 CEST"). Wall-clock
    (naive) times go to the template, so Django's own time zone conversion leaves them alone."""
    zone = times.zone(event.time_zone)
    start, end = event.start.astimezone(zone), event.end.astimezone(zone)
    return {
        "event": event,
        "detailed": detailed,
        "start_local": start.replace(tzinfo=None),
        "end_local": end.replace(tzinfo=None),
        "same_day": start.date() == end.date(),
        "zone_name": event.time_zone,
        "start_abbreviation": start.tzname(),
        "end_abbreviation": end.tzname(),
        "start_utc": event.start.astimezone(times.UTC).isoformat(),
        "end_utc": event.end.astimezone(times.UTC).isoformat(),
        "utc_start": timezone.make_naive(event.start, times.UTC),
        "utc_end": timezone.make_naive(event.end, times.UTC),
    }
