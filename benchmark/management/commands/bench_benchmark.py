"""`manage.py bench_benchmark`: the time of `POST /api/v2/benchmark/` through Django's test client
on the database at hand (issue 14: p95 ≤ 500 ms at 10,000 cases), for a set of projects worded
in several languages, each one new (its text embedded once, as a visitor's would be). The rate
limit is lifted for the run (its counters are cleared before each request); every benchmark made is deleted afterwards."""

import json
import time
from pathlib import Path
from statistics import median, quantiles

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.test import Client

from benchmark.models import Benchmark, BenchmarkRecord

PROJECTS = [
    ("Rooftop gardens on social housing", "Tenants grow vegetables on the roofs.", [11, 2]),
    ("Jardins sur les toits des logements sociaux", "Les locataires cultivent des légumes.", [11]),
    ("Agua de lluvia para escuelas", "Las escuelas recogen el agua de lluvia de sus techos.", [6]),
    (
        "Ônibus elétricos no centro",
        "A cidade troca a frota de ônibus por veículos elétricos.",
        [11],
    ),
    ("Safe cycle routes to school", "Protected lanes and school streets for children.", [3, 11]),
    ("Energía solar comunitaria", "Vecinos comparten paneles solares en edificios públicos.", [7]),
    ("Heat action plan", "Cooling centres and shade trees for a heatwave.", [13, 3]),
    ("Recyclage des déchets du marché", "Le marché composte ses déchets organiques.", [12]),
]


def _payload(number, title, description, sdgs):
    return {
        "title": f"{title} ({number})",
        "description": f"{description} Round {number}.",
        "city": "Lyon",
        "country": "FR",
        "sdgs": sdgs,
        "topics": [],
        "scale": "city",
        "status": "running",
        "start_year": 2020,
        "actors": [{"sector": "government"}],
        "evidence": "monitored",
        "participation": "consulted",
        "funding": "multi_year",
        "documentation": "public",
        "transfer": "within_city",
    }


class Command(BaseCommand):
    help = "Time POST /api/v2/benchmark/ on this database (median and p95)."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=40)
        parser.add_argument("--json", help="Also write the figures to this file.")

    def handle(self, requests, **options):
        client = Client(HTTP_HOST="localhost")
        before = set(Benchmark.objects.values_list("pk", flat=True))
        records = set(BenchmarkRecord.objects.values_list("pk", flat=True))
        times = []
        try:
            for number in range(requests):
                cache.clear()  # the rate limit counts in the cache: lifted for the run
                title, description, sdgs = PROJECTS[number % len(PROJECTS)]
                body = _payload(number, title, description, sdgs)
                started = time.perf_counter()
                response = client.post("/api/v2/benchmark/", body, content_type="application/json")
                times.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    self.stderr.write(f"{response.status_code}: {response.content[:300]!r}")
                    return
        finally:
            Benchmark.objects.exclude(pk__in=before).delete()
            BenchmarkRecord.objects.exclude(pk__in=records).delete()
        figures = {
            "requests": len(times),
            "median_ms": round(median(times), 1),
            "p95_ms": round(quantiles(times, n=20)[-1], 1),
        }
        self.stdout.write(
            f"POST /api/v2/benchmark/: {figures['requests']} requests, "
            f"median {figures['median_ms']} ms, p95 {figures['p95_ms']} ms"
        )
        if options.get("json"):
            Path(options["json"]).write_text(json.dumps(figures, indent=2) + "\n")
