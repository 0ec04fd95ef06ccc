"""Event times: stored as moments (UTC in the database), entered and shown in the time zone of
the venue. Editors type the wall-clock time printed on the invitation; this module turns it
into a moment, refusing times that do not exist on that day (the hour skipped when clocks go
forward) and taking the first of the two times that exist twice (when clocks go back)."""

import datetime
import zoneinfo
from functools import lru_cache

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

UTC = datetime.UTC


@lru_cache(maxsize=1)
def time_zone_names():
    """Every IANA time zone name the server knows (from the tzdata package), sorted."""
    return tuple(sorted(zoneinfo.available_timezones() - {"localtime", "Factory"}))


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in time_zone_names()]


def validate_time_zone(value):
    if value not in time_zone_names():
        raise ValidationError(
            _("'%(value)s' is not a time zone name such as Europe/Amsterdam."),
            params={"value": value},
            code="invalid_time_zone",
        )


def zone(name):
    return zoneinfo.ZoneInfo(name)


def to_moment(wall_clock, zone_name):
    """The aware moment of a naive wall-clock time at the venue. Raises ValidationError for a
    time that does not exist there (inside a spring-forward gap)."""
    tz = zone(zone_name)
    moment = wall_clock.replace(tzinfo=tz, fold=0)
    # A time in a gap does not survive the trip to UTC and back unchanged.
    back = moment.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    if back != wall_clock.replace(fold=0):
        raise ValidationError(
            _(
                "%(time)s does not exist in %(zone)s: the clocks go forward then. "
                "Choose a time outside the skipped hour."
            ),
            params={"time": wall_clock.strftime("%Y-%m-%d %H:%M"), "zone": zone_name},
            code="nonexistent_time",
        )
    return moment.astimezone(UTC)


def to_wall_clock(moment, zone_name):
    """The naive wall-clock time at the venue of an aware moment."""
    return moment.astimezone(zone(zone_name)).replace(tzinfo=None)


class WallClockDateTimeField(forms.DateTimeField):
    """A date and time read as typed, with no time zone applied: the page form decides which
    zone it is in (the venue's), not the editor's own time zone setting."""

    def to_python(self, value):
        with timezone.override(UTC):
            result = super().to_python(value)
        return timezone.make_naive(result, UTC) if result is not None else None
