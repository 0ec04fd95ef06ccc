"""The filters of the events listing, its feeds and the pages API, read in one place.

The listing and the feeds take `event_type`, `sdg`, `topic`, `region` and `attendance`
(`online`, `in_person`); the pages API takes `event_type`, `starts_after` and `starts_before`
(its other filters are the shared ones of api/filters.py). Repeat a parameter or separate
values with commas for OR; different parameters combine with AND. A bad value raises
`InvalidFilter`, whose message starts with the parameter's name.
"""

import datetime
from dataclasses import dataclass, fields
from urllib.parse import urlencode

from django.core.validators import validate_slug
from django.db.models import Q
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from taxonomy import regions
from taxonomy.models import SDG_NUMBERS

ATTENDANCE = {"online": gettext_lazy("Online"), "in_person": gettext_lazy("In person")}


class InvalidFilter(ValueError):
    """A filter has a value the listing cannot use; `.parameter` names it."""

    def __init__(self, parameter, message):
        self.parameter = parameter
        self.message = f"{parameter}: {message}"
        super().__init__(self.message)


def _values(data, name):
    """All values of a parameter, given repeated (?sdg=1&sdg=2) or comma-separated (?sdg=1,2)."""
    found = []
    for raw in data.getlist(name) if hasattr(data, "getlist") else []:
        found.extend(part.strip() for part in str(raw).split(",") if part.strip())
    return tuple(dict.fromkeys(found))


def event_types(data):
    from .models import EventType

    chosen = _values(data, "event_type")
    for value in chosen:
        if value not in EventType.values:
            raise InvalidFilter(
                "event_type",
                _("'%(value)s' is not one of %(choices)s")
                % {"value": value, "choices": ", ".join(EventType.values)},
            )
    return chosen


def sdg_numbers(data):
    numbers = []
    for value in _values(data, "sdg"):
        number = int(value) if value.isdigit() else None
        if number not in SDG_NUMBERS:
            raise InvalidFilter(
                "sdg", _("'%(value)s' is not an SDG number (1 to 17)") % {"value": value}
            )
        numbers.append(number)
    return tuple(numbers)


def topic_slugs(data):
    slugs = []
    for value in _values(data, "topic"):
        try:
            validate_slug(value)
        except Exception:
            raise InvalidFilter(
                "topic", _("'%(value)s' is not a topic slug") % {"value": value}
            ) from None
        slugs.append(value.lower())
    return tuple(slugs)


def region_codes(data):
    for value in _values(data, "region"):
        if value not in regions.REGIONS and value not in regions.SUBREGIONS:
            raise InvalidFilter(
                "region",
                _("'%(value)s' is not a UN M49 region or sub-region code (such as 002 or 014)")
                % {"value": value},
            )
    return _values(data, "region")


def attendance(data):
    chosen = _values(data, "attendance")
    for value in chosen:
        if value not in ATTENDANCE:
            raise InvalidFilter(
                "attendance", _("'%(value)s' is not one of online, in_person") % {"value": value}
            )
    return chosen


def moment(data, name):
    """A date (midnight UTC) or a date and time (ISO 8601; UTC when it has no offset)."""
    raw = str(data.get(name) or "").strip()
    if not raw:
        return None
    message = _(
        "'%(value)s' is not a date (2026-05-01) or a date and time (2026-05-01T09:00:00Z)"
    ) % {"value": raw[:40]}
    try:
        value = parse_datetime(raw)
        if value is None:
            day = parse_date(raw)
            if day is None:
                raise ValueError(raw)
            value = datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
    except (ValueError, OverflowError):
        raise InvalidFilter(name, message) from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    if not 1900 <= value.year <= 2100:
        raise InvalidFilter(name, message)
    return value


@dataclass(frozen=True)
class EventFilters:
    """What a visitor chose on /events/ (and the feeds): build it with `from_querydict`."""

    event_type: tuple = ()
    sdg: tuple = ()
    topic: tuple = ()
    region: tuple = ()
    attendance: tuple = ()

    @classmethod
    def from_querydict(cls, data):
        return cls(
            event_type=event_types(data),
            sdg=sdg_numbers(data),
            topic=topic_slugs(data),
            region=region_codes(data),
            attendance=attendance(data),
        )

    @property
    def has_filters(self):
        return any(getattr(self, f.name) for f in fields(self))

    def condition(self):
        """The filters as a Q on event pages."""
        condition = Q()
        if self.event_type:
            condition &= Q(event_type__in=self.event_type)
        if self.sdg:
            condition &= Q(pk__in=_with_relation("sdgs__number__in", self.sdg))
        if self.topic:
            condition &= Q(pk__in=_with_relation("topics__slug__in", self.topic))
        if self.region:
            condition &= Q(region__in=self.region) | Q(subregion__in=self.region)
        if self.attendance:
            ways = Q()
            if "online" in self.attendance:
                ways |= Q(online=True)
            if "in_person" in self.attendance:
                ways |= Q(in_person=True)
            condition &= ways
        return condition

    def querystring(self):
        """The filters as a query string, for links to the feeds with the same selection."""
        return urlencode([(f.name, str(v)) for f in fields(self) for v in getattr(self, f.name)])


def _with_relation(lookup, values):
    from .models import EventPage

    return EventPage.objects.filter(**{lookup: values}).values("pk")


def api_condition(data):
    """`event_type`, `starts_after` (the start is at or after) and `starts_before` (the start
    is before) as a Q on event pages, or None when none of them is given."""
    types = event_types(data)
    after, before = moment(data, "starts_after"), moment(data, "starts_before")
    if not (types or after or before):
        return None
    condition = Q()
    if types:
        condition &= Q(event_type__in=types)
    if after:
        condition &= Q(start__gte=after)
    if before:
        condition &= Q(start__lt=before)
    return condition
