"""Similar cases: meaning blended with the structured signals (shared SDGs and topics, same
country or nearby, same scale), live and public cases only, in any language.

Candidates are the cases nearest by meaning plus the best by structure (cases/related.py);
each gets a score between 0 and 1 and the reasons a reader can check.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext

from cases.models import CasePage
from cases.related import NEARBY_DEGREES_SQUARED, WEIGHTS, ranked

from .matrix import current_matrix

# What a similar case shows (its card, the API item) and what scores it.
CARD_FIELDS = (
    "title",
    "path",
    "url_path",
    "summary",
    "city",
    "country",
    "start_year",
    "scale",
    "latitude",
    "longitude",
    "main_image",
)
# How many candidates each ranking brings before blending.
CANDIDATES = 50
# How much meaning counts against structure when the case has a vector.
MEANING_WEIGHT = 0.6


def description_threshold():
    """Cosine similarity from which two texts count as "similar description"."""
    return getattr(settings, "MEANING_SIMILAR_DESCRIPTION", 0.84)


def meaning_floor():
    """Cosine similarity that counts as unrelated (e5's scores rarely go below it)."""
    return getattr(settings, "MEANING_SIMILARITY_FLOOR", 0.75)


@dataclass
class Similar:
    """One similar case: the page, its score (0–1) and why it is similar, as
    (code, argument) pairs (see `reason_text`)."""

    page: CasePage
    score: float
    reasons: list = field(default_factory=list)

    def reason_texts(self):
        return [reason_text(code, arg) for code, arg in self.reasons]

    def reason_labels(self):
        return [reason_label(code, arg) for code, arg in self.reasons]


def reason_text(code, arg=None):
    """The API's reason strings (stable English, part of the contract)."""
    return {
        "description": "similar description",
        "sdg": f"shared SDG {arg}",
        "topic": f"shared topic {arg}",
        "country": "same country",
        "nearby": "nearby",
        "scale": "same scale",
    }[code]


def reason_label(code, arg=None):
    """The same reasons, for people, in their language."""
    if code == "sdg":
        return gettext("shared SDG %(number)s") % {"number": arg}
    if code == "topic":
        return gettext("shared topic %(name)s") % {"name": arg}
    return {
        "description": gettext("similar description"),
        "country": gettext("same country"),
        "nearby": gettext("nearby"),
        "scale": gettext("same scale"),
    }[code]


def has_vector(case):
    matrix = current_matrix()
    return matrix is not None and matrix.row(case.pk) is not None


def similar_cases(case, limit=10, vector=None):
    """Up to `limit` live, public cases most like `case`, best first, as `Similar` items.

    `case` may be an unsaved case (a project described for a benchmark, its SDGs and topics
    set in memory) with the `vector` of its text; a saved case uses its stored vector."""
    matrix = current_matrix()
    if matrix is None:
        vector = None
    elif vector is None:
        vector = matrix.row(case.pk)
    meaning = {}
    if vector is not None:
        meaning = dict(
            matrix.nearest(vector, max(CANDIDATES, limit), model=CasePage, exclude=[case.pk])
        )
    structured = list(ranked(case, max(CANDIDATES, limit)).values_list("pk", flat=True))
    candidates = (
        CasePage.objects.live()
        .public()
        .filter(pk__in=set(meaning) | set(structured))
        .exclude(pk=case.pk)
        .only(*CARD_FIELDS)
        .select_related("main_image")
        .prefetch_related("sdgs", "topics")
    )
    own_sdgs = {sdg.number for sdg in case.sdgs.all()}
    own_topics = {topic.slug: topic.name for topic in case.topics.all()}
    most = (
        WEIGHTS["sdg"] * len(own_sdgs)
        + WEIGHTS["topic"] * len(own_topics)
        + WEIGHTS["country"]
        + WEIGHTS["nearby"]
        + WEIGHTS["scale"]
    )
    items = []
    for page in candidates:
        points, reasons = _structure(case, page, own_sdgs, own_topics)
        structure = points / most if most else 0.0
        if vector is None:
            score = structure
        else:
            cosine = meaning.get(page.pk)
            if cosine is None:
                row = matrix.row(page.pk)
                cosine = float(row @ vector) if row is not None else meaning_floor()
            closeness = max(0.0, (cosine - meaning_floor()) / (1 - meaning_floor()))
            score = MEANING_WEIGHT * closeness + (1 - MEANING_WEIGHT) * structure
            if cosine >= description_threshold():
                reasons.insert(0, ("description", None))
        if reasons:
            items.append(Similar(page, round(min(1.0, score), 4), reasons))
    items.sort(key=lambda item: (-item.score, item.page.pk))
    return items[:limit]


def _structure(case, page, own_sdgs, own_topics):
    reasons, points = [], 0
    for number in sorted(own_sdgs & {sdg.number for sdg in page.sdgs.all()}):
        reasons.append(("sdg", number))
        points += WEIGHTS["sdg"]
    for slug in sorted(own_topics.keys() & {topic.slug for topic in page.topics.all()}):
        reasons.append(("topic", own_topics[slug]))
        points += WEIGHTS["topic"]
    if case.country and page.country == case.country:
        points += WEIGHTS["country"]
        reasons.append(("country", None))
    if _nearby(case, page):
        points += WEIGHTS["nearby"]
        reasons.append(("nearby", None))
    if case.scale and page.scale == case.scale:
        points += WEIGHTS["scale"]
        reasons.append(("scale", None))
    return points, reasons


def _nearby(case, page):
    if None in (case.latitude, case.longitude, page.latitude, page.longitude):
        return False
    d_lat, d_lon = page.latitude - case.latitude, page.longitude - case.longitude
    return d_lat * d_lat + d_lon * d_lon < NEARBY_DEGREES_SQUARED


def as_api(items, request=None):
    """The items as `GET /api/v2/cases/<id>/similar/` answers them."""
    base = (getattr(settings, "WAGTAILAPI_BASE_URL", "") or "").rstrip("/")
    return [
        {
            "id": item.page.pk,
            "title": item.page.title,
            "url": item.page.get_full_url(request),
            "api_url": base + reverse("wagtailapi:pages:detail", args=[item.page.pk]),
            "city": item.page.city,
            "country": (
                {"code": item.page.country.code, "name": str(item.page.country.name)}
                if item.page.country
                else None
            ),
            "sdgs": [sdg.as_api() for sdg in sorted(item.page.sdgs.all(), key=lambda s: s.number)],
            "score": item.score,
            "reasons": item.reason_texts(),
        }
        for item in items
    ]
