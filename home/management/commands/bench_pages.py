"""python manage.py bench_pages [--requests N]

Server time of the busiest visitor pages and read endpoints, measured in-process through
Django's test client (the whole request/response cycle: middleware, Wagtail routing, queries,
templates; no network), on the database it is given. A quick look at one version of the code;
`make bench-pages` (scripts/bench-pages.sh) compares before and after on SQLite and PostgreSQL.
"""

import statistics
import time

from django.core.cache import caches
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cases.models import CasePage


def empty_caches():
    """Every cache: Django's, and the whole map kept in this process's memory."""
    from core.caching import PROCESS_MEMORY

    for cache in (*caches.all(), PROCESS_MEMORY):
        cache.clear()


class Command(BaseCommand):
    help = "Median and 95th-percentile server time and SQL queries of the home page and case index."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=30)

    def handle(self, *args, requests, **options):
        case = CasePage.objects.live().order_by("pk").first()
        if case is None:
            raise CommandError("No published cases: seed some first (seed_demo --cases 10000).")
        client = Client(HTTP_HOST="localhost")
        pages = [
            ("home page", "/"),
            ("case index", "/cases/"),
            ("case index, SDG 11", "/cases/?sdg=11"),
            ("case index, page 10", "/cases/?page=10"),
            ("case page", case.url),
            ("map", "/api/v2/map/"),
            ("statistics", "/api/v2/stats/"),
        ]
        count = CasePage.objects.live().count()
        self.stdout.write(
            f"{count} published cases, {requests} requests per page after one warm-up\n"
        )
        self.stdout.write(
            "| page | median | p95 | median with an empty cache | p95 with an empty cache "
            "| SQL queries (empty cache) |"
        )
        self.stdout.write("| --- | --- | --- | --- | --- | --- |")
        for name, url in pages:
            response = client.get(url)  # warm-up: template and site-root caches
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}")
            empty_caches()
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            # Read now: Django empties the query log at the start of every request.
            query_count = len(queries)
            cold = self.timings(client, url, max(10, requests // 2), clear_cache=True)
            warm = self.timings(client, url, requests)
            p95 = statistics.quantiles(warm, n=20)[-1]
            cold_p95 = statistics.quantiles(cold, n=20)[-1]
            self.stdout.write(
                f"| {name} (`{url}`) | {statistics.median(warm):.0f} ms | {p95:.0f} ms "
                f"| {statistics.median(cold):.0f} ms | {cold_p95:.0f} ms | {query_count} |"
            )

    def timings(self, client, url, requests, clear_cache=False):
        """Milliseconds per request; with clear_cache, every request starts from an empty
        cache (the first visitor after content changed)."""
        timings = []
        for _ in range(requests):
            if clear_cache:
                empty_caches()
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        return timings
