"""Say in a description what the input guard refuses everywhere (core/validation.py): text
with a NUL character, which no database column here can store. Every string schema gets the
STORABLE pattern and every object's property names too; where a schema leaves a value open
(extra members of a body), the description's own text says it: NUL_NOTE."""

import copy

STORABLE = "^[^\x00]*$"  # the character itself, not an escape, which not every dialect reads
NUL_NOTE = (
    " No text anywhere in a request (path, query, form field, file name, JSON member or value, "
    "at any depth) may contain the NUL character U+0000: such a request is answered 400 naming "
    "where it was found, and JSON bodies may nest at most 64 levels."
)
# Keywords whose values are schemas, or lists or maps of schemas.
ONE = ("items", "additionalProperties", "not", "propertyNames", "contains", "if", "then", "else")
MANY = ("allOf", "anyOf", "oneOf", "prefixItems")
MAP = ("properties", "patternProperties", "$defs", "definitions")


def _string(schema):
    if "enum" in schema or "const" in schema or schema.get("format") in ("binary", "byte"):
        return
    pattern = schema.get("pattern")
    if pattern is None:
        schema["pattern"] = STORABLE
    elif pattern != STORABLE:
        schema.setdefault("allOf", []).append({"pattern": STORABLE})


def storable(schema):
    """`schema`, changed in place: every string in it storable, every property name too."""
    if not isinstance(schema, dict):
        return schema
    for key in ONE:
        storable(schema.get(key))
    for key in MANY:
        for item in schema.get(key, []):
            storable(item)
    for key in MAP:
        for item in schema.get(key, {}).values():
            storable(item)
    types = schema.get("type")
    types = types if isinstance(types, list) else [types]
    if "string" in types:
        _string(schema)
    if "object" in types or "properties" in schema:
        schema.setdefault("propertyNames", {"pattern": STORABLE})
    return schema


def storable_description(description):
    """A copy of an OpenAPI description with every schema (parameters, bodies, responses,
    components) made storable, and the rule written in its introduction."""
    description = copy.deepcopy(description)  # its schemas share module-level constants
    for schema in description.get("components", {}).get("schemas", {}).values():
        storable(schema)
    for item in description.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                storable(parameter.get("schema"))
            bodies = [operation.get("requestBody", {})]
            bodies += [r for r in operation.get("responses", {}).values() if isinstance(r, dict)]
            for body in bodies:
                for media in body.get("content", {}).values():
                    storable(media.get("schema"))
    info = description.setdefault("info", {})
    info["description"] = info.get("description", "") + NUL_NOTE
    return description
