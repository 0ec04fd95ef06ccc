"""Conditional requests and the response cache of the read endpoints.

An answer is cached, already rendered, under its full request path together with the content
version it was built from (see `models.ContentVersion`), and served again while that version is
current. Serving it costs one round trip to the cache, which brings the version and the body
together with the anonymous rate limit's count (core/throttling.py), and no database query. Its ETag and
Last-Modified come from the same version, so a client that sends them back gets 304 Not
Modified without any content query.
"""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from wagtail.models import Page, Site

from rest_framework.utils.encoders import JSONEncoder

from .models import ContentVersion

JSON = "application/json"

# Answers too large for the shared cache (the whole map: 3.3 MB at 10,000 cases) are kept in
# each server process's own memory instead, with the content version they were built from like
# every answer: served without a transfer from the cache, and still there when the shared
# cache is down. Two entries at most.
PROCESS_MEMORY = LocMemCache("closercities-process-memory", {"MAX_ENTRIES": 2})


class Provisional:
    """What a `build()` returns for an answer that is not yet the current content version's
    (e.g. the previous version's network while the new one is built in the background): sent
    as it is, but never cached, with an ETag of its own, no Last-Modified and `no-cache`, so
    that neither this cache nor a client keeps it in place of the current answer."""

    def __init__(self, data):
        self.data = data


def render_json(data):
    """JSON as DRF renders it (dates, decimals, lazy strings), compact and in UTF-8."""
    return json.dumps(data, cls=JSONEncoder, ensure_ascii=False, separators=(",", ":")).encode()


def cached_read(request, build, content_type=JSON, variant="", store=None):
    """Answer a read from the cache or by rendering `build()`, with validators and 304s.

    `build()` gives the data (JSON-serialisable, or text for other content types), or a
    `Provisional` of it; it may raise BadRequestError, which is never cached. With API_CACHE_TIMEOUT=0 nothing is cached
    (and nothing is written to the cache). `variant` is for answers that also depend on
    something besides public content (e.g. visitors' survey answers): a different variant is a
    different cache entry and ETag, and no Last-Modified is sent. `store` keeps the answer
    somewhere other than the shared cache (PROCESS_MEMORY).
    """
    digest = _digest(request, variant)
    key = f"closercities-api:{digest}"
    timeout = settings.API_CACHE_TIMEOUT
    (version, changed_at), found = ContentVersion.current_with(
        *([key] if timeout and store is None else []),
        # Read by the rate limit in its round trip, when there is one (core/throttling.py); it
        # does not know a variant's key, so an answer with a variant reads its own.
        already_read=None if variant else getattr(request, "closercities_cache_read", None),
    )
    etag = f'"v{version}-{digest[:16]}"'
    # A variant can change after the last content change, so that date validates nothing.
    last_modified = None if variant else int(changed_at.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    provisional = False
    if response is None:
        kept = found.get(key) if store is None else store.get(key)
        cached_version, body = kept or (None, None)
        if cached_version != version:
            data = build()
            provisional = isinstance(data, Provisional)
            data = data.data if provisional else data
            body = data.encode() if isinstance(data, str) else render_json(data)
            if timeout and not provisional:
                (cache if store is None else store).set(key, (version, body), timeout)
        response = HttpResponse(body, content_type=content_type)
    if provisional:
        response["ETag"] = f'W/"v{version}-{digest[:16]}-provisional"'
        patch_cache_control(response, no_cache=True, max_age=0)
        return response
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
    return response


def _digest(request, variant=""):
    path = request.get_full_path()
    return hashlib.sha256((f"{variant}|{path}" if variant else path).encode()).hexdigest()


def answer_keys(request):
    """The cache keys `cached_read` reads for `request`: the content version and the answer."""
    return (ContentVersion.CACHE_KEY, f"closercities-api:{_digest(request)}")


def share_site_root_paths(pages):
    """Give `pages` (and the pages prefetched onto them) one reading of the sites' root paths.

    Without a request, Wagtail's `page.full_url` reads `Site.get_site_root_paths()` from the
    cache once per page object: a listing of 50 pages with their related pages would make
    dozens of cache reads (database queries with the database cache). Wagtail keeps that
    reading on the object it is given as `cache_object`, the page itself here; handing every
    page the same reading makes it one per listing. Returns `pages` as a list.
    """
    pages = list(pages)
    if not pages:
        return pages
    paths = Site.get_site_root_paths()
    for page in _with_prefetched_pages(pages):
        # The attribute Wagtail's Page._get_site_root_paths(cache_object) keeps it in.
        page._wagtail_cached_site_root_paths = paths
    return pages


def _with_prefetched_pages(pages):
    for page in pages:
        yield page
        for related in getattr(page, "_prefetched_objects_cache", {}).values():
            for item in related:
                if isinstance(item, Page):
                    yield item
