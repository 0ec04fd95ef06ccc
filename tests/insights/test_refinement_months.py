"""The refinements panel reads whole months from the monthly sums (RefinementMonth) and only the
days at the edges of its period: its figures must be exactly those summed from the days, for
any period (partial months at either end, one day, whole months, across a new year, with
today's live log), pairs seen in fewer than 5 sessions still hidden."""

import datetime
import random

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from insights import privacy, rollups
from insights.dashboards import search_panels
from insights.dashboards.base import Period
from insights.models import RefinementDay, RefinementMonth
from search.models import SearchLog

WORDS = ["flood", "flood maps", "heat", "heat plan", "water", "bike lanes", "solar", "trees"]


def _log(rng, day, sessions):
    """`sessions` visitors on `day`, each searching two to four queries in a row."""
    rows = []
    for number in range(sessions):
        session = f"{day.isoformat()}-{number}"
        moment = datetime.datetime.combine(day, datetime.time(8), tzinfo=datetime.UTC)
        moment += datetime.timedelta(minutes=rng.randrange(600))
        for step in range(rng.choice((2, 3, 4))):
            rows.append((moment + datetime.timedelta(seconds=30 * step), session, rng))
    SearchLog.objects.bulk_create(
        SearchLog(
            created_at=moment,
            session=session,
            source="page",
            query=rng.choice(WORDS[:3]) if rng.random() < 0.5 else rng.choice(WORDS),
            order="relevance",
            page=1,
            result_count=3,
            duration_ms=1.0,
        )
        for moment, session, rng in rows
    )


@pytest.fixture
def months_of_searches(db, monkeypatch):
    """Searches on about one day in three from mid-November to early March two years ago (so
    a new year, whole and partial months), a few a day: some pairs reach 5 sessions in a
    month, some only over several months, some never."""
    rng = random.Random(16)  # noqa: S311 (reproducible test data, not a secret)
    monkeypatch.setattr(SearchLog._meta.get_field("created_at"), "auto_now_add", False)
    year = timezone.now().year - 2
    day = datetime.date(year, 11, 12)
    while day <= datetime.date(year + 1, 3, 9):
        if rng.random() < 0.35:
            _log(rng, day, rng.randint(1, 4))
        day += datetime.timedelta(days=1)
    rollups.refresh(date_to=day)
    monkeypatch.undo()
    return year


def _both(period, today=None):
    with CaptureQueriesContext(connection) as queries:
        fast = search_panels.refinements(period, today)
    slow = search_panels.refinements(period, today, months=False)
    read_months = any("refinementmonth" in q["sql"] for q in queries.captured_queries)
    return fast.rows, slow.rows, read_months


@pytest.mark.django_db
def test_monthly_sums_are_the_sum_of_the_days(months_of_searches):
    by_month = {}
    for day in RefinementDay.objects.all():
        totals = by_month.setdefault((rollups.month_of(day.day), day.pair_id), [0, 0])
        totals[0] += day.count
        totals[1] += day.sessions
    assert by_month
    assert {
        (row.month, row.pair_id): [row.count, row.sessions] for row in RefinementMonth.objects.all()
    } == by_month


@pytest.mark.django_db
def test_the_panel_shows_the_same_figures_with_and_without_the_monthly_sums(months_of_searches):
    year = months_of_searches
    d = datetime.date
    periods = [
        Period(d(year, 11, 1), d(year + 1, 3, 31)),  # whole months only
        Period(d(year, 11, 17), d(year + 1, 3, 4)),  # partial months at both ends
        Period(d(year, 11, 30), d(year + 1, 2, 1)),  # one day at each end
        Period(d(year, 12, 1), d(year + 1, 1, 13)),  # a whole month, then part of one
        Period(d(year, 12, 5), d(year + 1, 1, 31)),  # part of a month, then a whole one
        Period(d(year, 12, 3), d(year, 12, 28)),  # inside one month
        Period(d(year + 1, 1, 1), d(year + 1, 1, 31)),  # exactly one month
        Period(d(year, 1, 1), timezone.now().date()),  # up to today, as the dashboard asks
    ]
    shown_any = False
    for period in periods:
        fast, slow, read_months = _both(period)
        assert fast == slow, period
        months = {
            rollups.month_of(period.date_from + datetime.timedelta(n)) for n in range(period.days)
        }
        whole_month = any(
            period.date_from <= m <= rollups.month_end(m) <= period.date_to for m in months
        )
        assert read_months == whole_month, period
        assert all(row[3] >= privacy.K for row in fast), period
        shown_any = shown_any or bool(fast)
    assert shown_any  # the comparison is not between two empty tables
    # Pairs under 5 sessions over the period are hidden, while some exist over the period.
    everything = search_panels._refinement_sums(periods[0], months=False)
    assert any(n < privacy.K for _c, n in everything.values())


@pytest.mark.django_db
def test_today_counts_with_the_monthly_sums(months_of_searches):
    year = months_of_searches
    today_sessions = []
    for number in range(5):  # a pair seen only today, in 5 sessions: shown
        for step, query in enumerate(("trees", "solar", "flood")):
            today_sessions.append(
                SearchLog(
                    session=f"today-{number}",
                    source="page",
                    query=query,
                    order="relevance",
                    page=1,
                    result_count=3,
                    duration_ms=float(step),
                )
            )
    SearchLog.objects.bulk_create(today_sessions)
    today = rollups.summarise(timezone.now().date())
    period = Period(datetime.date(year, 11, 20), timezone.now().date())
    fast, slow, read_months = _both(period, today)
    assert read_months and fast == slow
    assert ["trees", "solar", *_row(fast, "trees", "solar")[2:]] in fast
    assert _row(fast, "trees", "solar")[3] >= 5


def _row(rows, query, next_query):
    return next(row for row in rows if row[:2] == [query, next_query])


@pytest.mark.django_db
def test_rolling_a_day_up_again_keeps_its_month_exact(months_of_searches):
    day = RefinementDay.objects.order_by("day").values_list("day", flat=True)[3]
    before = {
        (r.pair_id, r.count, r.sessions)
        for r in RefinementMonth.objects.filter(month=rollups.month_of(day))
    }
    # The day's log loses its last searches (say, deleted on request) and is rolled up again.
    start, end = rollups.day_bounds(day)
    SearchLog.objects.filter(created_at__gte=start, created_at__lt=end).delete()
    rollups.save(rollups.summarise(day))
    after = {
        (r.pair_id, r.count, r.sessions)
        for r in RefinementMonth.objects.filter(month=rollups.month_of(day))
    }
    assert after != before
    expected = {}
    for row in RefinementDay.objects.filter(
        day__gte=rollups.month_of(day), day__lte=rollups.month_end(day.replace(day=1))
    ):
        totals = expected.setdefault(row.pair_id, [0, 0])
        totals[0] += row.count
        totals[1] += row.sessions
    assert after == {(pair, c, n) for pair, (c, n) in expected.items()}
