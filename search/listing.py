"""The index pages' listings (the case index and the science index), answered by the one
search service and offered to the page models through the `page_listing` Wagtail hook (see
wagtail_hooks.py), so the page apps never import search."""

import hashlib

from django.conf import settings
from django.core.cache import cache

from core.models import ContentVersion

from .backends import database_backend
from .middleware import unavailable_message
from .panel import panel
from .services import (
    InvalidSearchParameter,
    SearchParams,
    SearchUnavailable,
    search,
    visitor_language,
)

# The facets an index offers, by content type; the others stay out of its filter panel.
FACETS = {
    "case": ("sdg", "topic", "has_video", "region", "country", "status", "year"),
    "article": ("sdg", "topic", "article_type", "year"),
    "library": ("sdg", "topic", "document_type", "region", "country", "year"),
}
# The orders an index offers besides "most relevant" (offered when there is text).
ORDERS = {
    "case": ("newest", "start_year", "title"),
    "article": ("newest", "title"),
    "library": ("newest", "title"),
}


def page_listing(request, content_type):
    """Context for an index page listing `content_type` ("case", "article", "library"): `search` (one
    page of hits with every facet's counts), `params`, `facets` and `panel`; or `error` for a
    bad filter (400), or `unavailable` (a message, 503) when text was given and the search
    engine is down."""
    query = request.GET.copy()
    query.setlist("type", [content_type])
    try:
        params = SearchParams.from_querydict(query, default_locale=visitor_language())
    except InvalidSearchParameter as error:
        return {"error": error}
    # Facet counts over thousands of pages are the slow part of an index; they only change
    # when public content does, so they are cached under the content version (bumped on every
    # publish, unpublish, move and delete) and the full address (results carry full URLs).
    version, _ = ContentVersion.current()
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    key = f"{content_type}-index:{version}:{address}"
    result = cache.get(key)
    if result is None:
        try:
            result = search(params, request)
        except SearchUnavailable:
            if params.q:
                return {"params": params, "unavailable": unavailable_message()}
            # Without text the database lists the pages and counts the facets itself.
            result = search(params, request, backend=database_backend())
        cache.set(key, result, settings.API_CACHE_TIMEOUT)
    # Every item here has the one type, so the content-type facet has nothing to offer.
    facets = {name: result.facets.get(name, []) for name in FACETS[content_type]}
    # The type is implied by the page: links and chips leave it out.
    params = result.params.without("type")
    return {
        "search": result,
        "params": params,
        "facets": facets,
        "panel": panel(params, facets, ORDERS[content_type]),
    }
