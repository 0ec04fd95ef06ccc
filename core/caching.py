"""Conditional requests and the response cache of the read endpoints.

An answer is cached, already rendered, under the content version (see `models.ContentVersion`)
and the full request path, so it is served again until public content changes. Its ETag and
Last-Modified come from the same version, so a client that sends them back gets 304 Not Modified
without any content query. Large answers are kept compressed (zlib's fastest level): writing
and reading megabytes (the map, the knowledge network) in the shared database cache costs more
than compressing them.
"""

import hashlib
import json
import zlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from rest_framework.utils.encoders import JSONEncoder

from .models import ContentVersion

JSON = "application/json"
COMPRESS_FROM = 64 * 1024  # bytes


def _pack(body):
    return ("zlib", zlib.compress(body, 1)) if len(body) >= COMPRESS_FROM else body


def _unpack(value):
    return zlib.decompress(value[1]) if isinstance(value, tuple) else value


def render_json(data):
    """JSON as DRF renders it (dates, decimals, lazy strings), compact and in UTF-8."""
    return json.dumps(data, cls=JSONEncoder, ensure_ascii=False, separators=(",", ":")).encode()


def cached_read(request, build, content_type=JSON):
    """Answer a read from the cache or by rendering `build()`, with validators and 304s.

    `build()` gives the data (JSON-serialisable, or text for other content types); it may
    raise BadRequestError, which is never cached.
    """
    version, changed_at = ContentVersion.current()
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    etag = f'"v{version}-{digest[:16]}"'
    last_modified = int(changed_at.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        key = f"closercities-api:{version}:{digest}"
        body = cache.get(key)
        if body is None:
            data = build()
            body = data.encode() if isinstance(data, str) else render_json(data)
            cache.set(key, _pack(body), settings.API_CACHE_TIMEOUT)
        else:
            body = _unpack(body)
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
    return response
