"""Research: the public insight figures, and the research data releases for affiliated
researchers (bearer token of a user in the Researchers group)."""

from .parameters import FILTERS, YEAR_RANGE_NOTE
from .schema import (
    CACHE_HEADERS,
    DATETIME,
    INTEGER,
    NOT_FOUND,
    STRING,
    URI_TOO_LONG,
    array,
    json_body,
    nullable,
    obj,
    operation,
    read,
)

NAMES = ["coverage", "timeline", "countries", "maturity", "sectors", "flows", "survey"]
# The platform's filters that the figures take, with the same schemas the input guard checks.
INSIGHT_FILTERS = [
    parameter
    for parameter in FILTERS
    if parameter["name"] in ("sdg", "region", "year_from", "year_to")
]
COUNT = {"type": "integer", "minimum": 0}
HIDDEN_COUNT = nullable(COUNT)  # null: fewer than 5 answers, hidden
ANSWER = obj(
    {"value": STRING, "label": STRING, "count": HIDDEN_COUNT, "suppressed": {"type": "boolean"}}
)
CODE_NAME = obj({"code": STRING, "name": STRING})

FIGURES = {
    "coverage": obj(
        {
            "cells": array(obj({"sdg": INTEGER, "region": STRING, "count": COUNT}, extra=False)),
            "regions": array(CODE_NAME),
            "sdgs": array(obj({"number": INTEGER, "title": STRING, "colour": STRING})),
            "cases": COUNT,
        }
    ),
    "timeline": obj(
        {
            "published_per_month": array(
                obj({"month": {"type": "string", "pattern": r"^\d{4}-\d{2}$"}, "count": COUNT})
            ),
            "by_start_year": array(obj({"year": INTEGER, "count": COUNT})),
            "no_start_year": COUNT,
            "cases": COUNT,
        }
    ),
    "countries": obj(
        {
            "countries": array(
                obj(
                    {
                        "country": STRING,
                        "name": STRING,
                        "numeric": STRING,
                        "region": STRING,
                        "subregion": STRING,
                        "count": COUNT,
                    }
                )
            ),
            "cases": COUNT,
        }
    ),
    "maturity": obj(
        {
            "status": array(obj({"status": STRING, "label": STRING, "count": COUNT})),
            "assessment": {
                "type": "object",
                "additionalProperties": array(obj({"value": STRING, "count": COUNT})),
            },
            "cases": COUNT,
        }
    ),
    "sectors": obj(
        {
            "sectors": array(
                obj({"sector": STRING, "label": STRING, "actors": COUNT, "cases": COUNT})
            ),
            "cases": COUNT,
        }
    ),
    "flows": obj(
        {
            "available": {"type": "boolean"},
            "links": COUNT,
            "by_kind": array(obj({"kind": STRING, "label": STRING, "count": COUNT})),
            "by_channel": array(obj({"channel": STRING, "label": STRING, "count": COUNT})),
            "between_regions": array(
                obj({"source_region": STRING, "target_region": STRING, "count": COUNT})
            ),
            "regions": array(CODE_NAME),
        }
    ),
    "survey": obj(
        {
            "responses": HIDDEN_COUNT,
            "questions": array(
                obj(
                    {
                        "question": STRING,
                        "label": STRING,
                        "exclusive": {"type": "boolean"},
                        "answers": array(ANSWER),
                    }
                )
            ),
            "useful": obj(
                {"answers": HIDDEN_COUNT, "useful": array(ANSWER), "will_use": array(ANSWER)}
            ),
            "threshold": INTEGER,
        }
    ),
}
RELEASE_SUMMARY = obj(
    {
        "version": STRING,
        "from": {"type": "string", "format": "date"},
        "to": {"type": "string", "format": "date"},
        "created_at": DATETIME,
        "title": STRING,
        "url": STRING,
    }
)
RELEASE = {
    "allOf": [
        RELEASE_SUMMARY,
        obj(
            {
                "datapackage": {"type": "object"},
                "files": array(
                    obj({"name": STRING, "bytes": INTEGER, "sha256": STRING, "url": STRING})
                ),
            }
        ),
    ]
}
AUTH_ERROR = json_body(obj({"detail": STRING}), "No valid bearer token.")
FORBIDDEN = json_body(obj({"detail": STRING}), "The token's user is not in the Researchers group.")
RELEASE_NOT_FOUND = json_body(obj({"message": STRING}), "No such release (or file).")
BEARER = [{"bearer": []}]


def _release_operation(summary, description, operation_id, parameters, responses):
    return {
        "get": {
            "summary": summary,
            "description": description,
            "operationId": operation_id,
            "tags": ["research"],
            "security": BEARER,
            "parameters": parameters,
            "responses": {**responses, "401": AUTH_ERROR, "403": FORBIDDEN, "414": URI_TOO_LONG},
        }
    }


def _path(name):
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": {"type": "string", "maxLength": 100},
    }


def _insight_responses():
    responses = read({"anyOf": [FIGURES[name] for name in NAMES]})
    # The survey's answer also changes with visitors' answers: it carries no Last-Modified.
    responses["200"]["headers"] = {k: v for k, v in CACHE_HEADERS.items() if k != "Last-Modified"}
    return {**responses, "404": NOT_FOUND}


def paths():
    figure_names = {"name": "name", "in": "path", "required": True, "schema": {"enum": NAMES}}
    return {
        "/api/v2/insights/{name}/": operation(
            "The numbers of one insight chart",
            "coverage: one cell per SDG and UN M49 region (zero counts included; the SDG and region filters narrow the axes); "
            "timeline: cases published per month and by start year; countries: cases per country; maturity: cases by status "
            "(and by self-assessment where cases carry it); sectors: actors by sector; flows: knowledge links by kind, channel "
            "and between regions (empty without the exchange app); survey: visitors' answers, every group under 5 hidden "
            "(count null). Live, public cases only, counted as the pages API counts them. "
            + YEAR_RANGE_NOTE,
            [figure_names, *INSIGHT_FILTERS],
            _insight_responses(),
            "research",
            "insights",
        ),
        "/api/v2/research/releases/": _release_operation(
            "Research data releases",
            "Versioned, anonymised data packages for affiliated researchers (Researchers group).",
            "research_releases",
            [],
            {"200": json_body(obj({"releases": array(RELEASE_SUMMARY)}))},
        ),
        "/api/v2/research/releases/{version}/": _release_operation(
            "One research data release",
            "Its Frictionless descriptor (codebook, licence, citation) and its files.",
            "research_release",
            [_path("version")],
            {"200": json_body(RELEASE), "404": RELEASE_NOT_FOUND},
        ),
        "/api/v2/research/releases/{version}/files/{name}": _release_operation(
            "One file of a release",
            "CSV data, datapackage.json, README.md (the codebook) or CITATION.cff.",
            "research_release_file",
            [_path("version"), _path("name")],
            {
                "200": {
                    "description": "The file.",
                    "content": {
                        "text/csv": {"schema": STRING},
                        "application/json": {"schema": {"type": "object"}},
                        "text/markdown": {"schema": STRING},
                        "application/x-yaml": {"schema": STRING},
                    },
                },
                "404": RELEASE_NOT_FOUND,
            },
        ),
    }
