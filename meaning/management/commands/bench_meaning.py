"""`manage.py bench_meaning`: the figures of meaning that do not need a big database.

- embedding throughput: pages per minute through the configured model (demo-like texts);
- the matrix at --rows rows (default 100,000) of synthesised, normalised 384-dimension vectors:
  its memory, and the time of a top-10 nearest search (median and p95 over --rounds queries).
Prints the figures and, with --json, writes them for docs/benchmarks.md.
"""

import json
import time
from pathlib import Path
from statistics import median, quantiles

from django.core.management.base import BaseCommand, CommandError

import numpy as np

from home import demo, demo_languages
from meaning import backends
from meaning.matrix import Matrix
from meaning.text import page_text


class _Text:
    def __init__(self, data):
        self.title, self.summary = data["title"], data["summary"]
        self.body = type("Body", (), {"raw_data": data["body"]})()


def p95(values):
    return quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


class Command(BaseCommand):
    help = "Embedding throughput and the vector matrix's memory and top-10 time."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=40, help="Pages to embed.")
        parser.add_argument("--rows", type=int, default=100_000, help="Matrix rows.")
        parser.add_argument("--rounds", type=int, default=200, help="Top-10 searches.")
        parser.add_argument("--json", help="Also write the figures to this file.")

    def handle(self, pages, rows, rounds, **options):
        backend = backends.get_backend()
        if backend is None:
            raise CommandError("Meaning is off (EMBEDDING_BACKEND=none).")
        texts = [page_text(_Text(demo.case_data(1, n))) for n in range(1, pages + 1)]
        texts += [page_text(_Text(item)) for item in demo_languages.all_case_data(1)]
        texts = texts[:pages]
        backend.passages(texts[:1])  # load the model first
        started = time.perf_counter()
        for start in range(0, len(texts), 16):
            backend.passages(texts[start : start + 16])
        per_minute = len(texts) / (time.perf_counter() - started) * 60

        rng = np.random.default_rng(1)
        vectors = rng.standard_normal((rows, backend.dimensions), dtype=np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        ids = np.arange(1, rows + 1, dtype=np.int64)
        matrix = Matrix(
            version=0,
            model="synthetic",
            ids=ids,
            kinds=np.zeros(rows, dtype=np.int64),
            vectors=vectors,
            positions=dict(zip(ids.tolist(), range(rows), strict=True)),
        )
        times = []
        for round_ in range(rounds):
            query = vectors[(round_ * 7919) % rows]
            started = time.perf_counter()
            matrix.nearest(query, 10, exclude=[int(ids[(round_ * 7919) % rows])])
            times.append((time.perf_counter() - started) * 1000)
        figures = {
            "embedding_pages_per_minute": round(per_minute, 1),
            "embedded_pages": len(texts),
            "matrix_rows": rows,
            "matrix_megabytes": round(vectors.nbytes / 2**20, 1),
            "top10_ms_median": round(median(times), 2),
            "top10_ms_p95": round(p95(times), 2),
            "vectors": "synthesised (random, normalised)",
        }
        for name, value in figures.items():
            self.stdout.write(f"{name}: {value}")
        if options.get("json"):
            Path(options["json"]).write_text(json.dumps(figures, indent=2) + "\n")
