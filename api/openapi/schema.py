"""The building blocks of the OpenAPI description: schema helpers, the shared parameters and
schemas (filters, pagination, SDG, topic, country), and the standard responses of a cached,
rate-limited read. Each domain's paths are in a module of their own beside this one."""


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
DATETIME = {"type": "string", "format": "date-time"}
YEAR = {"type": "integer", "minimum": 1900, "maximum": 2100}


def obj(properties, required=None, extra=True):
    schema = {"type": "object", "properties": properties}
    schema["required"] = list(properties) if required is None else required
    if not extra:
        schema["additionalProperties"] = False
    return schema


def array(items):
    return {"type": "array", "items": items}


def query(name, description, schema=None, **extra):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string", "maxLength": 200},
        **extra,
    }


def json_body(schema, description="OK"):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERROR = json_body(ref("Error"), "A parameter is wrong; the message starts with its name.")
NOT_FOUND = json_body(ref("Error"), "Not found (or not published).")
THROTTLED = {
    "description": "Too many requests from this client; retry after the given seconds.",
    "headers": {"Retry-After": {"schema": {"type": "string"}}},
    "content": {"application/json": {"schema": ref("Throttled")}},
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


def read(schema, description="OK", content_type="application/json"):
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


SDG = obj({"number": INTEGER, "title": STRING, "colour": STRING})
TOPIC = obj({"name": STRING, "slug": STRING})
COUNTRY = obj({"code": STRING, "name": STRING})
RELATED_PAGE = obj({"id": INTEGER, "title": STRING, "url": nullable(STRING)})
# What an answer holds: the `locale` asked for (a language code, `all`), or null for the
# endpoint's default.
LOCALE_META = obj(
    {
        "locale": {
            **nullable(STRING),
            "description": "The language asked for with `locale`, or null (the default).",
        }
    }
)
TRANSLATION = obj(
    {
        "locale": {**STRING, "description": "The translation's language code."},
        "id": INTEGER,
        "url": {**nullable(STRING), "description": "The translation's address on the site."},
    }
)
PAGE_META = obj(
    {
        "type": STRING,
        "detail_url": STRING,
        "html_url": nullable(STRING),
        "slug": STRING,
        "first_published_at": nullable(DATETIME),
        "search_description": STRING,
        "seo_title": STRING,
        "show_in_menus": {"type": "boolean"},
        "locale": STRING,
        "alias_of": {},
        "parent": nullable({"type": "object"}),
    },
    # Every meta field, `type` and `detail_url` too, can be left out with `fields=-name`.
    required=[],
)
PAGE = obj(
    {
        "id": INTEGER,
        "meta": PAGE_META,
        "title": STRING,
        "language": {
            **STRING,
            "description": "The code of the language the page is written in (its locale).",
        },
        "translations": {
            **array(TRANSLATION),
            "description": "The same page in the other languages: live, public pages only.",
        },
        # Cases (cases.CasePage)
        "summary": STRING,
        "body": array({"type": "object"}),
        "main_image": nullable({"type": "object"}),
        "image_credit": STRING,
        "image_licence": STRING,
        "city": STRING,
        "country": nullable(COUNTRY),
        "region": nullable(
            obj(
                {
                    "code": STRING,
                    "name": STRING,
                    "subregion": obj({"code": STRING, "name": STRING}),
                }
            )
        ),
        "location": nullable(obj({"lat": NUMBER, "lon": NUMBER})),
        "sdgs": array(SDG),
        "topics": array(TOPIC),
        "actors": array(
            obj(
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
        "start_year": nullable(INTEGER),
        "end_year": nullable(INTEGER),
        # Self-assessment (cases/assessment.py); "" when not answered.
        "evidence": STRING,
        "participation": STRING,
        "funding": STRING,
        "documentation": STRING,
        "transfer": STRING,
        "links": array({"type": "object"}),
        "attachments": array({"type": "object"}),
        "related_articles": array(RELATED_PAGE),
        # Science articles (articles.ArticlePage)
        "article_type": STRING,
        "publication_date": {"type": "string", "format": "date"},
        "authors": array(obj({"name": STRING, "affiliation": STRING, "orcid": STRING})),
        "related_cases": array(RELATED_PAGE),
        "reference": STRING,
        "doi": STRING,
        # Index and standard pages
        "intro": {"type": ["string", "object"]},
    },
    # `fields=_` (Wagtail's "none of the defaults") leaves out even id and meta.
    required=[],
)
MEDIA_ITEM = obj(
    {
        "id": INTEGER,
        "meta": obj(
            {"type": STRING, "detail_url": STRING, "tags": array(STRING)},
            required=[],  # `fields=-type` and `fields=-detail_url` leave them out
        ),
        "title": STRING,
    },
    required=["id", "meta", "title"],
)


def listing(item, locale=False):
    meta = {
        "total_count": INTEGER,
        **({"locale": LOCALE_META["properties"]["locale"]} if locale else {}),
    }
    return obj({"meta": obj(meta), "items": array(item)})


def operation(summary, description, parameters, responses, tag, operation_id):
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


def find(operation_id):
    return operation(
        "Find by id",
        "Redirects to the detail URL.",
        [query("id", "The id.", ID_SCHEMA)],
        {
            "302": {"description": "Found: see Location."},
            "400": ERROR,
            "404": NOT_FOUND,
            "429": THROTTLED,
        },
        "media",
        operation_id,
    )


ID_SCHEMA = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
ID = {"name": "id", "in": "path", "required": True, "schema": ID_SCHEMA}
