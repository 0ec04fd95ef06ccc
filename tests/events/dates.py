"""Dates for event tests, counted from today so the events stay upcoming whenever the tests
run."""

import datetime
import zoneinfo


def dst_days(zone_name):
    """(the day clocks go forward, the day they go back) next year in `zone_name`: the days
    whose UTC offset at noon differs from the day before."""
    zone = zoneinfo.ZoneInfo(zone_name)
    year = datetime.date.today().year + 1
    changes = []
    day = datetime.date(year, 1, 1)
    previous = datetime.datetime.combine(day, datetime.time(12), tzinfo=zone).utcoffset()
    while day.year == year:
        day += datetime.timedelta(days=1)
        offset = datetime.datetime.combine(day, datetime.time(12), tzinfo=zone).utcoffset()
        if offset != previous:
            changes.append((day, offset > previous))
        previous = offset
    forward = next(d for d, ahead in changes if ahead)
    back = next(d for d, ahead in changes if not ahead)
    return forward, back


def in_days(days, hour=8, minute=0):
    """An aware UTC moment `days` from today at `hour`:`minute` UTC."""
    today = datetime.datetime.now(datetime.UTC).date()
    return datetime.datetime.combine(
        today + datetime.timedelta(days=days), datetime.time(hour, minute), tzinfo=datetime.UTC
    )
