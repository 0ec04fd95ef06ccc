"""The query parameters of the v2 API, each described with exactly the syntax and range the
endpoint takes: the taxonomy values as patterns (SDG numbers, ISO country codes, UN M49
regions, statuses), numbers as bounded integers.

These schemas are the contract twice over: the description tells clients (and the fuzzer)
what to send, and the input guard refuses, with 400 naming it, any value that does not fit
them before the endpoint runs (api/parameters.py). What a schema cannot say (one parameter's
value depending on another's, or on what exists) is written in the operation's description.
"""

import re

from wagtail.models import get_page_models

from django_countries import countries

from api.parameters import LIMIT_MAX, OFFSET_MAX
from articles.models import ArticleType
from cases.models import Status
from taxonomy import regions

from .schema import ID_SCHEMA, query

QUERY_MAX_LENGTH = 200
# (No NUL character either: storable.py adds that to every text in the description.)
FREE_TEXT = {"type": "string", "maxLength": QUERY_MAX_LENGTH}
YEAR = {"type": "integer", "minimum": 1900, "maximum": 2100}


def one_of(values):
    return "|".join(re.escape(value) for value in sorted(values, key=lambda v: (-len(v), v)))


def any_case(code):
    return "".join(f"[{char.upper()}{char.lower()}]" if char.isalpha() else char for char in code)


def comma_list(item):
    """A pattern for one value or several separated by commas (no spaces, none empty)."""
    return {"type": "string", "pattern": f"^(?:{item})(?:,(?:{item}))*$"}


SDG_ITEM = "1[0-7]|[1-9]"
TOPIC_ITEM = "[-a-zA-Z0-9_]{1,100}"
COUNTRY_ITEM = "|".join(any_case(code) for code in sorted(countries.countries))
REGION_ITEM = one_of(set(regions.REGIONS) | set(regions.SUBREGIONS))
STATUS_ITEM = one_of(Status.values)

FILTERS = [
    query(
        "sdg",
        "SDG number(s), 1 to 17, separated by commas for OR.",
        comma_list(SDG_ITEM),
        examples={"one": {"value": "11"}, "two": {"value": "3,11"}},
    ),
    query(
        "topic", "Topic slug(s), e.g. mobility, separated by commas for OR.", comma_list(TOPIC_ITEM)
    ),
    query(
        "country",
        "ISO 3166-1 alpha-2 country code(s), e.g. KE, separated by commas for OR.",
        comma_list(COUNTRY_ITEM),
    ),
    query(
        "region",
        "UN M49 region or sub-region code(s), e.g. 002 (Africa) or 014 (Eastern Africa).",
        comma_list(REGION_ITEM),
    ),
    query("status", f"Case status: {', '.join(Status.values)}.", comma_list(STATUS_ITEM)),
    query("year_from", "Cases that started (articles published) in or after this year.", YEAR),
    query("year_to", "Cases that started (articles published) in or before this year.", YEAR),
]
PAGINATION = [
    query(
        "limit",
        f"Items per page, at most {LIMIT_MAX} (default 20).",
        {"type": "integer", "minimum": 0, "maximum": LIMIT_MAX},
    ),
    query(
        "offset",
        f"Items to skip. Listings reach their first 10,000 items: at most {OFFSET_MAX}.",
        {"type": "integer", "minimum": 0, "maximum": OFFSET_MAX},
    ),
]
# Wagtail's `search` goes to the search backend as it is: a term of control characters alone
# compiles to nothing on SQLite and fails there, so none are taken (400 naming `search`).
SEARCH_TEXT = query(
    "search",
    "Text to search for; no control characters.",
    {**FREE_TEXT, "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"},
)
SEARCH_OPERATOR = query(
    "search_operator",
    "How the words of `search` combine: and, or.",
    {"type": "string", "enum": ["and", "or"]},
)
MEDIA_LISTING = [*PAGINATION, SEARCH_TEXT, SEARCH_OPERATOR]


def locale_parameter(description, every=False):
    """`locale`: a language code of the site (settings.LANGUAGES), or with `every` also
    `all` (every language); any other value answers 400 naming `locale`."""
    from api.languages import ALL, codes

    values = [*codes(), *([ALL] if every else [])]
    return query(
        "locale",
        description + " One of: " + ", ".join(values) + ".",
        {"type": "string", "enum": values},
    )


def locale_filter():
    """`locale` of the map, the statistics and the network."""
    return locale_parameter(
        "Only content written in this language (a case counts in the language of its page; "
        "a translation is a page of its own). Without it, or with `all`: every language.",
        every=True,
    )


def find_by_id(description):
    return query("id", description, ID_SCHEMA)


