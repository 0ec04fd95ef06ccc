"""The "learn from similar projects" list on a case: the cases most like it.

Similarity, in the order it counts: shared SDGs and topics (what the project is about), then
being nearby (same country, or within a few hundred kilometres), then the same scale. Worked
out by the database in one query, so it costs the same with 300 cases or 100,000.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Case as CaseWhen
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.db.models.lookups import LessThan

from wagtail import hooks

# About 500 km in degrees of latitude, squared: a cheap "nearby" test that needs no GIS.
NEARBY_DEGREES_SQUARED = 4.5**2

WEIGHTS = {"sdg": 3, "topic": 3, "country": 2, "nearby": 2, "scale": 1}


def related_cases(case, limit=4):
    """Up to `limit` live, public cases sharing an SDG or topic with `case`, most similar first.

    The ranking is cached under the content version (which changes whenever anything is
    published, unpublished, moved or deleted) and what the ranking reads from `case`, so a
    case page costs one small query for it, and a preview of unpublished changes never
    leaves its ranking for the live page.

    An app that knows better (meaning/, by what the texts say) answers the `similar_cases`
    Wagtail hook with the pages, each carrying `similarity_reasons`; it answers None when it
    cannot (meaning off, no vector for this case), and then this ranking is used.
    """
    for hook in hooks.get_hooks("similar_cases"):
        found = hook(case, limit)
        if found is not None:
            return found
    from core.models import ContentVersion

    from .models import CasePage

    version, _ = ContentVersion.current()
    inputs = _similarity_inputs(case)
    digest = hashlib.sha256(repr(inputs).encode()).hexdigest()[:16]
    key = f"related-cases:{version}:{case.pk}:{limit}:{digest}"
    ids = cache.get(key)
    if ids is None:
        ids = list(ranked(case, limit).values_list("pk", flat=True))
        cache.set(key, ids, settings.API_CACHE_TIMEOUT)
    pages = (
        CasePage.objects.live()
        .public()
        .filter(pk__in=ids)
        .select_related("main_image")
        .prefetch_related("sdgs", "main_image__renditions")
    )
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


def _similarity_inputs(case):
    """What the ranking reads from the case. SDGs and topics are read through `.all()`, which
    works both for a saved case and for a draft or preview, whose relations live in memory
    (a revision's SDGs are not in the database, and cannot be queried there)."""
    return (
        sorted(sdg.pk for sdg in case.sdgs.all()),
        sorted(topic.pk for topic in case.topics.all()),
        str(case.country),
        case.latitude,
        case.longitude,
        case.scale,
    )


def ranked(case, limit):
    """The similarity ranking itself, as a queryset."""
    from .models import CasePage, CaseTopic

    sdg_ids, topic_ids, *_ = _similarity_inputs(case)
    sdg_links = CasePage.sdgs.through.objects.filter(sdg__in=sdg_ids)
    topic_links = CaseTopic.objects.filter(tag__in=topic_ids)
    # Shared SDGs and topics are counted in the link tables per candidate (correlated
    # subqueries) rather than by joining and grouping every page column, which is what keeps
    # this fast with thousands of candidates.
    similarity = (
        _count(sdg_links, "casepage_id") * WEIGHTS["sdg"]
        + _count(topic_links, "content_object_id") * WEIGHTS["topic"]
        + _bonus(Q(country=case.country), WEIGHTS["country"])
        + _nearby(case)
        + (_bonus(Q(scale=case.scale), WEIGHTS["scale"]) if case.scale else Value(0))
    )
    return (
        CasePage.objects.live()
        .public()
        .exclude(pk=case.pk)
        .filter(
            Q(pk__in=sdg_links.values("casepage_id"))
            | Q(pk__in=topic_links.values("content_object_id"))
        )
        .annotate(similarity=similarity)
        .order_by("-similarity", "-first_published_at", "pk")[:limit]
    )


def _count(links, column):
    per_candidate = (
        links.filter(**{column: OuterRef("pk")})
        .order_by()
        .values(column)
        .annotate(shared=Count("pk"))
        .values("shared")
    )
    return Coalesce(Subquery(per_candidate, output_field=IntegerField()), 0)


def _bonus(condition, points):
    return CaseWhen(
        When(condition, then=Value(points)), default=Value(0), output_field=IntegerField()
    )


def _nearby(case):
    if case.latitude is None or case.longitude is None:
        return Value(0)
    d_lat = F("latitude") - case.latitude
    d_lon = F("longitude") - case.longitude
    close = LessThan(d_lat * d_lat + d_lon * d_lon, NEARBY_DEGREES_SQUARED)
    # Cases without coordinates compare as NULL, which is not less than anything: no bonus.
    return _bonus(close, WEIGHTS["nearby"])
