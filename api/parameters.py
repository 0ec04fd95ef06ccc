"""The input guard's checks for the API's query parameters (core/middleware.py runs them
before any view): a value that does not fit answers 400 naming the parameter, never a server
error inside Wagtail's views, and never an answer the OpenAPI description says cannot happen.

- v2: every query parameter an operation of the description at /api/v2/schema/ declares is
  checked against the schema it declares there (api/openapi/parameters.py), so the
  description and the behaviour agree by construction. The feeds it describes outside
  /api/v2/ (/cases/feed/, …) take the search's filters and are checked the same way.
- v3 (Wagtail's own): the ranges Wagtail does not check, where going past them broke the
  database (an offset beyond 64 bits, a user id that is not a number) or the search engine
  (past its 10,000-result window).
- v3: ids in addresses are whole numbers (a PATCH to /pages/abc/ failed inside Wagtail), and
  the root of the page tree is not copied or aliased (Wagtail fails on it).
- both: a JSON body is an object.
"""

import json
import re
from datetime import UTC, datetime
from functools import lru_cache

from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from jsonschema import Draft202012Validator

from core.validation import BadInput, shown

# Listings reach their first 10,000 items, as a search engine's result window does (asking
# OpenSearch for more fails): offset + limit never passes it.
LIMIT_MAX = 100
OFFSET_MAX = 10_000 - LIMIT_MAX
V2 = "/api/v2/"
V3 = "/api/v3/"
SHOWN = 60  # characters of a bad value repeated in the message


def whole_number(smallest, largest):
    def check(value):
        if not (value.isascii() and value.isdigit() and smallest <= int(value) <= largest):
            return _("give a whole number from %(smallest)d to %(largest)d.") % {
                "smallest": smallest,
                "largest": largest,
            }
        return None

    return check


def matches(pattern, description):
    compiled = re.compile(pattern)

    def check(value):
        return None if compiled.fullmatch(value) else description

    return check


# What Wagtail reads as a site: a hostname, with a port or without; empty for the default.
SITE = r"([A-Za-z0-9]([-A-Za-z0-9.]{0,252})?(:[0-9]{1,5})?)?"
V3_RULES = {
    # (Wagtail filters by it only without a token; with one, it was not read at all.)
    "site": matches(SITE, _("give a site's hostname, with :port if it is not 80.")),
    "offset": whole_number(0, OFFSET_MAX),
    "limit": whole_number(1, LIMIT_MAX),
    # The revisions' filter by author: Wagtail hands any text to the database as a user id.
    "user_id": whole_number(1, 2**31 - 1),
}


def _fits(schema):
    """A test of one raw query value against a parameter's schema."""
    if schema.get("type") == "integer":

        def fits(value):
            if not re.fullmatch(r"-?[0-9]{1,20}", value):
                return False
            number = int(value)
            return schema.get("minimum", number) <= number <= schema.get("maximum", number)

        return fits
    return Draft202012Validator(schema).is_valid


@lru_cache(maxsize=1)
def v2_operations():
    """(path pattern, method, {parameter: (test, description)}, {body member: value it must
    have}) for each operation of the v2 description, fixed paths before templated ones
    (/pages/find/ before /pages/{id}/)."""
    from .openapi import paths

    operations = []
    for template, item in paths().items():
        pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$")
        for method, operation in item.items():
            parameters = {
                parameter["name"]: (_fits(parameter["schema"]), parameter["description"])
                for parameter in operation.get("parameters", [])
                if parameter["in"] == "query"
            }
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            members = (body or {}).get("schema", {}).get("properties", {})
            operations.append(("{" in template, pattern, method.upper(), parameters, members))
    operations.sort(key=lambda operation: operation[0])
    return [operation[1:] for operation in operations]


@lru_cache(maxsize=1)
def described_outside_v2():
    """The paths the v2 description holds outside /api/v2/: the feeds, which take the
    search's filters and are checked as /api/v2/search/ is."""
    from .openapi import paths

    return frozenset(path for path in paths() if not path.startswith(V2))


def _check_v2(request):
    method = "GET" if request.method == "HEAD" else request.method
    for pattern, operation_method, parameters, members in v2_operations():
        if operation_method == method and pattern.match(request.path):
            for name, (fits, description) in parameters.items():
                for value in request.GET.getlist(name):
                    if not fits(value):
                        value = value if len(value) <= SHOWN else value[:SHOWN] + "…"
                        raise BadInput(
                            name,
                            _("'%(value)s' does not fit: %(description)s")
                            % {"value": shown(value), "description": description},
                        )
            if not request.path.startswith(VIEWS_CHECK_THEIR_BODY):
                _check_members(getattr(request, "input_json", None), members)
            return


# Views that check each member of their JSON body themselves, with a message per field in the
# visitor's language (submissions/fields.py, which partners' requests reuse), and must answer a
# filled honeypot as if accepted whatever else the body holds: the guard leaves the members to
# them.
VIEWS_CHECK_THEIR_BODY = (
    "/api/v2/submissions/",
    "/api/v2/benchmark/",
    "/api/v2/partners/requests/",
)

JSON_TYPES = {
    "string": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
    "array": (list,),
    "object": (dict,),
    "null": (type(None),),
}


def _json_type_fits(value, types):
    if isinstance(value, bool) and "boolean" not in types:
        return False  # JSON's true is not the number 1
    return any(isinstance(value, JSON_TYPES[name]) for name in types if name in JSON_TYPES)


