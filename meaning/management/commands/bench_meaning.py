"""`manage.py bench_meaning`: the figures of meaning that do not need a big database.

- embedding throughput: pages per minute through the configured model (demo-like texts);
- the matrix at --rows rows (default 100,000) of synthesised, normalised 384-dimension vectors:
  its memory, and the time of a top-10 nearest search, every row scored exactly ("exact",
  the earlier way) and shortlisted by one-bit codes first ("two-stage", what nearest() does
  from meaning.matrix.TWO_STAGE_ROWS rows), interleaved query by query; median and p95 over
  --rounds queries, and the share of the exact top 10 the two-stage search finds (recall@10)
  on random vectors and on clustered ones (closer to real embeddings, whose cosines are high).
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
from meaning.matrix import SHORTLIST, Matrix
from meaning.text import page_text


class _Text:
    def __init__(self, data):
        self.title, self.summary = data["title"], data["summary"]
        self.body = type("Body", (), {"raw_data": data["body"]})()


def p95(values):
    return quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def synthetic(rows, dimensions, clustered):
    """Random normalised vectors; clustered ones gather around 2,000 topics and share a common
    direction, as real text embeddings do."""
    rng = np.random.default_rng(1)
    vectors = rng.standard_normal((rows, dimensions), dtype=np.float32)
    if clustered:
        centres = rng.standard_normal((2000, dimensions), dtype=np.float32)
        common = rng.standard_normal(dimensions).astype(np.float32)
        vectors = centres[rng.integers(0, 2000, rows)] * 0.9 + vectors * 0.6 + common * 1.2
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors


def matrix_of(vectors):
    ids = np.arange(1, len(vectors) + 1, dtype=np.int64)
    return Matrix(
        version=0,
        model="synthetic",
        ids=ids,
        kinds=np.zeros(len(vectors), dtype=np.int64),
        vectors=vectors,
        positions=dict(zip(ids.tolist(), range(len(vectors)), strict=True)),
    )


def time_top10(matrix, rounds):
    """Exact and two-stage top-10, interleaved: (exact ms, two-stage ms, recall@10)."""
    exact_ms, two_stage_ms, recall = [], [], []
    rows = len(matrix)
    for round_ in range(rounds):
        position = (round_ * 7919) % rows
        query, exclude = matrix.vectors[position], [int(matrix.ids[position])]
        runs = [("exact", True), ("two-stage", False)]
        if round_ % 2:
            runs.reverse()  # neither always goes first
        found = {}
        for name, exact in runs:
            started = time.perf_counter()
            found[name] = matrix.nearest(query, 10, exclude=exclude, exact=exact)
            elapsed = (time.perf_counter() - started) * 1000
            (exact_ms if exact else two_stage_ms).append(elapsed)
        best = {page_id for page_id, _ in found["exact"]}
        recall.append(len(best & {page_id for page_id, _ in found["two-stage"]}) / len(best))
    return exact_ms, two_stage_ms, sum(recall) / len(recall)


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

        figures = {
            "embedding_pages_per_minute": round(per_minute, 1),
            "embedded_pages": len(texts),
            "matrix_rows": rows,
            "shortlist": SHORTLIST,
            "rounds": rounds,
        }
        for kind in ("random", "clustered"):
            matrix = matrix_of(synthetic(rows, backend.dimensions, kind == "clustered"))
            exact_ms, two_stage_ms, recall = time_top10(matrix, rounds)
            figures[f"{kind}_top10_exact_ms_median"] = round(median(exact_ms), 2)
            figures[f"{kind}_top10_exact_ms_p95"] = round(p95(exact_ms), 2)
            figures[f"{kind}_top10_two_stage_ms_median"] = round(median(two_stage_ms), 2)
            figures[f"{kind}_top10_two_stage_ms_p95"] = round(p95(two_stage_ms), 2)
            figures[f"{kind}_two_stage_over_exact_p95"] = round(
                p95(two_stage_ms) / p95(exact_ms), 3
            )
            figures[f"{kind}_two_stage_recall_at_10"] = round(recall, 3)
        figures["matrix_megabytes"] = round(matrix.vectors.nbytes / 2**20, 1)
        figures["codes_megabytes"] = round(
            (matrix.codes.nbytes if matrix.codes is not None else 0) / 2**20, 1
        )
        figures["vectors"] = "synthesised (random, and clustered around 2,000 topics)"
        for name, value in figures.items():
            self.stdout.write(f"{name}: {value}")
        if options.get("json"):
            Path(options["json"]).write_text(json.dumps(figures, indent=2) + "\n")
