"""Meaning: the cases most like a case (`/api/v2/cases/{id}/similar/`)."""

from .schema import (
    COUNTRY,
    ID,
    INTEGER,
    NOT_FOUND,
    SDG,
    STRING,
    array,
    nullable,
    obj,
    operation,
    query,
    read,
)

SIMILAR_CASE = obj(
    {
        "id": INTEGER,
        "title": STRING,
        "url": nullable(STRING),
        "api_url": STRING,
        "city": STRING,
        "country": nullable(COUNTRY),
        "sdgs": array(SDG),
        "score": {"type": "number", "minimum": 0, "maximum": 1},
        "reasons": array(STRING),
    }
)


def paths():
    return {
        "/api/v2/cases/{id}/similar/": operation(
            "Cases similar to a case",
            "Live, public cases most like this one, in any language: what their descriptions "
            "say (when meaning is on) blended with shared SDGs and topics, country, distance "
            'and scale. `score` is between 0 and 1; `reasons` say why (e.g. "similar '
            'description", "shared SDG 11", "same scale", "nearby").',
            [
                ID,
                query(
                    "limit",
                    "How many cases, 1 to 50 (default 10).",
                    {"type": "integer", "minimum": 1, "maximum": 50},
                ),
            ],
            {**read(obj({"results": array(SIMILAR_CASE)})), "404": NOT_FOUND},
            "cases",
            "cases_similar",
        ),
    }
