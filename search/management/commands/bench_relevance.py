"""`manage.py bench_relevance`: recall@10 and MRR of keyword, semantic and hybrid search and
of the old and new similar cases, on the demo data (see search/relevance.py). Prints a table
and, with --json, writes the figures for docs/benchmarks.md."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from search import relevance


class Command(BaseCommand):
    help = "Recall@10 and MRR of search modes and similar cases over docs/relevance/."

    def add_arguments(self, parser):
        parser.add_argument("--json", help="Also write the figures to this file.")
        parser.add_argument(
            "--similar-cases", type=int, default=0, help="Evaluate only the first N cases."
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
        if output:
            Path(output).write_text(_dumps({"search": search, "similar": similar}))


def _dumps(data):
    return json.dumps(data, indent=2) + "\n"
