"""A benchmark's answer: the live cases most like the described project (its peers, by meaning
and structure through meaning.similar), how the project compares with them, and what they
learned, met and were helped by, each linked to its case."""

import statistics

from django.utils import timezone

import numpy as np

from cases.assessment import ASSESSMENT
from cases.models import CaseActor, CasePage, Sector, Status
from meaning import backends
from meaning.similar import as_api, similar_cases
from meaning.text import page_text
from submissions.services import as_text_paragraphs
from taxonomy.models import SDG, Topic

# How many of the most similar cases are the peers, and how many the answer lists.
PEERS = 20
SIMILAR = 10
# The answer's lists of what the peers learned, and the case field each comes from.
LEARNINGS = {
    "lessons": "lessons_learned",
    "barriers": "barriers",
    "facilitating_conditions": "facilitating_conditions",
}


def draft_case(data):
    """The described project as an unsaved case page, which similarity reads like any case."""
    page = CasePage(
        title=data["title"],
        summary="",
        city=data.get("city") or "",
        country=data.get("country") or "",
        scale=data.get("scale") or "",
        status=data.get("status") or "",
        start_year=data.get("start_year"),
        body=[("text", as_text_paragraphs(data["description"]))],
    )
    page.sdgs = list(SDG.objects.filter(number__in=data.get("sdgs", [])))
    page.topics.set(list(Topic.objects.filter(name__in=data.get("topics", []))))
    return page


def embed(data):
    """(vector bytes, model name) of the described project's text, or (None, "") when
    meaning is off. Embedded as a passage, like the cases it is compared with."""
    backend = backends.get_backend()
    if backend is None:
        return None, ""
    vector = backend.passages([page_text(draft_case(data))])[0]
    return vector.astype(np.float32).tobytes(), backend.name


def peers_of(data, vector_bytes=None, model=""):
    """The peers of the described project as meaning.similar's items, best first."""
    vector = None
    if vector_bytes and model == backends.model_name():
        vector = np.frombuffer(bytes(vector_bytes), dtype=np.float32)
    return similar_cases(draft_case(data), limit=PEERS, vector=vector), vector is not None


def answer(data, vector_bytes=None, model="", request=None):
    """Everything `POST /api/v2/benchmark/` answers except the token and result address."""
    return answer_and_peers(data, vector_bytes, model, request)[0]


def answer_and_peers(data, vector_bytes=None, model="", request=None):
    """The answer, and the peers as meaning.similar's items (for their reasons in the
    visitor's language on the result page)."""
    items, by_meaning = peers_of(data, vector_bytes, model)
    ids = [item.page.pk for item in items]
    # One read of what the comparison needs (the similar items carry only their cards).
    rows = {
        row["pk"]: row
        for row in CasePage.objects.live()
        .public()
        .filter(pk__in=ids)
        .values("pk", "status", "start_year", "end_year", *ASSESSMENT, *LEARNINGS.values())
    }
    peers = [(item.page, rows[item.page.pk]) for item in items if item.page.pk in rows]
    body = {
        "similar": as_api(items[:SIMILAR], request),
        "peers": {
            "count": len(peers),
            "basis": "meaning_and_structure" if by_meaning else "structure",
        },
        "comparison": comparison(data, peers),
        **learnings(peers, request),
    }
    return body, items


def _counts(values, order):
    counts = dict.fromkeys(order, 0)
    for value in values:
        if value in counts:
            counts[value] += 1
    return counts


def comparison(data, peers):
    """The project next to its peers: status, years running, sectors, SDGs, self-assessment."""
    this_year = timezone.now().year
    durations = [
        max(0, (row["end_year"] or this_year) - row["start_year"])
        for _, row in peers
        if row["start_year"]
    ]
    start = data.get("start_year")
    sectors = {}
    for page_id, sector in CaseActor.objects.filter(
        page_id__in=[page.pk for page, _ in peers]
    ).values_list("page_id", "sector"):
        sectors.setdefault(sector, set()).add(page_id)
    sdg_counts = {}
    for page, _ in peers:
        for sdg in page.sdgs.all():
            sdg_counts[sdg.number] = sdg_counts.get(sdg.number, 0) + 1
    return {
        "status": {
            "you": data.get("status") or None,
            "peers": _counts((row["status"] for _, row in peers), Status.values),
        },
        "duration": {
            "you": max(0, this_year - start) if start else None,
            "peers_median": statistics.median(durations) if durations else None,
        },
        "sectors": {
            "you": list(data.get("actors", [])),
            "peers": {sector: len(sectors.get(sector, ())) for sector in Sector.values},
        },
        "sdgs": {
            "you": list(data.get("sdgs", [])),
            "peers": {str(number): count for number, count in sorted(sdg_counts.items())},
        },
        "assessment": {
            name: {
                "you": data.get(name) or None,
                "peers": _counts((row[name] for _, row in peers), choices.values),
            }
            for name, (_, choices) in ASSESSMENT.items()
        },
    }


def learnings(peers, request=None):
    """The peers' own lessons, barriers and facilitating conditions, in the peers' order,
    each with the case it comes from."""
    found = {key: [] for key in LEARNINGS}
    for page, row in peers:
        case = {"id": page.pk, "title": page.title, "url": page.get_full_url(request)}
        for key, name in LEARNINGS.items():
            text = row[name].strip()
            if text:
                found[key].append({"case": case, "text": text})
    return found
