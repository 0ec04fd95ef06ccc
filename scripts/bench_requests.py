"""Time requests to the site in-process (Django's test client: middleware, routing, queries,
templates; no network), for the benchmarks in docs/benchmarks.md.

It runs against the code of the directory it is started in, so the same measurement can be
made of two versions of the site on the same database (scripts/bench_compare.py does that):

    cd <tree> && DATABASE_URL=... python <this file> --requests 50 --cold /cases/?sdg=6

Prints one JSON object per URL: median and 95th percentile in milliseconds, the number of SQL
queries of one request and the status. `--cold` empties every cache before each request (the
first visitor after content changed); otherwise one warm-up request comes first.
"""

import argparse
import json
import os
import statistics
import sys
import time


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def empty_caches():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    try:  # answers kept in this process's memory (absent from older versions of the site)
        from core.caching import PROCESS_MEMORY
    except ImportError:
        return
    PROCESS_MEMORY.clear()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--cold", action="store_true")
    options = parser.parse_args()

    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "closercities.settings.test")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client(HTTP_HOST="localhost")
    # One client sends every request: lift the anonymous rate limit for the benchmark.
    with override_settings(ALLOWED_HOSTS=["*"], API_ANON_THROTTLE_RATE="100000000/minute"):
        for url in options.urls:
            for _ in range(options.warmup):
                client.get(url)
            if options.cold:
                empty_caches()
            with CaptureQueriesContext(connection) as queries:
                status = client.get(url).status_code
            # Read now: the next request empties the query log this counts from.
            query_count = len(queries)
            timings = []
            for _ in range(options.requests):
                if options.cold:
                    empty_caches()
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
                status = max(status, response.status_code)
            print(
                json.dumps(
                    {
                        "url": url,
                        "cold": options.cold,
                        "requests": options.requests,
                        "median": round(statistics.median(timings), 2),
                        "p95": round(percentile(timings, 0.95), 2),
                        "queries": query_count,
                        "status": status,
                    }
                ),
                flush=True,
            )


if __name__ == "__main__":
    main()
