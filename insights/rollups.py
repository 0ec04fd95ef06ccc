"""Daily roll-ups of the search log: each finished day is summed up once into a few small
tables (SearchDay, QueryDay, RefinementDay, PositionDay, FacetDay), so the dashboards read a
few hundred rows for a year instead of every logged search. Refinement pairs are many, so
their days are also summed per calendar month (RefinementMonth), updated with each day. Today is still being written, so
the dashboards sum it up on the fly with the same code (`summarise`).

`refresh()` rolls up every finished day that has no roll-up yet; the django-task
`refresh_search_rollups` (insights.tasks) runs it in the background, queued when a dashboard is
opened, and `manage.py rollup_search_logs` runs it from cron."""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Min, Q, Sum
from django.utils import timezone

from . import sources
from .models import (
    FacetDay,
    PositionDay,
    QueryDay,
    RefinementDay,
    RefinementMonth,
    RefinementPair,
    SearchDay,
)

FIRST_PAGE = 20  # results on the first page (the search's default page size)
POSITIONS = range(1, FIRST_PAGE + 2)  # 1..20, and 21 for "21 and further"
ROLLUP_MODELS = (SearchDay, QueryDay, RefinementDay, PositionDay, FacetDay)


@dataclass
class DaySummary:
    """One day of the search log, summed up (unsaved roll-up rows)."""

    day: datetime.date
    totals: SearchDay = None
    queries: list = field(default_factory=list)
    refinements: list = field(default_factory=list)
    positions: list = field(default_factory=list)
    facets: list = field(default_factory=list)


def day_bounds(day):
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)
    return start, start + datetime.timedelta(days=1)


def summarise(day):
    """Sum up one day of the search log (a fixed number of queries whatever its size)."""
    SearchLog, SearchClick = sources.search_log()
    start, end = day_bounds(day)
    searches = SearchLog.objects.filter(created_at__gte=start, created_at__lt=end).order_by()
    clicks = SearchClick.objects.filter(created_at__gte=start, created_at__lt=end).order_by()
    summary = DaySummary(day)
    totals = searches.aggregate(
        searches=Count("pk"),
        zero_results=Count("pk", filter=Q(result_count=0)),
        sessions=Count("session", distinct=True),
    )
    summary.totals = SearchDay(day=day, clicks=clicks.count(), **totals)
    summary.queries = [
        QueryDay(day=day, **row)
        for row in searches.exclude(query="")
        .values("query")
        .annotate(
            searches=Count("pk"),
            zero_results=Count("pk", filter=Q(result_count=0)),
            sessions=Count("session", distinct=True),
        )
    ]
    reached = searches.filter(page=1).aggregate(
        **{f"p{p}": Count("pk", filter=Q(result_count__gte=p)) for p in POSITIONS[:-1]},
        further=Count("pk", filter=Q(result_count__gt=FIRST_PAGE)),
    )
    clicked = dict(
        clicks.filter(position__lte=FIRST_PAGE).values_list("position").annotate(n=Count("pk"))
    )
    clicked[POSITIONS[-1]] = clicks.filter(position__gt=FIRST_PAGE).count()
    summary.positions = [
        PositionDay(
            day=day,
            position=p,
            reached=reached[f"p{p}" if p <= FIRST_PAGE else "further"],
            clicks=clicked.get(p, 0),
        )
        for p in POSITIONS
    ]
    _walk_sessions(summary, searches)
    return summary


def _walk_sessions(summary, searches):
    """One pass over the day's searches in session order: filters used, and refinements (a
    query followed by a different one in the same session)."""
    filtered, facets, pairs = 0, {}, {}
    previous = (None, "")
    rows = searches.order_by("session", "created_at", "pk").values_list(
        "session", "query", "filters"
    )
    for session, query, filters in rows.iterator(chunk_size=5000):
        if filters:
            filtered += 1
            for facet, values in filters.items():
                for value in values if isinstance(values, list) else [values]:
                    key = (facet[:20], str(value)[:100])
                    facets[key] = facets.get(key, 0) + 1
        if session == previous[0] and query and previous[1] and query != previous[1]:
            pair = pairs.setdefault((previous[1], query), [0, set()])
            pair[0] += 1
            pair[1].add(session)
        previous = (session, query)
    summary.totals.filtered = filtered
    summary.facets = [
        FacetDay(day=summary.day, facet=facet, value=value, searches=count)
        for (facet, value), count in facets.items()
    ]
    # (query, next query, times, sessions)
    summary.refinements = [(a, b, n, len(s)) for (a, b), (n, s) in pairs.items()]


