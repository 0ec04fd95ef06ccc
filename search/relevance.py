"""How well search and similar cases find what they should: recall@10 and MRR over the
relevance set in docs/relevance/queries.json, on the demo data (see `make bench-relevance`).

recall@10 is the share of the relevant cases found in the first ten, out of at most ten
(min(10, relevant)), so a family with thirty cases can still score 1; MRR is the mean of
1 / the position of the first relevant case (0 when none is in the first ten)."""

import json
from pathlib import Path
from statistics import mean

from django.conf import settings
from django.http import QueryDict

from cases.models import CasePage
from cases.related import ranked
from home.demo import PROJECTS
from home.demo_languages import family_of_title
from meaning.similar import similar_cases

from . import services

QUERIES = Path(settings.BASE_DIR) / "docs" / "relevance" / "queries.json"
K = 10


def load_queries(path=QUERIES):
    return json.loads(Path(path).read_text(encoding="utf-8"))["queries"]


def case_families():
    """{case id: family} of the live demo cases (English by the start of the title, the
    others by home/demo_languages.py)."""
    translated = family_of_title()
    names = sorted((name for name, _, _ in PROJECTS), key=len, reverse=True)
    found = {}
    for pk, title in CasePage.objects.live().values_list("pk", "title"):
        family = translated.get(title) or next((n for n in names if title.startswith(n)), None)
        if family:
            found[pk] = family
    return found


def scores(ranked_ids, relevant):
    """(recall@10, reciprocal rank) of one ranking."""
    top = ranked_ids[:K]
    hits = [pk for pk in top if pk in relevant]
    recall = len(hits) / min(K, len(relevant)) if relevant else 0.0
    first = next((i for i, pk in enumerate(top, start=1) if pk in relevant), None)
    return recall, (1 / first if first else 0.0)


def search_ids(q, mode):
    data = QueryDict(mutable=True)
    # Every language: the relevant cases of a query may be written in any of them.
    data.update({"q": q, "mode": mode, "type": "case", "page_size": str(K), "locale": "all"})
    params = services.SearchParams.from_querydict(data)
    result = services.search(params)
    return [item["id"] for item in result.results], result.mode


def evaluate_search(queries, modes=("keyword", "semantic", "hybrid")):
    """{mode: {"recall@10", "mrr", "ran"}} over the queries (`ran`: the modes that answered)."""
    families = case_families()
    report = {}
    for mode in modes:
        recalls, ranks, ran = [], [], set()
        for query in queries:
            relevant = {pk for pk, family in families.items() if family in query["families"]}
            ids, used = search_ids(query["q"], mode)
            ran.add(used)
            recall, rank = scores(ids, relevant)
            recalls.append(recall)
            ranks.append(rank)
        report[mode] = {"recall@10": mean(recalls), "mrr": mean(ranks), "ran": sorted(ran)}
    return report


def evaluate_similar(limit=None):
    """{"structured": ..., "meaning": ...}: every demo case's similar cases (old: shared
    SDGs, topics, place and scale; new: blended with meaning) against its own family."""
    families = case_families()
    cases = CasePage.objects.live().filter(pk__in=list(families)).order_by("pk")
    if limit:
        cases = cases[:limit]
    old, new = ([], []), ([], [])
    for case in cases:
        relevant = {pk for pk, family in families.items() if family == families[case.pk]}
        relevant.discard(case.pk)
        if not relevant:
            continue
        for into, ids in (
            (old, list(ranked(case, K).values_list("pk", flat=True))),
            (new, [item.page.pk for item in similar_cases(case, K)]),
        ):
            recall, rank = scores(ids, relevant)
            into[0].append(recall)
            into[1].append(rank)
    return {
        name: {
            "recall@10": mean(values[0]) if values[0] else 0.0,
            "mrr": mean(values[1]) if values[1] else 0.0,
        }
        for name, values in (("structured", old), ("meaning", new))
    }
