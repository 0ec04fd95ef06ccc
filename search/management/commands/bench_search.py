"""Measure search latency: `/api/v2/search/` end to end (through Django, as a visitor's request
runs), and on an engine the raw engine request for the same query. Prints a Markdown table row
for docs/benchmarks.md. Run by `make bench-search`; not a test."""

import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict
from django.test import Client
from django.test.utils import override_settings

from cases.models import CasePage
from search import services
from search.backends import get_backend
from search.engine import EngineSearch

QUERY = "q=water&sdg=6&topic=water"


def _percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


class Command(BaseCommand):
    help = "Median and p95 latency of /api/v2/search/ (text + 2 facets) and of the raw engine."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=200)
        parser.add_argument("--warmup", type=int, default=20)
        parser.add_argument("--query", default=QUERY)
        parser.add_argument("--label", default="")
        parser.add_argument("--path", default="/api/v2/search/", help="or /api/v2/search/suggest/")

    def handle(self, *args, **options):
        client = Client()
        url = options["path"] + "?" + options["query"]
        is_search = options["path"] == "/api/v2/search/"
        # One client sends every request: lift the anonymous rate limit for the benchmark.
        with override_settings(
            ALLOWED_HOSTS=["testserver", *settings.ALLOWED_HOSTS],
            API_ANON_THROTTLE_RATE="100000000/minute",
        ):
            for _ in range(options["warmup"]):
                response = client.get(url)
                if response.status_code != 200:
                    raise CommandError(f"{url} answered {response.status_code}")
            api = []
            for _ in range(options["requests"]):
                started = time.perf_counter()
                response = client.get(url)
                api.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise CommandError(f"{url} answered {response.status_code}")
        data = response.json()
        count = data["count"] if is_search else len(data["results"])

        backend = get_backend()
        raw, took = [], []
        if is_search and isinstance(backend, EngineSearch):
            params = services.SearchParams.from_querydict(QueryDict(options["query"]))
            for _ in range(options["warmup"]):
                backend.raw_search(backend.body(params, services.restricted_paths()))
            for _ in range(options["requests"]):
                body = backend.body(params, services.restricted_paths())
                started = time.perf_counter()
                answer = backend.raw_search(body)
                raw.append((time.perf_counter() - started) * 1000)
                took.append(answer["took"])

        def fmt(values):
            if not values:
                return "–", "–"
            return f"{statistics.median(values):.1f}", f"{_percentile(values, 0.95):.1f}"

        cases = CasePage.objects.live().count()
        engine = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"].rsplit(".", 1)[-1]
        from django.db import connection

        self.stdout.write(
            "| {label} | {db} | {engine} | {cases:,} | `{query}` | {hits:,} | {n} | {a50} | {a95} "
            "| {r50} | {r95} | {t50} | {ratio} |".format(
                label=options["label"] or time.strftime("%Y-%m-%d"),
                db=connection.vendor,
                engine=engine,
                cases=cases,
                query=options["path"] + "?" + options["query"],
                hits=count,
                n=options["requests"],
                a50=fmt(api)[0],
                a95=fmt(api)[1],
                r50=fmt(raw)[0],
                r95=fmt(raw)[1],
                t50=f"{statistics.median(took):.0f}" if took else "–",
                ratio=f"{statistics.median(api) / statistics.median(raw):.2f}×" if raw else "–",
            )
        )