def _check_members(document, members):
    """Each member of a JSON body has the JSON type its schema in the description gives (a
    consent is `true` itself, a comment is text), not any value that Django's forms would
    turn into one: `[null, null]` read as consent, `{}` stored as the text "{}"."""
    if not isinstance(document, dict):
        return
    for name, schema in members.items():
        if name not in document:
            continue
        value = document[name]
        if "const" in schema and (
            type(value) is not type(schema["const"]) or value != schema["const"]
        ):
            raise BadInput(
                name, _("must be %(value)s.") % {"value": json.dumps(schema["const"])}, "body"
            )
        types = schema.get("type")
        types = [types] if isinstance(types, str) else types or []
        if not types and "anyOf" in schema:
            types = [branch.get("type") for branch in schema["anyOf"]]
        if types and None not in types and not _json_type_fits(value, types):
            raise BadInput(
                name, _("must be of type %(type)s.") % {"type": " or ".join(types)}, "body"
            )


# Copying or aliasing the root of the page tree without a destination: Wagtail looks for a
# slug beside it, and the root has no parent.
ROOT_ACTION = re.compile(r"^/api/v3/pages/([0-9]{1,10})/actions/(copy|create_alias)/$")


def _check_root_actions(request):
    from wagtail.api.v3.auth import BearerTokenAuth
    from wagtail.models import Page

    match = ROOT_ACTION.match(request.path) if request.method == "POST" else None
    if match is None:
        return
    # Without a valid token Wagtail answers 401 first; so does this check.
    if BearerTokenAuth()(request) is None:
        return
    if Page.objects.filter(pk=int(match[1]), depth=1).exists():
        raise BadInput(
            "page_id", _("the root of the page tree cannot be copied or aliased."), "path"
        )


@lru_cache(maxsize=1)
def v3_paths():
    """(fixed paths, [(pattern with a group per id, {id: largest})]) of the v3 description,
    for the ids in addresses that Wagtail reads unchecked on some methods (a PATCH reads the
    page's type by its id before checking the id is a number)."""
    from .openapi import v3

    fixed, templated = set(), []
    for template, item in v3.description()["paths"].items():
        if "{" not in template:
            fixed.add(template)
            continue
        largest = {}
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path" and parameter["schema"].get("type") == "integer":
                    largest[parameter["name"]] = 2**31 - 1
        pattern = re.escape(template)
        for name in re.findall(r"\{(\w+)\}", template):
            group = f"(?P<{name}>[^/]+)" if name in largest else "[^/]+"
            pattern = pattern.replace(re.escape("{" + name + "}"), group)
        templated.append((re.compile(f"^{pattern}$"), largest))
    return fixed, templated


def _check_v3_path(request):
    fixed, templated = v3_paths()
    if request.path in fixed:
        return
    for pattern, largest in templated:
        if match := pattern.match(request.path):
            for name, value in match.groupdict().items():
                if message := whole_number(1, largest[name])(value):
                    raise BadInput(name, message, "path")
            return


# Date-times Wagtail's v3 revisions listing filters by (`..._at_from`, `..._at_to`). RFC 3339 allows any offset up to
# ±23:59; PostgreSQL refuses offsets beyond ±15:59 (a server error). The same instant in UTC
# is what the filter means, so the value is passed on that way.
V3_DATETIME = re.compile(r"^[a-z_]+_at_(?:from|to)$")  # created_at_from, approved_go_live_at_to


def _in_utc(moment):
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # the offset takes it past year 1 or 9999: as far as time goes
        return (
            datetime.min.replace(tzinfo=UTC)
            if moment.year < 2
            else datetime.max.replace(tzinfo=UTC)
        )


def _times_in_utc(request):
    changed = None
    for name in [name for name in request.GET if V3_DATETIME.match(name)]:
        values = request.GET.getlist(name)
        normalised = []
        for value in values:
            try:
                moment = parse_datetime(value)
            except ValueError:
                moment = None
            if moment is None and value.strip():
                try:
                    date = parse_date(value)
                except ValueError:
                    date = None
                if date is None:
                    # Wagtail's v3 filters would read a bare number as seconds since 1970: the
                    # description promises a date-time, and anything else is refused.
                    raise BadInput(
                        name,
                        _("must be a date-time such as 2026-01-31T12:00:00Z."),
                    )
            if moment is not None and moment.tzinfo is not None:
                value = _in_utc(moment).isoformat()
            normalised.append(value)
        if normalised != values:
            changed = changed if changed is not None else request.GET.copy()
            changed.setlist(name, normalised)
    if changed is not None:
        request.GET = changed


def check_request(request):
    """The input guard's check of API requests (INPUT_GUARD_CHECKS): query parameters, and
    that a JSON body is an object, as every API operation takes (Wagtail's v3 views fail on
    any other)."""
    document = getattr(request, "input_json", None)
    if (
        document is not None
        and request.path.startswith((V2, V3))
        and not isinstance(document, dict)
    ):
        raise BadInput("body", _("send a JSON object."), "body")
    if request.path.startswith(V2) or request.path in described_outside_v2():
        _check_v2(request)
    elif request.path.startswith(V3):
        _check_v3_path(request)
        _check_root_actions(request)
        _times_in_utc(request)
        for name, rule in V3_RULES.items():
            for value in request.GET.getlist(name):
                if message := rule(value):
                    raise BadInput(name, message)
