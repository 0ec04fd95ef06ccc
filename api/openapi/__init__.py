"""The OpenAPI 3.1 description of the platform's API, served at /api/v2/schema/.

Written by hand, because Wagtail's API v2 viewsets and the custom endpoints have no machine-
readable description of their own; tests/api/test_openapi.py keeps it true by validating real
responses of every path against it, and schemathesis fuzzes it. Wagtail API v3 describes
itself at /api/v3/openapi.json.

Each domain's paths are in a module of this package; a new endpoint goes into its domain's
module (or a new module listed in `MODULES`).
"""

from django.conf import settings

from wagtail.api.utils import get_base_url

from . import (
    benchmark,
    events,
    exchange,
    feeds,
    insights,
    library,
    meaning,
    pages,
    partners,
    platform,
    search,
    submissions,
    v3,
)
from .schema import STRING, obj
from .storable import storable_description

MODULES = (
    pages,
    platform,
    search,
    submissions,
    insights,
    exchange,
    meaning,
    benchmark,
    library,
    feeds,
    events,
    partners,
)
__all__ = ["MODULES", "description", "paths", "read_paths", "v3"]


def paths():
    """Every module's paths; then a module with `extend(paths)` adds what it brings to the
    paths of others (the library's filters on the pages listing and search)."""
    merged = {}
    for module in MODULES:
        merged.update(module.paths())
    for module in MODULES:
        if hasattr(module, "extend"):
            module.extend(merged)
    return merged


def description(request=None):
    # The address the site is served on, as Wagtail's API builds its links.
    server = get_base_url(request) or settings.WAGTAILADMIN_BASE_URL
    return storable_description(
        {
            "openapi": "3.1.0",
            "info": {
                "title": "Closer Cities API",
                "version": "2",
                "description": (
                    "Published cases (urban practice) and science articles, findable by SDG, topic, "
                    "country and region: Wagtail API v2 pages with the platform's filters, the map, "
                    "statistics, open data, search and public submissions. Only live, public content "
                    "is served. Read endpoints are cached (ETag, Last-Modified, 304) and rate-limited "
                    "per client (429 with Retry-After). Partners who write content use Wagtail API "
                    "v3 at /api/v3/ (bearer tokens; its own description is at /api/v3/openapi.json); "
                    "what they write goes through editorial review."
                ),
                "license": {"name": "Content: CC BY 4.0", "identifier": "CC-BY-4.0"},
            },
            "servers": [{"url": server}],
            "paths": paths(),
            "components": {
                "schemas": {
                    "Error": obj({"message": STRING}),
                    "Throttled": obj({"detail": STRING}),
                },
                "securitySchemes": {
                    "bearer": {
                        "type": "http",
                        "scheme": "bearer",
                        "description": (
                            "A Wagtail API token (admin → API tokens) of a user in the "
                            "Researchers group."
                        ),
                    }
                },
            },
            "externalDocs": {"description": "Wagtail API v3", "url": "/api/v3/docs/"},
        }
    )


# The read endpoints: what schemathesis fuzzes and the schema test checks.
def read_paths():
    return [path for path, item in paths().items() if "get" in item]
