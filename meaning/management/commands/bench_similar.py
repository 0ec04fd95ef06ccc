"""`manage.py bench_similar`: `GET /api/v2/cases/<id>/similar/?limit=10` through Django's test
client on the database at hand (issue 14: p95 ≤ 50 ms warm at 100,000 cases): the vector matrix
loaded once (warm), then each request for a different case, its answer never cached before.

`--synthesise-missing` first gives every live case and article without a vector a synthetic one
(clustered around 2,000 topics, as in `bench_meaning`), stored under the current model's name:
embedding 100,000 pages takes hours on two cores. For a benchmark database only: it refuses to
run with DEBUG off."""

import json
import time
from pathlib import Path
from statistics import median, quantiles

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.test import Client

from cases.models import CasePage
from core.models import ContentVersion
from meaning import backends
from meaning.embedding import embedded_pages
from meaning.management.commands.bench_meaning import synthetic
from meaning.models import PageVector


def _synthesise_missing():
    have = PageVector.objects.values("page_id")
    missing = list(embedded_pages().exclude(pk__in=have).values_list("pk", flat=True))
    if not missing:
        return 0
    vectors = synthetic(len(missing), 384, clustered=True)
    model = backends.model_name()
    PageVector.objects.bulk_create(
        [
            PageVector(page_id=pk, model=model, text_hash="synthetic", vector=row.tobytes())
            for pk, row in zip(missing, vectors, strict=True)
        ],
        batch_size=2000,
    )
    ContentVersion.bump()
    return len(missing)


class Command(BaseCommand):
    help = "Time GET /api/v2/cases/<id>/similar/ on this database (median and p95, warm)."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=100)
        parser.add_argument("--synthesise-missing", action="store_true")
        parser.add_argument("--json", help="Also write the figures to this file.")

    def handle(self, requests, synthesise_missing, **options):
        if synthesise_missing:
            if not settings.DEBUG:
                raise CommandError("--synthesise-missing is for benchmark databases (DEBUG on).")
            self.stdout.write(f"Synthesised {_synthesise_missing()} vectors.")
        ids = list(
            CasePage.objects.live()
            .public()
            .order_by("?")
            .values_list("pk", flat=True)[: requests + 1]
        )
        client = Client(HTTP_HOST="localhost")
        client.get(f"/api/v2/cases/{ids[0]}/similar/?limit=10")  # loads the matrix
        times = []
        for pk in ids[1:]:
            cache.clear()  # no answer served from the cache
            started = time.perf_counter()
            response = client.get(f"/api/v2/cases/{pk}/similar/?limit=10")
            times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise CommandError(f"{pk}: {response.status_code} {response.content[:200]!r}")
        figures = {
            "cases": CasePage.objects.live().count(),
            "vectors": PageVector.objects.filter(model=backends.model_name()).count(),
            "requests": len(times),
            "median_ms": round(median(times), 1),
            "p95_ms": round(quantiles(times, n=20)[-1], 1),
        }
        self.stdout.write(json.dumps(figures))
        if options.get("json"):
            Path(options["json"]).write_text(json.dumps(figures, indent=2) + "\n")
