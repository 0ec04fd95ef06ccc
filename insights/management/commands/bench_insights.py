"""python manage.py bench_insights --rows 1000000 (used by `make bench-insights`)

Seeds a synthetic search log (searches spread over --days days, about three per session, a
Zipf-like vocabulary, browsing, filters, zero-result searches and clicks), rolls it up, and
times every dashboard panel over the last 30 days and over the whole period: median of
--rounds interleaved rounds, in ms, next to a baseline (the same "top queries" aggregated from
the raw log, without roll-ups). Prints a Markdown table and writes it to --out."""

import datetime
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import connection
from django.db.models import Count, Q, Sum
from django.utils import timezone

from insights import privacy, rollups
from insights.dashboards import other_panels, search_panels
from insights.dashboards.base import Period
from insights.models import RefinementDay, RefinementMonth, RefinementPair, SearchDay
from search.models import SearchClick, SearchLog

WORDS = [
    "housing",
    "mobility",
    "heat",
    "flood",
    "water",
    "energy",
    "waste",
    "health",
    "food",
    "bike",
    "solar",
    "tree",
    "school",
    "market",
    "park",
    "transit",
    "air",
    "noise",
    "slum",
    "data",
]


def vocabulary(rng, size):
    return [
        " ".join(rng.sample(WORDS, rng.choice((1, 1, 2, 2, 3)))) + f" {n}" * (n > 40)
        for n in range(size)
    ]


def previous_refinements(period):
    """The refinements panel as it was before the monthly sums (its figures, without today):
    every day row of the period summed, and every pair shown or not looked up by name. Kept
    here so that a run measures before and after side by side."""
    sums = {
        pair: [c, n]
        for pair, c, n in RefinementDay.objects.filter(
            day__gte=period.date_from, day__lte=period.date_to, pair__sessions__gte=privacy.K
        )
        .order_by()
        .values_list("pair_id")
        .annotate(c=Sum("count"), n=Sum("sessions"))
        .filter(n__gte=privacy.K)
    }
    names = {
        pk: (query, next_query)
        for pk, query, next_query in RefinementPair.objects.filter(pk__in=list(sums)).values_list(
            "pk", "query", "next_query"
        )
    }
    shown = sorted(
        ((names[pair], totals) for pair, totals in sums.items() if pair in names),
        key=lambda item: (-item[1][0], item[0]),
    )
    return [[a, b, c, n] for (a, b), (c, n) in shown[: search_panels.TOP]]