def pair_key(query, next_query):
    return hashlib.sha1(f"{query}\x00{next_query}".encode(), usedforsecurity=False).hexdigest()


def _save_refinements(day, refinements):
    """Store the day's refinement pairs and keep their all-time session counts up to date (by
    the difference with what the day held before, so a day costs the same however long the log)."""
    delta = {}
    for pair_id, sessions in RefinementDay.objects.filter(day=day).values_list(
        "pair_id", "sessions"
    ):
        delta[pair_id] = delta.get(pair_id, 0) - sessions
    RefinementDay.objects.filter(day=day).delete()
    keys = {pair_key(a, b): (a, b, n, s) for a, b, n, s in refinements}
    RefinementPair.objects.bulk_create(
        [RefinementPair(key=key, query=a, next_query=b) for key, (a, b, _n, _s) in keys.items()],
        batch_size=2000,
        ignore_conflicts=True,
    )
    ids = dict(RefinementPair.objects.filter(key__in=keys).values_list("key", "pk"))
    RefinementDay.objects.bulk_create(
        [
            RefinementDay(day=day, pair_id=ids[key], count=n, sessions=s)
            for key, (_a, _b, n, s) in keys.items()
        ],
        batch_size=2000,
    )
    for key, (_a, _b, _n, sessions) in keys.items():
        delta[ids[key]] = delta.get(ids[key], 0) + sessions
    pairs = list(RefinementPair.objects.filter(pk__in=[pk for pk, d in delta.items() if d]))
    for pair in pairs:
        pair.sessions = max(0, pair.sessions + delta[pair.pk])
    RefinementPair.objects.bulk_update(pairs, ["sessions"], batch_size=2000)
    _save_refinement_month(day, set(delta))


def month_of(day):
    return day.replace(day=1)


def month_end(month):
    """The last day of the month that starts on `month`."""
    return (month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)


def _save_refinement_month(day, pair_ids):
    """Re-sum the month of `day` for the pairs the day had before or has now, from their day
    rows: the month rows stay exactly the sum of the days, whatever was rolled up before."""
    month = month_of(day)
    pair_ids = list(pair_ids)
    for start in range(0, len(pair_ids), 2000):
        chunk = pair_ids[start : start + 2000]
        RefinementMonth.objects.filter(month=month, pair_id__in=chunk).delete()
        RefinementMonth.objects.bulk_create(
            [
                RefinementMonth(month=month, pair_id=pair, count=c, sessions=n)
                for pair, c, n in RefinementDay.objects.filter(
                    day__gte=month, day__lte=month_end(month), pair_id__in=chunk
                )
                .order_by()
                .values_list("pair_id")
                .annotate(c=Sum("count"), n=Sum("sessions"))
            ],
            batch_size=2000,
        )


@transaction.atomic
def save(summary):
    """Replace the roll-up of the summary's day."""
    for model in ROLLUP_MODELS:
        if model is not RefinementDay:
            model.objects.filter(day=summary.day).delete()
    summary.totals.save()
    for rows in (summary.queries, summary.positions, summary.facets):
        if rows:
            type(rows[0]).objects.bulk_create(rows, batch_size=2000)
    _save_refinements(summary.day, summary.refinements)


def missing_days(date_from=None, date_to=None):
    """Finished days (before today, UTC) from the first logged search on, without a roll-up."""
    SearchLog, _ = sources.search_log()
    first = SearchLog.objects.aggregate(first=Min("created_at"))["first"]
    if first is None:
        return []
    yesterday = timezone.now().date() - datetime.timedelta(days=1)
    start = max(first.date(), date_from) if date_from else first.date()
    end = min(yesterday, date_to) if date_to else yesterday
    if start > end:
        return []
    done = set(SearchDay.objects.filter(day__gte=start, day__lte=end).values_list("day", flat=True))
    days = (start + datetime.timedelta(days=n) for n in range((end - start).days + 1))
    return [day for day in days if day not in done]


def refresh(date_from=None, date_to=None):
    """Roll up every finished day that has no roll-up yet; returns how many were rolled up."""
    days = missing_days(date_from, date_to)
    for day in days:
        save(summarise(day))
    return len(days)
