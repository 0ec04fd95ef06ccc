"""`manage.py bench_relevance`: recall@10 and MRR of keyword, semantic and hybrid search and
of the old and new similar cases, on the demo data (see search/relevance.py). Prints a table
and, with --json, writes the figures for docs/benchmarks.md."""

import json
import time
from pathlib import Path
from statistics import median, quantiles

from django.core.management.base import BaseCommand

from search import relevance


class Command(BaseCommand):
    help = "Recall@10 and MRR of search modes and similar cases over docs/relevance/."

    def add_arguments(self, parser):
        parser.add_argument("--json", help="Also write the figures to this file.")
        parser.add_argument(
            "--similar-cases", type=int, default=0, help="Evaluate only the first N cases."
        )
        parser.add_argument(
            "--rounds", type=int, default=3, help="Timing rounds of keyword vs hybrid search."
        )

    def handle(self, similar_cases=0, **options):
        output = options.get("json")
        queries = relevance.load_queries()
        search = relevance.evaluate_search(queries)
        similar = relevance.evaluate_similar(similar_cases or None)
        self.stdout.write(f"{len(queries)} queries, {len(relevance.case_families())} cases")
        self.stdout.write(f"{'':28} {'recall@10':>10} {'MRR':>8}")
        for mode, figures in search.items():
            label = f"search {mode} (ran {', '.join(figures['ran'])})"
            self.stdout.write(f"{label:28} {figures['recall@10']:10.3f} {figures['mrr']:8.3f}")
        for name, figures in similar.items():
            label = f"similar cases, {name}"
            self.stdout.write(f"{label:28} {figures['recall@10']:10.3f} {figures['mrr']:8.3f}")
        latency = timings(queries, options["rounds"])
        for mode, figures in latency.items():
            self.stdout.write(
                f"search {mode}: median {figures['median_ms']} ms, p95 {figures['p95_ms']} ms"
            )
        ratio = latency["hybrid"]["p95_ms"] / latency["keyword"]["p95_ms"]
        self.stdout.write(f"hybrid / keyword p95: {ratio:.2f}")
        if output:
            data = {"search": search, "similar": similar, "latency": latency}
            Path(output).write_text(_dumps({**data, "hybrid_keyword_p95_ratio": round(ratio, 2)}))


def timings(queries, rounds):
    """Search service time per query, keyword and hybrid interleaved (the query's vector is
    cached after the first round, as it is for a repeated query in one process)."""
    times = {"keyword": [], "hybrid": []}
    for _ in range(rounds):
        for query in queries:
            for mode in times:
                started = time.perf_counter()
                relevance.search_ids(query["q"], mode)
                times[mode].append((time.perf_counter() - started) * 1000)
    return {
        mode: {
            "median_ms": round(median(values), 1),
            "p95_ms": round(quantiles(values, n=20)[-1], 1),
        }
        for mode, values in times.items()
    }


def _dumps(data):
    return json.dumps(data, indent=2) + "\n"
