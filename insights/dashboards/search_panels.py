"""Search analytics panels over a date range, from the daily roll-ups and today's log."""

import datetime

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import privacy, rollups
from ..models import (
    FacetDay,
    PositionDay,
    QueryDay,
    RefinementDay,
    RefinementMonth,
    RefinementPair,
    SearchDay,
)
from .base import Panel

TOP = 50


def _today_summary(period):
    today = timezone.now().date()
    if period.date_from <= today <= period.date_to:
        return rollups.summarise(today)
    return None


def _rolled(model, period):
    return model.objects.filter(day__gte=period.date_from, day__lte=period.date_to).order_by()


def _percent(part, whole):
    return round(100 * part / whole, 1) if whole else None


def per_day(period, today):
    rows = {day.day: day for day in _rolled(SearchDay, period)}
    if today:
        rows[today.day] = today.totals
    days = (period.date_from + datetime.timedelta(days=n) for n in range(period.days))
    table = []
    for day in days:
        row = rows.get(day)
        searches = row.searches if row else 0
        table.append(
            [
                day.isoformat(),
                searches,
                row.sessions if row else 0,
                row.zero_results if row else 0,
                _percent(row.filtered, searches) if row else None,
                row.clicks if row else 0,
            ]
        )
    return Panel(
        "searches-per-day",
        _("Searches per day"),
        [
            _("Day"),
            _("Searches"),
            _("Sessions"),
            _("Found nothing"),
            _("% with filters"),
            _("Results opened"),
        ],
        table,
    )


def overview(period, today):
    totals = _rolled(SearchDay, period).aggregate(
        searches=Sum("searches"),
        zero=Sum("zero_results"),
        filtered=Sum("filtered"),
        sessions=Sum("sessions"),
        clicks=Sum("clicks"),
    )
    totals = {key: value or 0 for key, value in totals.items()}
    if today:
        for key, attr in (
            ("searches", "searches"),
            ("zero", "zero_results"),
            ("filtered", "filtered"),
            ("sessions", "sessions"),
            ("clicks", "clicks"),
        ):
            totals[key] += getattr(today.totals, attr)
    searches = totals["searches"]
    rows = [
        [_("Searches"), searches],
        [_("Sessions (a visitor on one day)"), totals["sessions"]],
        [
            _("Searches per session"),
            round(searches / totals["sessions"], 2) if totals["sessions"] else None,
        ],
        [_("% of searches that found nothing"), _percent(totals["zero"], searches)],
        [_("% of searches with filters"), _percent(totals["filtered"], searches)],
        [_("Results opened"), totals["clicks"]],
        [
            _("Results opened per search"),
            round(totals["clicks"] / searches, 3) if searches else None,
        ],
    ]
    return Panel("search-overview", _("Search overview"), [_("Figure"), _("Value")], rows)


def _queries(period, today):
    """{query: [searches, zero_results, sessions]} over the period."""
    found = {
        row["query"]: [row["s"], row["z"], row["n"]]
        for row in _rolled(QueryDay, period)
        .values("query")
        .annotate(s=Sum("searches"), z=Sum("zero_results"), n=Sum("sessions"))
    }
    for row in today.queries if today else []:
        totals = found.setdefault(row.query, [0, 0, 0])
        totals[0] += row.searches
        totals[1] += row.zero_results
        totals[2] += row.sessions
    # Sessions are per day, so the sum over days counts distinct visitor-days exactly.
    return {query: totals for query, totals in found.items() if totals[2] >= privacy.K}


def top_queries(period, today, queries=None):
    queries = _queries(period, today) if queries is None else queries
    ranked = sorted(queries.items(), key=lambda item: (-item[1][0], item[0]))[:TOP]
    return Panel(
        "top-queries",
        _("Top queries"),
        [_("Query"), _("Searches"), _("Sessions"), _("Found nothing")],
        [[query, s, n, z] for query, (s, z, n) in ranked],
        note=_("Queries searched in fewer than %(k)s sessions are not shown.") % {"k": privacy.K},
    )


def zero_result_queries(period, today, queries=None):
    queries = _queries(period, today) if queries is None else queries
    ranked = sorted(
        ((q, t) for q, t in queries.items() if t[1]), key=lambda item: (-item[1][1], item[0])
    )[:TOP]
    return Panel(
        "zero-result-queries",
        _("Queries that found nothing (the gaps visitors hit)"),
        [_("Query"), _("Searches that found nothing"), _("Searches"), _("Sessions")],
        [[query, z, s, n] for query, (s, z, n) in ranked],
        note=_("Queries searched in fewer than %(k)s sessions are not shown.") % {"k": privacy.K},
    )


