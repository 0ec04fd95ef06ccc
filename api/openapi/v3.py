"""The OpenAPI description of Wagtail API v3 as this site answers it, at /api/v3/openapi.json.

v3 describes itself (django-ninja builds the description from its schemas); this module takes
that description and corrects it where the platform answers differently or where it says too
little, so that clients and the fuzzer can trust it:

- every error a v3 endpoint can answer is documented, as RFC 9457 problem details: 400 (a
  parameter, body member or file the input guard or Wagtail refuses, the message starting
  with its name), 401 (no valid bearer token where one is needed), 403 (the token's user may
  not; publishing reviewed pages through the API is always refused, see api/review.py),
  404 (also for an unknown `site`, or a page a body names), 422 (Wagtail's validation, with the location of each problem), and 414;
- "no token needed" is said the OpenAPI way (an empty security requirement), not as a made-up
  `AllowAnonymous` scheme with no type of credentials;
- a page body may fit any page type's schema (`anyOf`, not `oneOf`: an edit fits several);
- ids in addresses and `user_id` (a revision's author) are 32-bit keys, as they are here;
- `site` says what Wagtail reads as a site (a hostname, with a port or without);
- `limit` and `offset` carry the ranges the input guard enforces (api/parameters.py), and no
  text may hold a NUL character (storable.py), which the guard refuses everywhere;
- the snippet endpoints are left out: no snippet type is available through v3 on this site, so
  every /api/v3/snippets/ address answers 404.
"""

import json
from functools import lru_cache

from ninja.responses import NinjaJSONEncoder

from api.parameters import LIMIT_MAX, OFFSET_MAX, SITE

from .schema import INTEGER, STRING, URI_TOO_LONG
from .storable import storable_description

PREFIX = "/api/v3/"
PROBLEM_JSON = "application/problem+json"
PROBLEM = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "properties": {
        "type": STRING,
        "title": STRING,
        "status": INTEGER,
        "detail": STRING,
        "errors": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["type", "title", "status"],
}
ANONYMOUS_SCHEME = "AllowAnonymous"
LEFT_OUT = ("/api/v3/snippets/",)
CROSS_FIELD_NOTE = (
    " Also 422 for what the parameter schemas cannot say, as Wagtail checks it: order=random "
    "with offset, child_of with descendant_of, an order field the listed type lacks, a "
    "referenced page that does not exist, content that does not validate."
)


def _problem(description):
    return {
        "description": description,
        "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


BAD_REQUEST = _problem(
    "A parameter, body member or uploaded file cannot be used; `detail` starts with its name."
)
UNAUTHORIZED = _problem("A bearer token is needed here, and none valid was sent.")
FORBIDDEN = _problem(
    "The token's user may not do this. Publishing pages that go through review is refused "
    "to everyone: through the API, only review publishes."
)
NOT_FOUND = _problem("Not found, or not visible to this requester.")
UNPROCESSABLE = _problem("Validation failed: `errors` gives the location of each problem.")


def _tighten(parameter):
    schema = parameter.get("schema", {})
    if parameter["in"] == "path" and schema.get("type") == "integer":
        # Ids are 32-bit keys, and the guard refuses anything else (api/parameters.py).
        schema.pop("exclusiveMinimum", None)
        schema.update(minimum=1, maximum=2**31 - 1)
    if parameter["in"] != "query":
        return
    if parameter["name"] == "site":
        for branch in schema.get("anyOf", [schema]):
            if branch.get("type") == "string":
                branch["pattern"] = f"^{SITE}$"
                branch["description"] = (
                    "A site's hostname, with :port if it is not 80; empty for the default site."
                )
    elif parameter["name"] == "user_id":
        # Wagtail takes text or a UUID for sites whose users have such keys; here they are
        # numbers, and the input guard refuses anything else (api/parameters.py).
        parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
    elif schema.get("type") == "integer" and parameter["name"] == "limit":
        schema["maximum"] = LIMIT_MAX
    elif schema.get("type") == "integer" and parameter["name"] == "offset":
        schema["maximum"] = OFFSET_MAX


# api/parameters.py: the root of the page tree has no parent to put a copy or alias beside.
ROOT_REFUSED = ("/actions/copy/", "/actions/create_alias/")
ROOT_NOTE = " 400 when the page is the root of the page tree and no destination is given."


def _extend(operation, path):
    security = operation.get("security")
    if security:
        operation["security"] = [
            {} if ANONYMOUS_SCHEME in requirement else requirement for requirement in security
        ]
    for parameter in operation.get("parameters", []):
        _tighten(parameter)
    responses = operation.setdefault("responses", {})
    responses.setdefault("400", BAD_REQUEST)
    responses.setdefault("401", UNAUTHORIZED)
    responses.setdefault("403", FORBIDDEN)
    names = {parameter["name"] for parameter in operation.get("parameters", [])}
    # Also for a body naming a page that does not exist (a parent, a destination).
    if "{" in path or path.endswith("/find/") or "site" in names or operation.get("requestBody"):
        responses.setdefault("404", NOT_FOUND)
    if operation.get("parameters") or operation.get("requestBody"):
        responses.setdefault("422", UNPROCESSABLE)
        operation["description"] = operation.get("description", "") + CROSS_FIELD_NOTE
    responses.setdefault("414", URI_TOO_LONG)
    if path.endswith(ROOT_REFUSED):
        operation["description"] = operation.get("description", "") + ROOT_NOTE


def _any_type_of_page(operation):
    """A page body is read as the page's own type (its address, or `meta.type`), so it is
    right when it fits any page type's schema; as `oneOf`, a body that fits several (most
    edits do: their members are all optional) would be wrong for every one."""
    for media in operation.get("requestBody", {}).get("content", {}).values():
        schema = media.get("schema", {})
        if "oneOf" in schema:
            schema["anyOf"] = schema.pop("oneOf")


@lru_cache(maxsize=1)
def description():
    """Wagtail's own v3 description, corrected (see the module's docstring)."""
    from wagtail.api.v3.api import api

    # Through JSON: ninja's status codes are integers, OpenAPI's are text.
    schema = json.loads(
        json.dumps(api.get_openapi_schema(path_prefix=PREFIX), cls=NinjaJSONEncoder)
    )
    schema["paths"] = {
        path: item for path, item in schema["paths"].items() if not path.startswith(LEFT_OUT)
    }
    for path, item in schema["paths"].items():
        for operation in item.values():
            _extend(operation, path)
            _any_type_of_page(operation)
    components = schema.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = PROBLEM
    components.get("securitySchemes", {}).pop(ANONYMOUS_SCHEME, None)
    schema["info"]["description"] = (
        schema["info"].get("description", "")
        + ". Without a token: live, public pages, images and documents only. With a token: "
        "writes to pages under review are saved as drafts and submitted to their workflow; "
        "publishing them through the API is refused. Snippet endpoints are not available on "
        "this site."
    )
    return storable_description(schema)
