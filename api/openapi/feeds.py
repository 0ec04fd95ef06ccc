"""Feeds of new cases, science articles and library documents (RSS 2.0 and Atom), with the
search's filters."""

from .parameters import SEARCH_PARAMETERS
from .schema import STRING

FEEDS = {
    "cases": "New cases",
    "science": "New science articles",
    "library": "New documents in the policy library",
}
FORMATS = {"feed/": "application/rss+xml", "feed/atom/": "application/atom+xml"}
# Every search parameter except how a list is shown (the feed is the newest 50, newest first).
PARAMETERS = [
    p for p in SEARCH_PARAMETERS if p["name"] not in ("type", "order", "page", "page_size")
]


def paths():
    described = {}
    for section, summary in FEEDS.items():
        for suffix, content_type in FORMATS.items():
            kind = "Atom" if "atom" in suffix else "RSS"
            described[f"/{section}/{suffix}"] = {
                "get": {
                    "summary": f"{summary} ({kind})",
                    "description": "The 50 newest that match the filters, newest first: the "
                    "same filters and words as /api/v2/search/.",
                    "operationId": f"feed_{section}_{kind.lower()}",
                    "tags": ["feeds"],
                    "parameters": PARAMETERS,
                    "responses": {
                        "200": {
                            "description": "The feed.",
                            "content": {content_type: {"schema": STRING}},
                        },
                        "400": {
                            "description": "A parameter is wrong (checked against the schemas "
                            "here, as /api/v2/search/ is): one line of text starting with its "
                            "name.",
                            "content": {
                                "text/plain": {"schema": STRING},
                                "text/html": {"schema": STRING},
                            },
                        },
                        "414": {"description": "The request's URL is too long."},
                    },
                }
            }
    return described