def _refinement_sums(period, months, **pair_filter):
    """{pair id: [times, sessions]} over the period for the pairs matching `pair_filter`: whole
    months from the monthly sums, the partial months at the edges from their days (so the
    figures are exactly the sum of the days either way). `months=False` reads only days."""
    rows = []
    first = last = None
    if months:
        first = rollups.month_of(period.date_from)
        if first < period.date_from:
            first = rollups.month_of(first + datetime.timedelta(days=32))
        last = rollups.month_of(period.date_to)
        if rollups.month_end(last) > period.date_to:
            last = rollups.month_of(last - datetime.timedelta(days=1))
    if first and first <= last:
        rows.append(
            RefinementMonth.objects.filter(month__gte=first, month__lte=last, **pair_filter)
            .order_by()
            .values_list("pair_id")
            .annotate(c=Sum("count"), n=Sum("sessions"))
        )
        edges = Q(day__gte=period.date_from, day__lt=first) | Q(
            day__gt=rollups.month_end(last), day__lte=period.date_to
        )
    else:
        edges = Q(day__gte=period.date_from, day__lte=period.date_to)
    rows.append(
        RefinementDay.objects.filter(edges, **pair_filter)
        .order_by()
        .values_list("pair_id")
        .annotate(c=Sum("count"), n=Sum("sessions"))
    )
    sums = {}
    for query in rows:
        for pair, c, n in query:
            totals = sums.setdefault(pair, [0, 0])
            totals[0] += c
            totals[1] += n
    return sums


def refinements(period, today, months=True):
    # Only pairs seen in at least K sessions over all time can reach K in the period; they are
    # summed by their number, and only the shown ones are looked up.
    sums = _refinement_sums(period, months, pair__sessions__gte=privacy.K)
    new = {}  # today's pairs never rolled up: (query, next query) -> [times, sessions]
    if today and today.refinements:
        # Today's sessions are not in the all-time counts yet: its pairs' past days count too.
        keys = {rollups.pair_key(a, b): (a, b, c, n) for a, b, c, n in today.refinements}
        ids = dict(RefinementPair.objects.filter(key__in=keys).values_list("key", "pk"))
        sums.update(_refinement_sums(period, months, pair_id__in=list(ids.values())))
        for key, (query, next_query, count, sessions) in keys.items():
            totals = sums.setdefault(ids[key], [0, 0]) if key in ids else [0, 0]
            totals[0] += count
            totals[1] += sessions
            if key not in ids:
                new[(query, next_query)] = totals
    shown = [(pair, t) for pair, t in sums.items() if t[1] >= privacy.K]
    # Names only for the pairs that can make the top (ties on the last count included).
    shown.sort(key=lambda item: -item[1][0])
    cutoff = shown[TOP - 1][1][0] if len(shown) >= TOP else 0
    names = {
        pk: (query, next_query)
        for pk, query, next_query in RefinementPair.objects.filter(
            pk__in=[pair for pair, t in shown if t[0] >= cutoff]
        ).values_list("pk", "query", "next_query")
    }
    ranked = [((a, b), t) for (a, b), t in new.items() if t[1] >= privacy.K]
    ranked += [(names[pair], t) for pair, t in shown if pair in names]
    ranked.sort(key=lambda item: (-item[1][0], item[0]))
    return Panel(
        "refinements",
        _("Refinements: a query, then the next one in the same session"),
        [_("Query"), _("Next query"), _("Times"), _("Sessions")],
        [[a, b, c, n] for (a, b), (c, n) in ranked[:TOP]],
        note=_("Pairs seen in fewer than %(k)s sessions are not shown.") % {"k": privacy.K},
    )


def click_through(period, today):
    rows = {
        row["position"]: [row["r"], row["c"]]
        for row in _rolled(PositionDay, period)
        .values("position")
        .annotate(r=Sum("reached"), c=Sum("clicks"))
    }
    for row in today.positions if today else []:
        totals = rows.setdefault(row.position, [0, 0])
        totals[0] += row.reached
        totals[1] += row.clicks
    table = []
    for position in rollups.POSITIONS:
        reached, clicks = rows.get(position, [0, 0])
        label = str(position) if position <= rollups.FIRST_PAGE else _("21 and further")
        table.append([label, reached, clicks, _percent(clicks, reached)])
    return Panel(
        "click-through",
        _("Click-through rate by result position"),
        [_("Position"), _("Searches that showed it"), _("Opened"), _("% opened")],
        table,
        note=_(
            "Positions 1–20 are the first page; “21 and further” counts searches that went past it."
        ),
    )


def facet_usage(period, today):
    rows = {
        (row["facet"], row["value"]): row["n"]
        for row in _rolled(FacetDay, period).values("facet", "value").annotate(n=Sum("searches"))
    }
    for row in today.facets if today else []:
        rows[(row.facet, row.value)] = rows.get((row.facet, row.value), 0) + row.searches
    ranked = sorted(rows.items(), key=lambda item: (item[0][0], -item[1], item[0][1]))
    return Panel(
        "facet-usage",
        _("Filters used"),
        [_("Filter"), _("Value"), _("Searches")],
        [[facet, value, count] for (facet, value), count in ranked],
    )


def panels(period):
    today = _today_summary(period)
    queries = _queries(period, today)
    return [
        overview(period, today),
        per_day(period, today),
        top_queries(period, today, queries),
        zero_result_queries(period, today, queries),
        refinements(period, today),
        click_through(period, today),
        facet_usage(period, today),
    ]
