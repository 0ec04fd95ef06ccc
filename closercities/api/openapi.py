"""The OpenAPI 3.1 description of the platform's API, served at /api/v2/schema/.

Written by hand, because Wagtail's API v2 viewsets and the custom endpoints have no machine-
readable description of their own; tests/api/test_openapi.py keeps it true by validating real
responses of every path against it, and schemathesis fuzzes the read endpoints with it.
Wagtail API v3 describes itself at /api/v3/openapi.json.
"""

from django.conf import settings


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
DATETIME = {"type": "string", "format": "date-time"}
YEAR = {"type": "integer", "minimum": 1900, "maximum": 2100}


def _object(properties, required=None, extra=True):
    schema = {"type": "object", "properties": properties}
    schema["required"] = list(properties) if required is None else required
    if not extra:
        schema["additionalProperties"] = False
    return schema


def _array(items):
    return {"type": "array", "items": items}


def _query(name, description, schema=None, **extra):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string", "maxLength": 200},
        **extra,
    }


def _json(schema, description="OK"):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERROR = _json(_ref("Error"), "A parameter is wrong; the message starts with its name.")
NOT_FOUND = _json(_ref("Error"), "Not found (or not published).")
THROTTLED = {
    "description": "Too many requests from this client; retry after the given seconds.",
    "headers": {"Retry-After": {"schema": {"type": "string"}}},
    "content": {"application/json": {"schema": _ref("Throttled")}},
}
NOT_MODIFIED = {"description": "Not modified since the ETag or date the client sent."}
# Answered by the web server in front of Django for request lines over its limit (gunicorn:
# 4094 bytes).
URI_TOO_LONG = {"description": "The request's URL is too long."}
CACHE_HEADERS = {
    "ETag": {"schema": {"type": "string"}, "description": "Send back in If-None-Match."},
    "Last-Modified": {"schema": {"type": "string"}, "description": "Last content change."},
    "Cache-Control": {"schema": {"type": "string"}},
}


def _read(schema, description="OK", content_type="application/json"):
    """Responses of a cached, rate-limited read endpoint."""
    return {
        "200": {
            "description": description,
            "headers": CACHE_HEADERS,
            "content": {content_type: {"schema": schema}},
        },
        "304": NOT_MODIFIED,
        "400": ERROR,
        "429": THROTTLED,
    }


FILTERS = [
    _query(
        "sdg",
        "SDG number(s), 1 to 17. Repeat or separate with commas for OR.",
        examples={"one": {"value": "11"}, "two": {"value": "3,11"}},
    ),
    _query("topic", "Topic slug(s), e.g. mobility. Repeat or separate with commas for OR."),
    _query("country", "ISO 3166-1 alpha-2 code(s), e.g. KE. Repeat or comma-separate for OR."),
    _query("region", "UN M49 region or sub-region code(s), e.g. 002 (Africa), 014."),
    _query("status", "Case status: idea, pilot, running, scaled_up, completed."),
    _query("year_from", "Cases that started (articles published) in or after this year."),
    _query("year_to", "Cases that started (articles published) in or before this year."),
]
PAGINATION = [
    _query("limit", "Items per page, at most 100 (default 20).", {"type": "string"}),
    _query("offset", "Items to skip.", {"type": "string"}),
]
PAGE_LISTING_PARAMETERS = [
    _query("type", "Page type, e.g. cases.CasePage or articles.ArticlePage."),
    _query("fields", "Fields to include, comma-separated; * for all of the type's fields."),
    *FILTERS,
    _query("child_of", "Id of the parent page (or 'root')."),
    _query("descendant_of", "Id of an ancestor page (or 'root')."),
    _query("order", "A field to order by, '-' in front for descending, or 'random'."),
    _query("search", "Text to search for."),
    _query("search_operator", "and or or: how the words of `search` combine."),
    *PAGINATION,
]
SEARCH_PARAMETERS = [
    _query("q", "Free text; empty browses everything that matches the filters."),
    *FILTERS,
    _query("type", "case or article. Repeat for both."),
    _query("order", "relevance (default) or newest."),
    _query("page", "Page number, from 1."),
    _query("page_size", "Results per page, at most 100."),
]

