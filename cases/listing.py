"""The case index: published cases filtered by facets, through the one search service."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def case_listing(request):
    """Context for the case index: `search` (one page of cases with every facet's counts),
    `params` and `facets`. Raises search.services.InvalidSearchParameter on a bad filter."""
    from closercities.api.models import ContentVersion
    from search.services import SearchParams, search

    query = request.GET.copy()
    query.setlist("type", ["case"])
    if not query.get("order"):
        query["order"] = "newest"
    params = SearchParams.from_querydict(query)
    # Facet counts over thousands of cases are the slow part of this page; they only change
    # when public content does, so they are cached under the content version (bumped on every
    # publish, unpublish, move and delete) and the full address (results carry full URLs).
    version, _ = ContentVersion.current()
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    key = f"case-index:{version}:{address}"
    result = cache.get(key)
    if result is None:
        result = search(params, request)
        cache.set(key, result, settings.API_CACHE_TIMEOUT)
    return {
        "search": result,
        "params": result.params,
        # Every item here is a case, so the content-type facet has nothing to offer.
        "facets": {**result.facets, "type": []},
    }
