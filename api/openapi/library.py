"""The policy library and video case studies in the pages API and search: their filters
(`document_type`, `has_video`), their fields on pages and search results, the search types
(`library` joins `case` and `article`) and the facets page types bring."""

from library.models import DocumentType
from search.registry import extra_facets, search_types

from .parameters import comma_list, one_of
from .schema import INTEGER, PAGE, STRING, array, nullable, query

FILTERS = [
    query(
        "document_type",
        f"Library documents of these types: {', '.join(DocumentType.values)}, separated by "
        "commas for OR.",
        comma_list(one_of(DocumentType.values)),
    ),
    query(
        "has_video",
        "Cases with a video (true) or without one (false).",
        {"type": "string", "enum": ["true", "false"]},
    ),
]
PAGE_FIELDS = {
    # Library documents (library.LibraryItemPage)
    "document_type": STRING,
    "organisation": STRING,
    "organisation_sector": STRING,
    "year": nullable(INTEGER),
    "language": STRING,
    "document": nullable({"type": "object"}),
    "external_url": STRING,
    "licence": STRING,
    # Video case studies (cases.CasePage)
    "has_video": {"type": "boolean"},
    "video": array({"type": "object"}),
    "video_captions": nullable({"type": "object"}),
    "transcript": STRING,
}
RESULT_FIELDS = {
    "has_video": {"type": "boolean"},
    "document_type": STRING,
    "organisation": STRING,
    "year": nullable(INTEGER),
}


def paths():
    return {}


def extend(described):
    """Add the filters and fields to the pages listing and search that other modules describe
    (called with every module's paths merged)."""
    PAGE["properties"].update(PAGE_FIELDS)
    for path in ("/api/v2/pages/", "/api/v2/search/"):
        parameters = described[path]["get"]["parameters"]
        known = {parameter["name"] for parameter in parameters}
        parameters.extend(p for p in FILTERS if p["name"] not in known)
    # The search's `type`: every registered search type (case, article, event, library).
    for parameter in described["/api/v2/search/"]["get"]["parameters"]:
        if parameter["name"] == "type":
            parameter["description"] = (
                f"Content type(s): {', '.join(search_types())}, separated by commas for several."
            )
            parameter["schema"] = comma_list(one_of(search_types()))
    content = described["/api/v2/search/"]["get"]["responses"]["200"]["content"]
    schema = content["application/json"]["schema"]
    result = schema["properties"]["results"]["items"]["properties"]
    result.update(RESULT_FIELDS)
    result["type"] = {"enum": list(search_types())}
    facets = schema["properties"]["facets"]
    for name in extra_facets():
        facets["properties"][name] = facets["properties"]["sdg"]
        if name not in facets["required"]:
            facets["required"].append(name)