SDG = _object({"number": INTEGER, "title": STRING, "colour": STRING})
TOPIC = _object({"name": STRING, "slug": STRING})
COUNTRY = _object({"code": STRING, "name": STRING})
RELATED_PAGE = _object({"id": INTEGER, "title": STRING, "url": _nullable(STRING)})
PAGE_META = _object(
    {
        "type": STRING,
        "detail_url": STRING,
        "html_url": _nullable(STRING),
        "slug": STRING,
        "first_published_at": _nullable(DATETIME),
        "search_description": STRING,
        "seo_title": STRING,
        "show_in_menus": {"type": "boolean"},
        "locale": STRING,
        "alias_of": {},
        "parent": _nullable({"type": "object"}),
    },
    required=["type", "detail_url"],
)
PAGE = _object(
    {
        "id": INTEGER,
        "meta": PAGE_META,
        "title": STRING,
        # Cases (cases.CasePage)
        "summary": STRING,
        "body": _array({"type": "object"}),
        "main_image": _nullable({"type": "object"}),
        "city": STRING,
        "country": _nullable(COUNTRY),
        "region": _nullable(
            _object(
                {
                    "code": STRING,
                    "name": STRING,
                    "subregion": _object({"code": STRING, "name": STRING}),
                }
            )
        ),
        "location": _nullable(_object({"lat": NUMBER, "lon": NUMBER})),
        "sdgs": _array(SDG),
        "topics": _array(TOPIC),
        "actors": _array(
            _object(
                {"id": INTEGER, "organisation": STRING, "sector": STRING, "role": STRING},
                required=["organisation", "sector", "role"],
            )
        ),
        "lessons_learned": STRING,
        "barriers": STRING,
        "facilitating_conditions": STRING,
        "target_groups": STRING,
        "scale": STRING,
        "status": STRING,
        "start_year": _nullable(INTEGER),
        "end_year": _nullable(INTEGER),
        "links": _array({"type": "object"}),
        "attachments": _array({"type": "object"}),
        "related_articles": _array(RELATED_PAGE),
        # Science articles (articles.ArticlePage)
        "article_type": STRING,
        "publication_date": {"type": "string", "format": "date"},
        "authors": _array(_object({"name": STRING, "affiliation": STRING, "orcid": STRING})),
        "related_cases": _array(RELATED_PAGE),
        "reference": STRING,
        "doi": STRING,
        # Index and standard pages
        "intro": {"type": ["string", "object"]},
    },
    required=["id", "meta"],
)
MEDIA_ITEM = _object(
    {
        "id": INTEGER,
        "meta": _object(
            {"type": STRING, "detail_url": STRING, "tags": _array(STRING)},
            required=["type", "detail_url"],
        ),
        "title": STRING,
    },
    required=["id", "meta", "title"],
)


def _listing(item):
    return _object({"meta": _object({"total_count": INTEGER}), "items": _array(item)})


