"""Faceted search, title suggestions and result clicks."""

from search.registry import search_types

from .parameters import FREE_TEXT, SEARCH_PARAMETERS, YEAR_RANGE_NOTE, locale_parameter
from .schema import (
    COUNTRY,
    DATETIME,
    INTEGER,
    LOCALE_META,
    SDG,
    STRING,
    THROTTLED,
    TOPIC,
    array,
    json_body,
    nullable,
    obj,
    operation,
    query,
)

FACET_VALUE = obj(
    {
        "value": {"type": ["string", "integer"]},
        "label": STRING,
        "count": INTEGER,
        "selected": {"type": "boolean"},
    }
)
SEARCH_RESULT = obj(
    {
        "id": INTEGER,
        # The registered page types (search/registry.py): filled in by paths().
        "type": {"type": "string"},
        "title": STRING,
        "url": nullable(STRING),
        "api_url": STRING,
        "summary": STRING,
        "snippet": STRING,
        "sdgs": array(SDG),
        "topics": array(TOPIC),
        "country": nullable(COUNTRY),
        "city": nullable(STRING),
        "start_year": nullable(INTEGER),
        # Science articles: when and by whom; cases: their main picture, card-sized.
        "publication_date": nullable(STRING),
        "article_type": nullable(STRING),
        "authors": array(STRING),
        "image": nullable(obj({"url": STRING, "width": INTEGER, "height": INTEGER, "alt": STRING})),
        # Events
        "starts_at": DATETIME,
        "event_type": STRING,
    },
    # What every registered type's results carry; the rest belongs to some types only.
    required=[
        "id",
        "type",
        "title",
        "url",
        "api_url",
        "summary",
        "snippet",
        "sdgs",
        "topics",
        "country",
        "city",
        "start_year",
    ],
)
SEARCH = obj(
    {
        "meta": LOCALE_META,
        "count": INTEGER,
        "page": INTEGER,
        "page_size": INTEGER,
        "mode": {"enum": ["keyword", "semantic", "hybrid"]},
        "results": array(SEARCH_RESULT),
        "facets": obj(
            {
                name: array(FACET_VALUE)
                for name in (
                    "sdg",
                    "topic",
                    "country",
                    "region",
                    "type",
                    "status",
                    "year",
                    "article_type",
                )
            }
        ),
    }
)
PAGE_ID = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
SEARCH_ERROR = json_body(
    obj({"message": STRING}), "A parameter is wrong; the message starts with its name."
)


def paths():
    SEARCH_RESULT["properties"]["type"] = {"enum": list(search_types())}
    return {
        "/api/v2/search/": operation(
            "Faceted search",
            "Text and filters → results, total and disjunctive facet counts. Values in facets "
            "are what the filters accept. " + YEAR_RANGE_NOTE,
            [
                *SEARCH_PARAMETERS,
                locale_parameter(
                    "The language searched: pages written in it, their text analysed as that "
                    "language's. Without it, English (the site's default language), as before "
                    "the site had other languages; `all` for every language.",
                    every=True,
                ),
                query(
                    "mode",
                    "keyword (words), semantic (meaning, any language) or hybrid (both, fused); "
                    "hybrid by default when meaning is on. The answer's `mode` says which ran.",
                    {"type": "string", "enum": ["keyword", "semantic", "hybrid"]},
                ),
            ],
            {"200": json_body(SEARCH), "400": SEARCH_ERROR, "429": THROTTLED},
            "search",
            "search",
        ),
        "/api/v2/search/suggest/": operation(
            "Title suggestions",
            "Up to 10 titles that start like `q`.",
            [
                query(
                    "q",
                    "The start of a title.",
                    FREE_TEXT,
                )
            ],
            {
                "200": json_body(
                    obj(
                        {
                            "results": {
                                "type": "array",
                                "maxItems": 10,
                                "items": obj({"id": INTEGER, "title": STRING}),
                            }
                        }
                    )
                ),
                "400": SEARCH_ERROR,
                "429": THROTTLED,
            },
            "search",
            "search_suggest",
        ),
        "/api/v2/search/click/": {
            "post": {
                "summary": "Record that a search result was opened",
                "description": "For research on how urban professionals search; anonymous.",
                "operationId": "search_click",
                "tags": ["search"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": obj(
                                {
                                    "page_id": PAGE_ID,
                                    "position": {
                                        **PAGE_ID,
                                        "description": "1 for the first result of the first page.",
                                    },
                                    "search_id": nullable(
                                        {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}
                                    ),
                                },
                                required=["page_id", "position"],
                            )
                        }
                    },
                },
                "responses": {
                    "201": json_body(obj({"recorded": {"type": "boolean"}}), "Recorded."),
                    "400": SEARCH_ERROR,
                    "429": THROTTLED,
                },
            }
        },
    }