def _page_fields():
    from api.router import CloserCitiesPagesAPIViewSet as view

    names, orderable = set(), set()
    for model in get_page_models():
        names.update(view.get_body_fields_names(model) + view.get_meta_fields_names(model))
        orderable.update(view.get_available_fields(model, db_fields_only=True))
    return names, orderable


def fields_parameter(description):
    """Wagtail's `fields` syntax: `*` (all) or `_` (none of the defaults) first if at all,
    then field names, each with '-' in front to leave it out."""
    names, _ = _page_fields()
    item = f"-?(?:{one_of(names)})"
    pattern = rf"^(?:\*|_|{item})(?:,{item})*$"
    return query("fields", description, {"type": "string", "pattern": pattern})


def page_listing_parameters():
    """`/api/v2/pages/`: Wagtail's own parameters and the platform's filters."""
    _, orderable = _page_fields()
    types = [model._meta.label for model in get_page_models()]
    parent = {"type": "string", "pattern": "^(?:root|[1-9][0-9]{0,9})$"}
    return [
        query(
            "type",
            "Page type(s), e.g. cases.CasePage or articles.ArticlePage; with one type, its "
            "own fields can be asked for in `fields` and `order`.",
            comma_list(one_of(types)),
        ),
        fields_parameter(
            "Fields to include, comma-separated, '-' in front to leave one out; * for all of "
            "the type's fields, _ for none of the defaults."
        ),
        *FILTERS,
        locale_parameter(
            "Only pages in this language (Wagtail's own filter). Without it, pages in every "
            "language, as Wagtail lists them; each page says its `language` and lists its "
            "`translations`."
        ),
        query("child_of", "Id of the parent page, or root.", parent),
        query("descendant_of", "Id of an ancestor page, or root.", parent),
        query(
            "order",
            "Field(s) to order by, '-' in front for descending; or random.",
            comma_list(f"random|-?(?:{one_of(orderable)})"),
        ),
        SEARCH_TEXT,
        SEARCH_OPERATOR,
        *PAGINATION,
    ]


PAGE_DETAIL_NOTE = (
    "400 when `fields` names a field this page's type does not have (the schema lists the "
    "fields of every page type)."
)
PAGE_LISTING_NOTE = (
    "400 (message naming the parameter) for what the parameter schemas cannot say: a field "
    "in `fields` or `order` that the chosen `type` lacks, a type-specific field without "
    "`type`, `order` together with `search`, `order=random` with `offset`, `child_of` with "
    "`descendant_of`, a parent page that does not exist, `year_to` before `year_from`."
)
YEAR_RANGE_NOTE = "400 when `year_to` is before `year_from`."

SEARCH_PAGE_SIZE_MAX = 100
SEARCH_PARAMETERS = [
    query("q", "Free text; empty browses everything that matches the filters.", FREE_TEXT),
    *FILTERS,
    query("type", "case or article, separated by commas for both.", comma_list("case|article")),
    query(
        "article_type",
        "Science articles of these types, separated by commas: "
        + ", ".join(ArticleType.values)
        + ".",
        comma_list(one_of(ArticleType.values)),
    ),
    query(
        "order",
        "relevance (default), newest, start_year (cases from the earliest start year; pages "
        "without one last) or title (alphabetical, ignoring case). Ties: newest first.",
        {"type": "string", "enum": ["relevance", "newest", "start_year", "title"]},
    ),
    query(
        "page",
        "Page number, from 1. Search reaches its first 10,000 results: at most 100.",
        {"type": "integer", "minimum": 1, "maximum": 10_000 // SEARCH_PAGE_SIZE_MAX},
    ),
    query(
        "page_size",
        f"Results per page, at most {SEARCH_PAGE_SIZE_MAX}.",
        {"type": "integer", "minimum": 1, "maximum": SEARCH_PAGE_SIZE_MAX},
    ),
]

LONGITUDE = r"-?(?:180(?:\.0{1,6})?|(?:1[0-7][0-9]|[1-9]?[0-9])(?:\.[0-9]{1,6})?)"
LATITUDE = r"-?(?:90(?:\.0{1,6})?|[1-8]?[0-9](?:\.[0-9]{1,6})?)"
BBOX = query(
    "bbox",
    "minLon,minLat,maxLon,maxLat in degrees (up to 6 decimals); minLon > maxLon crosses the "
    "antimeridian.",
    {"type": "string", "pattern": f"^{LONGITUDE},{LATITUDE},{LONGITUDE},{LATITUDE}$"},
    examples={"europe": {"value": "-10,35,30,60"}},
)
BBOX_NOTE = "400 when `year_to` is before `year_from`, or minLat is above maxLat."