FEATURE = _object(
    {
        "type": {"const": "Feature"},
        "id": INTEGER,
        "geometry": _object(
            {
                "type": {"const": "Point"},
                "coordinates": {
                    "type": "array",
                    "items": NUMBER,
                    "minItems": 2,
                    "maxItems": 2,
                },
            }
        ),
        "properties": _object(
            {
                "id": INTEGER,
                "title": STRING,
                "url": _nullable(STRING),
                "city": STRING,
                "country": STRING,
                "sdgs": _array(INTEGER),
                "topics": _array(STRING),
            }
        ),
    }
)
STATS = _object(
    {
        "cases": INTEGER,
        "articles": INTEGER,
        "countries": INTEGER,
        "last_updated": _nullable(DATETIME),
        "by_sdg": _array(_object({"sdg": INTEGER, "title": STRING, "count": INTEGER})),
        "by_topic": _array(_object({"topic": STRING, "name": STRING, "count": INTEGER})),
        "by_country": _array(_object({"country": STRING, "name": STRING, "count": INTEGER})),
        "by_region": _array(_object({"region": STRING, "name": STRING, "count": INTEGER})),
    }
)
EXPORTED_CASE = _object(
    {
        "id": INTEGER,
        "title": STRING,
        "url": _nullable(STRING),
        "country": STRING,
        "latitude": _nullable(NUMBER),
        "longitude": _nullable(NUMBER),
        "sdgs": _array(INTEGER),
        "topics": _array(STRING),
        "actors": _array(STRING),
        "start_year": _nullable(INTEGER),
        "end_year": _nullable(INTEGER),
        "first_published_at": _nullable(DATETIME),
        "last_published_at": _nullable(DATETIME),
    }
)
FACET_VALUE = _object(
    {
        "value": {"type": ["string", "integer"]},
        "label": STRING,
        "count": INTEGER,
        "selected": {"type": "boolean"},
    }
)
SEARCH_RESULT = _object(
    {
        "id": INTEGER,
        "type": {"enum": ["case", "article"]},
        "title": STRING,
        "url": _nullable(STRING),
        "api_url": STRING,
        "summary": STRING,
        "snippet": STRING,
        "sdgs": _array(SDG),
        "topics": _array(TOPIC),
        "country": _nullable(COUNTRY),
        "city": _nullable(STRING),
        "start_year": _nullable(INTEGER),
    }
)
SEARCH = _object(
    {
        "count": INTEGER,
        "page": INTEGER,
        "page_size": INTEGER,
        "results": _array(SEARCH_RESULT),
        "facets": _object(
            {
                name: _array(FACET_VALUE)
                for name in ("sdg", "topic", "country", "region", "type", "status", "year")
            }
        ),
    }
)
SEARCH_ERROR = _json(
    _object({"message": STRING}), "A parameter is wrong; the message starts with its name."
)
SUBMISSION_ERRORS = _json(
    _object({"errors": {"type": "object", "additionalProperties": _array(STRING)}}),
    "Bad input: messages per field. Nothing was stored.",
)
ACTOR_INPUT = _object(
    {"organisation": STRING, "sector": STRING, "role": STRING}, required=["organisation", "sector"]
)
CASE_SUBMISSION = _object(
    {
        "title": STRING,
        "summary": STRING,
        "description": STRING,
        "city": STRING,
        "country": {"type": "string", "description": "ISO 3166-1 alpha-2"},
        "latitude": _nullable(NUMBER),
        "longitude": _nullable(NUMBER),
        "sdgs": {"type": "array", "items": INTEGER, "minItems": 1},
        "topics": _array(STRING),
        "actors": _array(ACTOR_INPUT),
        "lessons_learned": STRING,
        "barriers": STRING,
        "start_year": _nullable(INTEGER),
        "status": STRING,
        "website": STRING,
        "submitter_name": STRING,
        "submitter_email": {"type": "string", "format": "email"},
        "submitter_organisation": STRING,
        "consent_publish": {"const": True},
        "consent_privacy": {"const": True},
    },
    required=[
        "title",
        "summary",
        "description",
        "city",
        "country",
        "sdgs",
        "submitter_name",
        "submitter_email",
        "consent_publish",
        "consent_privacy",
    ],
)


def _operation(summary, description, parameters, responses, tag, operation_id):
    return {
        "get": {
            "summary": summary,
            "description": description,
            "operationId": operation_id,
            "tags": [tag],
            "parameters": parameters,
            "responses": {**responses, "414": URI_TOO_LONG},
        }
    }


def _find(operation_id):
    return _operation(
        "Find by id",
        "Redirects to the detail URL.",
        [_query("id", "The id.")],
        {
            "302": {"description": "Found: see Location."},
            "400": ERROR,
            "404": NOT_FOUND,
            "429": THROTTLED,
        },
        "media",
        operation_id,
    )


ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}


