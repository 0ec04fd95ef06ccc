"""Wagtail API v2: pages (with the platform's filters), images and documents."""

from . import events
from .parameters import (
    FREE_TEXT,
    MEDIA_LISTING,
    PAGE_DETAIL_NOTE,
    PAGE_LISTING_NOTE,
    fields_parameter,
    find_by_id,
    page_listing_parameters,
)
from .schema import (
    ERROR,
    ID,
    MEDIA_ITEM,
    NOT_FOUND,
    PAGE,
    THROTTLED,
    find,
    listing,
    operation,
    query,
    read,
)

# Events' own fields and filters (events.py) on the listing and the detail.
PAGE = {**PAGE, "properties": {**PAGE["properties"], **events.PAGE_FIELDS}}


def paths():
    detail_responses = {**read(PAGE), "404": NOT_FOUND}
    return {
        "/api/v2/pages/": operation(
            "List pages",
            "Live, public pages. With `type`, the type's own fields are available in `fields` "
            "and as filters. " + PAGE_LISTING_NOTE,
            [*page_listing_parameters(), *events.PAGE_FILTERS],
            read(listing(PAGE, locale=True)),
            "pages",
            "pages_list",
        ),
        "/api/v2/pages/{id}/": operation(
            "One page with all its public fields",
            "Related objects expanded (SDGs, topics, country, region, location, actors, authors, "
            "related pages). " + PAGE_DETAIL_NOTE,
            [ID, fields_parameter("Fields to include or, with a minus sign, leave out.")],
            detail_responses,
            "pages",
            "pages_detail",
        ),
        "/api/v2/pages/find/": operation(
            "Find a page by its path on the site",
            "Redirects to the page's detail URL.",
            [
                query(
                    "html_path",
                    "The page's path, e.g. /cases/solar-roofs/.",
                    FREE_TEXT,
                ),
                find_by_id("A page id (used when html_path is not given)."),
            ],
            {
                "302": {"description": "Found: see Location."},
                "400": ERROR,
                "404": NOT_FOUND,
                "429": THROTTLED,
            },
            "pages",
            "pages_find",
        ),
        "/api/v2/images/": operation(
            "List images",
            "",
            MEDIA_LISTING,
            read(listing(MEDIA_ITEM)),
            "media",
            "images_list",
        ),
        "/api/v2/images/{id}/": operation(
            "One image",
            "",
            [ID],
            {**read(MEDIA_ITEM), "404": NOT_FOUND},
            "media",
            "images_detail",
        ),
        "/api/v2/documents/": operation(
            "List documents",
            "",
            MEDIA_LISTING,
            read(listing(MEDIA_ITEM)),
            "media",
            "documents_list",
        ),
        "/api/v2/documents/{id}/": operation(
            "One document",
            "",
            [ID],
            {**read(MEDIA_ITEM), "404": NOT_FOUND},
            "media",
            "documents_detail",
        ),
        "/api/v2/images/find/": find("images_find"),
        "/api/v2/documents/find/": find("documents_find"),
    }