class Command(BaseCommand):
    help = "Seed a synthetic search log and time the research dashboards' panels."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=1_000_000)
        parser.add_argument("--days", type=int, default=365)
        parser.add_argument("--rounds", type=int, default=5)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--out", default=str(Path(tempfile.gettempdir()) / "closercities-bench-insights.md")
        )
        parser.add_argument("--keep", action="store_true", help="Reuse an already seeded log.")
        parser.add_argument(
            "--keep-rollups",
            action="store_true",
            help="With --keep: reuse the roll-ups too (only roll up the days missing).",
        )

    def handle(self, *args, rows, days, rounds, seed, out, keep, keep_rollups, **options):
        if not (keep and SearchLog.objects.count() >= rows):
            seconds = self.seed(rows, days, seed)
            self.stdout.write(f"seeded {rows} searches in {seconds:.1f} s")
            keep_rollups = False
        if not keep_rollups:
            for model in (*rollups.ROLLUP_MODELS, RefinementPair):  # roll up from scratch
                model.objects.all().delete()
        started = time.perf_counter()
        rolled = rollups.refresh()
        rollup_seconds = time.perf_counter() - started
        self.stdout.write(f"rolled up {rolled} days in {rollup_seconds:.1f} s")
        table = self.measure(rounds)
        lines = [
            f"Search log: {SearchLog.objects.count():,} searches, {SearchClick.objects.count():,} clicks, "
            f"{SearchDay.objects.count()} days; database: {connection.vendor}; roll-up of all days: "
            f"{rollup_seconds:.1f} s ({rolled} days); {RefinementMonth.objects.count():,} monthly "
            f"and {RefinementDay.objects.count():,} daily refinement rows; load average "
            f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} at the end. Refinements with the "
            f"monthly sums, from the days only and by the previous code: "
            f"{'identical' if self.identical else 'DIFFERENT'}.",
            "",
            "| panel | last 30 days: median ms | whole period: median ms |",
            "| --- | --- | --- |",
            *(f"| {name} | {short:.1f} | {long:.1f} |" for name, short, long in table),
        ]
        text = "\n".join(lines) + "\n"
        Path(out).write_text(text, encoding="utf-8")
        self.stdout.write(text)

    def seed(self, rows, days, seed):
        rng = random.Random(seed)
        words = vocabulary(rng, 5000)
        weights = [1 / (rank + 1) ** 1.1 for rank in range(len(words))]
        end = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
        start = end - datetime.timedelta(days=days)
        SearchClick.objects.all().delete()
        SearchLog.objects.all().delete()
        SearchDay.objects.all().delete()
        field = SearchLog._meta.get_field("created_at")
        click_field = SearchClick._meta.get_field("created_at")
        field.auto_now_add = click_field.auto_now_add = False  # the bench writes the past
        started = time.perf_counter()
        try:
            made, batch = 0, []
            while made < rows:
                moment = start + datetime.timedelta(seconds=rng.random() * days * 86400)
                session = f"{rng.getrandbits(256):064x}"
                query_words = rng.choices(words, weights, k=1)[0]
                for step in range(rng.choice((1, 2, 3, 3, 4, 5))):
                    if made >= rows:
                        break
                    browse = rng.random() < 0.25
                    query = (
                        ""
                        if browse
                        else (query_words if step == 0 else rng.choices(words, weights, k=1)[0])
                    )
                    filters = {"sdg": [rng.randint(1, 17)]} if rng.random() < 0.3 else {}
                    if rng.random() < 0.1:
                        filters["region"] = [rng.choice(["002", "019", "142", "150", "009"])]
                    count = 0 if rng.random() < 0.08 else rng.randint(1, 400)
                    batch.append(
                        SearchLog(
                            created_at=moment + datetime.timedelta(seconds=20 * step),
                            session=session,
                            source=rng.choice(("page", "page", "api")),
                            query=query,
                            filters=filters,
                            order="relevance",
                            page=1 if rng.random() < 0.9 else 2,
                            result_count=count,
                            duration_ms=rng.random() * 80,
                        )
                    )
                    made += 1
                if len(batch) >= 5000:
                    self.flush(batch, rng)
                    batch = []
            self.flush(batch, rng)
        finally:
            field.auto_now_add = click_field.auto_now_add = True
        return time.perf_counter() - started

    def flush(self, batch, rng):
        if not batch:
            return
        created = SearchLog.objects.bulk_create(batch)
        clicks = [
            SearchClick(
                created_at=log.created_at + datetime.timedelta(seconds=5),
                session=log.session,
                search_id=log.pk,
                page_id=rng.randint(1, 10_000),
                position=min(int(rng.paretovariate(1.2)), 60),
            )
            for log in created
            if log.pk and log.result_count and rng.random() < 0.3
        ]
        SearchClick.objects.bulk_create(clicks)

    def measure(self, rounds):
        today = timezone.now().date()
        last = SearchDay.objects.order_by("-day").values_list("day", flat=True).first() or today
        first = SearchDay.objects.order_by("day").values_list("day", flat=True).first() or today
        periods = {
            "short": Period(last - datetime.timedelta(days=29), last),
            "long": Period(first, last),
        }

        def baseline(period):
            start, _ = rollups.day_bounds(period.date_from)
            _, end = rollups.day_bounds(period.date_to)
            return list(
                SearchLog.objects.filter(created_at__gte=start, created_at__lt=end)
                .exclude(query="")
                .values("query")
                .annotate(
                    n=Count("pk"),
                    sessions=Count("session", distinct=True),
                    zero=Count("pk", filter=Q(result_count=0)),
                )
                .order_by("-n")[:50]
            )

        work = {
            "search overview": lambda p: search_panels.overview(p, None),
            "searches per day": lambda p: search_panels.per_day(p, None),
            "top queries": lambda p: search_panels.top_queries(p, None),
            "zero-result queries": lambda p: search_panels.zero_result_queries(p, None),
            "refinements": lambda p: search_panels.refinements(p, None),
            "refinements from the days only (months=False)": lambda p: search_panels.refinements(
                p, None, months=False
            ),
            "refinements, the code before the monthly sums": previous_refinements,
            "click-through by position": lambda p: search_panels.click_through(p, None),
            "filters used": lambda p: search_panels.facet_usage(p, None),
            "today's log, summed up live": lambda p: rollups.summarise(p.date_to),
            "submissions, survey, feedback": other_panels.panels,
            "whole search dashboard (all panels)": search_panels.panels,
            "baseline: top queries from the raw log": baseline,
        }
        times = {(name, key): [] for name in work for key in periods}
        for _round in range(rounds):  # interleaved: every panel once per round
            for name, run in work.items():
                for key, period in periods.items():
                    started = time.perf_counter()
                    run(period)
                    times[(name, key)].append((time.perf_counter() - started) * 1000)
        self.identical = all(
            search_panels.refinements(p, None).rows
            == search_panels.refinements(p, None, months=False).rows
            == previous_refinements(p)
            for p in periods.values()
        )
        return [
            (
                name,
                statistics.median(times[(name, "short")]),
                statistics.median(times[(name, "long")]),
            )
            for name in work
        ]