def paths():
    detail_responses = {**_read(PAGE), "404": NOT_FOUND}
    return {
        "/api/v2/pages/": _operation(
            "List pages",
            "Live, public pages. With `type`, the type's own fields are available in `fields` and as filters.",
            PAGE_LISTING_PARAMETERS,
            _read(_listing(PAGE)),
            "pages",
            "pages_list",
        ),
        "/api/v2/pages/{id}/": _operation(
            "One page with all its public fields",
            "Related objects expanded (SDGs, topics, country, region, location, actors, authors, related pages).",
            [ID, _query("fields", "Fields to include or, with a minus sign, leave out.")],
            detail_responses,
            "pages",
            "pages_detail",
        ),
        "/api/v2/pages/find/": _operation(
            "Find a page by its path on the site",
            "Redirects to the page's detail URL.",
            [
                _query("html_path", "The page's path, e.g. /cases/solar-roofs/."),
                _query("id", "A page id."),
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
        "/api/v2/images/": _operation(
            "List images",
            "",
            [*PAGINATION, _query("search", "Text to search for.")],
            _read(_listing(MEDIA_ITEM)),
            "media",
            "images_list",
        ),
        "/api/v2/images/{id}/": _operation(
            "One image",
            "",
            [ID],
            {**_read(MEDIA_ITEM), "404": NOT_FOUND},
            "media",
            "images_detail",
        ),
        "/api/v2/documents/": _operation(
            "List documents",
            "",
            [*PAGINATION, _query("search", "Text to search for.")],
            _read(_listing(MEDIA_ITEM)),
            "media",
            "documents_list",
        ),
        "/api/v2/documents/{id}/": _operation(
            "One document",
            "",
            [ID],
            {**_read(MEDIA_ITEM), "404": NOT_FOUND},
            "media",
            "documents_detail",
        ),
        "/api/v2/images/find/": _find("images_find"),
        "/api/v2/documents/find/": _find("documents_find"),
        "/api/v2/map/": _operation(
            "Cases on the map",
            "A GeoJSON FeatureCollection of published cases with coordinates.",
            [
                *FILTERS,
                _query(
                    "bbox",
                    "minLon,minLat,maxLon,maxLat in degrees; minLon > maxLon crosses the antimeridian.",
                    examples={"europe": {"value": "-10,35,30,60"}},
                ),
            ],
            _read(
                _object({"type": {"const": "FeatureCollection"}, "features": _array(FEATURE)}),
                content_type="application/geo+json",
            ),
            "platform",
            "map",
        ),
        "/api/v2/stats/": _operation(
            "Live figures",
            "Published cases and articles, countries, the last update, and cases per SDG, topic, country and region.",
            [],
            _read(STATS),
            "platform",
            "stats",
        ),
        "/api/v2/export/cases.csv": _operation(
            "All published cases as CSV",
            "Open data, public fields only; lists in a cell are separated by ';'. Licence: CC BY 4.0.",
            [],
            _read({"type": "string"}, content_type="text/csv"),
            "open data",
            "export_cases_csv",
        ),
        "/api/v2/export/cases.json": _operation(
            "All published cases as JSON",
            "Open data, public fields only, with the licence.",
            [],
            _read(
                _object(
                    {
                        "licence": _object({"name": STRING, "title": STRING, "path": STRING}),
                        "count": INTEGER,
                        "cases": _array(EXPORTED_CASE),
                    }
                )
            ),
            "open data",
            "export_cases_json",
        ),
        "/api/v2/search/": _operation(
            "Faceted search",
            "Text and filters → results, total and disjunctive facet counts. Values in facets are what the filters accept.",
            SEARCH_PARAMETERS,
            {"200": _json(SEARCH), "400": SEARCH_ERROR, "429": THROTTLED},
            "search",
            "search",
        ),
        "/api/v2/search/suggest/": _operation(
            "Title suggestions",
            "Up to 10 titles that start like `q`.",
            [_query("q", "The start of a title.")],
            {
                "200": _json(
                    _object(
                        {
                            "results": {
                                "type": "array",
                                "maxItems": 10,
                                "items": _object({"id": INTEGER, "title": STRING}),
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
                            "schema": _object(
                                {
                                    "page_id": INTEGER,
                                    "position": INTEGER,
                                    "search_id": _nullable(INTEGER),
                                },
                                required=["page_id", "position"],
                            )
                        }
                    },
                },
                "responses": {
                    "201": _json(_object({"recorded": {"type": "boolean"}}), "Recorded."),
                    "400": SEARCH_ERROR,
                    "429": THROTTLED,
                },
            }
        },
        "/api/v2/submissions/cases/": {
            "post": {
                "summary": "Submit a case for review",
                "description": "Creates a draft case that editors review; nothing is published before approval. "
                "JSON, or multipart/form-data with an `image` file.",
                "operationId": "submissions_cases",
                "tags": ["submissions"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": CASE_SUBMISSION},
                        "multipart/form-data": {"schema": CASE_SUBMISSION},
                    },
                },
                "responses": {
                    "201": _json(
                        _object({"status": STRING, "token": STRING, "status_url": STRING}),
                        "Received: follow the status URL.",
                    ),
                    "400": SUBMISSION_ERRORS,
                    "429": THROTTLED,
                },
            }
        },
        "/api/v2/submissions/survey/": {
            "post": {
                "summary": "Answer the 'Tell us how you share' survey",
                "operationId": "submissions_survey",
                "tags": ["submissions"],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                "responses": {
                    "201": _json(_object({"status": STRING}), "Received."),
                    "400": SUBMISSION_ERRORS,
                    "429": THROTTLED,
                },
            }
        },
    }


def description():
    return {
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
        "servers": [{"url": settings.WAGTAILAPI_BASE_URL}],
        "paths": paths(),
        "components": {
            "schemas": {
                "Error": _object({"message": STRING}),
                "Throttled": _object({"detail": STRING}),
            }
        },
        "externalDocs": {"description": "Wagtail API v3", "url": "/api/v3/docs/"},
    }


# The read endpoints: what schemathesis fuzzes and the schema test checks.
def read_paths():
    return [path for path, item in paths().items() if "get" in item]
