"""The "learn from similar projects" list on a case: the cases most like it.

Similarity, in the order it counts: shared SDGs and topics (what the project is about), then
being nearby (same country, or within a few hundred kilometres), then the same scale. Worked
out by the database in one query, so it costs the same with 300 cases or 100,000.
"""

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
    published, unpublished, moved or deleted), so a case page costs one small query for it.

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
    key = f"related-cases:{version}:{case.pk}:{limit}"
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


def ranked(case, limit):
    """The similarity ranking itself, as a queryset."""
    from .models import CasePage, CaseTopic

    sdg_links = CasePage.sdgs.through.objects.filter(sdg__in=case.sdgs.values("pk"))
    topic_links = CaseTopic.objects.filter(tag__in=case.topics.values("pk"))
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
