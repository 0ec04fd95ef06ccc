"""The faceted search over published cases and science articles.

One service for the search page, the case index and `/api/v2/search/`: free text plus the
facets SDG, topic, country, region, content type, status and start year. Facets are
disjunctive: a facet's counts apply every other facet's selection but not its own, so a
visitor who picked SDG 8 still sees how many cases SDG 5 would add. Values within a facet
combine with OR, facets with AND.

Which engine answers (the database, or Elasticsearch/OpenSearch) is decided in
`search.backends` (and `search.engine`); this module holds what is the same for all of them.
"""

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from urllib.parse import urlencode

from django.core.validators import validate_slug
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext

from wagtail.models import PageViewRestriction

from django_countries import countries

from cases.models import Status
from taxonomy import regions
from taxonomy.models import SDG, SDG_NUMBERS

from . import registry
from .languages import (  # noqa: F401 (visitor_language: for the search views)
    ALL_LANGUAGES,
    default_language,
    language_codes,
    visitor_language,
)
from .registry import FACETS, SHARED_FACETS  # noqa: F401 (imported from here by the backends)

# {key: page model} and {key: label} of the searchable page types (registry.py): the apps
# register them with the `register_search_type` hook.
TYPES = registry.MODELS
TYPE_LABELS = registry.LABELS
# How results can be ordered. relevance: best text match first (newest first without text);
# newest: most recently published first; start_year: cases from the earliest start year, pages
# without one (science articles) last; title: alphabetical, ignoring case. Ties: newest first.
ORDERS = ("relevance", "newest", "start_year", "title")
PAGE_SIZES = (10, 20, 50, 100)
MODES = ("keyword", "semantic", "hybrid")
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
# Engines refuse to page past 10,000 hits; nobody reads that far, so say so clearly.
MAX_RESULT_WINDOW = 10_000
MIN_YEAR, MAX_YEAR = 1900, 2100
_WORD = re.compile(r"\w+", re.UNICODE)


class InvalidSearchParameter(ValueError):
    """A search parameter has a value the search cannot use; `.parameter` names it."""

    def __init__(self, parameter, message):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = f"{parameter}: {message}"


class SearchUnavailable(RuntimeError):
    """The search engine cannot be reached just now."""


# The Elasticsearch/OpenSearch clients' connection and transport errors have no common base
# class: they are recognised by the package that raises them.
ENGINE_CLIENT_PACKAGES = {"opensearchpy", "elasticsearch", "elastic_transport"}


def is_engine_error(error):
    """Whether `error` comes from the search engine's client: the engine is down, too slow,
    or refused the request."""
    if isinstance(error, SearchUnavailable):
        return True
    return type(error).__module__.split(".")[0] in ENGINE_CLIENT_PACKAGES


def _values(querydict, name):
    """All values of a parameter, given repeated (?sdg=1&sdg=2) or comma-separated (?sdg=1,2)."""
    values = []
    for raw in querydict.getlist(name) if hasattr(querydict, "getlist") else []:
        values.extend(part.strip() for part in str(raw).split(",") if part.strip())
    return values


def _int(querydict, name, default, minimum, maximum):
    raw = (querydict.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidSearchParameter(name, f"'{raw}' is not a whole number") from None
    if not minimum <= value <= maximum:
        raise InvalidSearchParameter(name, f"{value} is not between {minimum} and {maximum}")
    return value


def _unique(values):
    return tuple(dict.fromkeys(values))


def printable(text):
    """Text without control characters (a NUL byte cannot even be stored in PostgreSQL)."""
    return "".join(ch if ch.isprintable() else " " for ch in str(text))


def search_words(text):
    """The words of a query, as the backends get them: punctuation is dropped, so quotes and
    operators typed by a visitor are never read as query syntax (SQLite FTS5 would choke)."""
    return " ".join(_WORD.findall(printable(text)))


def normalise_query(text):
    """Lower case with single spaces: the form searches are logged and compared in."""
    return " ".join(str(text).split()).lower()


@dataclass(frozen=True)
class SearchParams:
    """What a visitor asked for. Build it with `from_querydict`, which validates every value."""

    q: str = ""
    sdg: tuple = ()
    topic: tuple = ()
    country: tuple = ()
    region: tuple = ()
    type: tuple = ()
    status: tuple = ()
    year_from: int | None = None
    year_to: int | None = None
    order: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    # keyword, semantic or hybrid; empty: hybrid when meaning can answer (search/semantic.py)
    mode: str = ""
    # The language searched: a language code of the site, or "all" for every language.
    locale: str = ALL_LANGUAGES
    # The language searched without `locale` (left out of links when chosen).
    default_locale: str = field(default=ALL_LANGUAGES, compare=False)
    # The page types' own facets (registry.extra_facets: the article type, the cases' video,
    # the library's document type, ...): ((name, (value, ...)), ...), read like the others as
    # `params.<name>`.
    extra: tuple = ()

    def __getattr__(self, name):
        # Only called for names that are not fields: the page types' own facets.
        if not name.startswith("_") and name in registry.extra_facets():
            return dict(self.extra).get(name, ())
        raise AttributeError(name)

    @classmethod
    def from_querydict(cls, data, default_locale=None):
        """Parse request.GET; unknown parameters are ignored, bad values raise
        InvalidSearchParameter naming the parameter. Without `locale` the search is in
        `default_locale` (the visitor's language on the search page), or in the site's
        default language (English)."""
        q = " ".join(printable(data.get("q") or "").split())
        if len(q) > MAX_QUERY_LENGTH:
            raise InvalidSearchParameter("q", f"at most {MAX_QUERY_LENGTH} characters")

        sdgs = []
        for value in _values(data, "sdg"):
            number = int(value) if value.isdigit() else None
            if number not in SDG_NUMBERS:
                raise InvalidSearchParameter("sdg", f"'{value}' is not an SDG number (1 to 17)")
            sdgs.append(number)

        topics = []
        for value in _values(data, "topic"):
            try:
                validate_slug(value)
            except Exception:
                raise InvalidSearchParameter("topic", f"'{value}' is not a topic slug") from None
            topics.append(value.lower())

        codes = []
        for value in _values(data, "country"):
            if value.upper() not in countries:
                raise InvalidSearchParameter(
                    "country", f"'{value}' is not an ISO 3166-1 alpha-2 country code"
                )
            codes.append(value.upper())

        region_codes = []
        for value in _values(data, "region"):
            code = value.zfill(3) if value.isdigit() else value
            if code not in regions.REGIONS and code not in regions.SUBREGIONS:
                raise InvalidSearchParameter("region", f"'{value}' is not a UN M49 region code")
            region_codes.append(code)

        types = []
        for value in _values(data, "type"):
            if value.lower() not in TYPES:
                raise InvalidSearchParameter("type", f"'{value}' is not one of {', '.join(TYPES)}")
            types.append(value.lower())

        statuses = []
        for value in _values(data, "status"):
            if value not in Status.values:
                raise InvalidSearchParameter(
                    "status", f"'{value}' is not one of {', '.join(Status.values)}"
                )
            statuses.append(value)

        extra = []
        for name, facet in registry.extra_facets().items():
            allowed = facet.values()
            chosen = []
            for value in _values(data, name):
                if value not in allowed:
                    raise InvalidSearchParameter(
                        name, f"'{value}' is not one of {', '.join(allowed)}"
                    )
                chosen.append(value)
            if chosen:
                extra.append((name, _unique(chosen)))

        year_from = _int(data, "year_from", None, MIN_YEAR, MAX_YEAR)
        year_to = _int(data, "year_to", None, MIN_YEAR, MAX_YEAR)
        if year_from and year_to and year_from > year_to:
            raise InvalidSearchParameter("year_to", "cannot be before year_from")

        order = (data.get("order") or "relevance").strip()
        if order not in ORDERS:
            raise InvalidSearchParameter("order", f"'{order}' is not one of {', '.join(ORDERS)}")

        page = _int(data, "page", 1, 1, MAX_RESULT_WINDOW)
        page_size = _int(data, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
        if (page - 1) * page_size >= MAX_RESULT_WINDOW:
            raise InvalidSearchParameter(
                "page", f"only the first {MAX_RESULT_WINDOW} results can be paged through"
            )

        mode = (data.get("mode") or "").strip()
        if mode and mode not in MODES:
            raise InvalidSearchParameter("mode", f"'{mode}' is not one of {', '.join(MODES)}")

        default_locale = default_locale or default_language()
        locale = (data.get("locale") or default_locale).strip()
        if locale not in language_codes() and locale != ALL_LANGUAGES:
            raise InvalidSearchParameter(
                "locale",
                gettext("'%(value)s' is not one of %(choices)s")
                % {"value": locale, "choices": ", ".join([*language_codes(), ALL_LANGUAGES])},
            )

        return cls(
            locale=locale,
            default_locale=default_locale,
            q=q,
            sdg=_unique(sdgs),
            topic=_unique(topics),
            country=_unique(codes),
            region=_unique(region_codes),
            type=_unique(types),
            status=_unique(statuses),
            year_from=year_from,
            year_to=year_to,
            order=order,
            page=page,
            page_size=page_size,
            extra=tuple(extra),
            mode=mode,
        )

    @property
    def has_year_range(self):
        return self.year_from is not None or self.year_to is not None

    def selected(self, facet):
        """The values chosen in one facet (for `year`, the years inside the range are
        checked when the facet is built)."""
        if facet == "year":
            return ()
        return getattr(self, facet)

    def without(self, facet):
        """These parameters minus one facet's selection: what that facet's counts apply."""
        if facet == "year":
            return replace(self, year_from=None, year_to=None)
        if facet not in SHARED_FACETS:
            return replace(self, extra=tuple(item for item in self.extra if item[0] != facet))
        return replace(self, **{facet: ()})

    @property
    def has_filters(self):
        return any(getattr(self, name) for name in FACETS if name != "year") or (
            self.has_year_range
        )

    def as_query_items(self, **overrides):
        """The parameters as (name, value) pairs for a link, without defaults."""
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        data.update(dict(self.extra))
        data.update(overrides)
        items = []
        if data["q"]:
            items.append(("q", data["q"]))
        for name in FACETS:
            if name != "year":
                items.extend((name, str(value)) for value in data.get(name, ()))
        for name in ("year_from", "year_to"):
            if data[name] is not None:
                items.append((name, str(data[name])))
        if data["order"] != "relevance":
            items.append(("order", data["order"]))
        if data["mode"]:
            items.append(("mode", data["mode"]))
        if data["locale"] != data["default_locale"]:
            items.append(("locale", data["locale"]))
        if data["page_size"] != DEFAULT_PAGE_SIZE:
            items.append(("page_size", str(data["page_size"])))
        if data["page"] != 1:
            items.append(("page", str(data["page"])))
        return items

    def querystring(self, **overrides):
        return urlencode(self.as_query_items(**overrides))

    def toggle(self, facet, value):
        """The query string with one facet value switched on or off, back on page 1."""
        if facet == "year":
            year = int(value)
            if self.year_from == year and self.year_to == year:
                return self.querystring(year_from=None, year_to=None, page=1)
            return self.querystring(year_from=year, year_to=year, page=1)
        current = getattr(self, facet)
        value = type(current[0])(value) if current else value
        chosen = tuple(v for v in current if v != value)
        if len(chosen) == len(current):  # it was not chosen: add it
            chosen = (*current, value)
        return self.querystring(**{facet: chosen}, page=1)

    def filters_for_log(self):
        data = {name: list(getattr(self, name)) for name in FACETS if name != "year"}
        data = {name: values for name, values in data.items() if values}
        if self.year_from is not None:
            data["year_from"] = self.year_from
        if self.year_to is not None:
            data["year_to"] = self.year_to
        return data


@dataclass
class FacetCounts:
    """Raw counts per facet value, as a backend computes them."""

    counts: dict = field(default_factory=lambda: {name: {} for name in FACETS})

    def add(self, facet, value, count):
        if value in (None, ""):
            return
        bucket = self.counts[facet]
        bucket[value] = bucket.get(value, 0) + count


@dataclass
class SearchResult:
    """One page of hits, the total, and the counts for every facet."""

    params: SearchParams
    count: int
    results: list
    facets: dict
    promotions: list = field(default_factory=list)
    # Which search ran: keyword, semantic or hybrid.
    mode: str = "keyword"

    @property
    def page(self):
        return self.params.page

    @property
    def page_size(self):
        return self.params.page_size

    @cached_property
    def num_pages(self):
        return max(1, math.ceil(min(self.count, MAX_RESULT_WINDOW) / self.page_size))

    @property
    def has_previous(self):
        return self.page > 1

    @property
    def has_next(self):
        return self.page < self.num_pages

    def as_api(self):
        return {
            "meta": {"locale": self.params.locale},
            "count": self.count,
            "page": self.page,
            "page_size": self.page_size,
            "num_pages": self.num_pages,
            "results": self.results,
            "facets": self.facets,
            "promotions": self.promotions,
            "mode": self.mode,
        }


@lru_cache(maxsize=512)
def country_name(code):
    return str(countries.name(code)) or code


def restricted_paths():
    """Tree paths of pages behind a view restriction; they and their descendants never show."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def search(params, request=None, absolute_urls=False, backend=None):
    """Run a search: hits for the requested page, the total, and every facet's counts.

    Result `url`s are site-relative for pages of this site, or absolute (for API consumers on
    other sites) with `absolute_urls`. `backend` overrides the configured one (the database
    lists pages without text while the engine is down)."""
    from . import backends, semantic

    if not isinstance(params, SearchParams):
        raise TypeError("search() takes SearchParams; build them with from_querydict")
    backend = backend or backends.get_backend()
    private = restricted_paths()
    mode = semantic.mode_for(params)
    if mode == "keyword":
        hits = backend.search(params, private)
    else:
        hits = semantic.search(backend, params, private, mode)
    sdgs = list(SDG.objects.order_by("number"))  # read once: results and facet
    from .results import build_facets, hydrate

    results = hydrate(hits.page_ids, params.q, sdgs, request, absolute_urls, private, hits.types)
    facets = build_facets(hits.facet_counts, params, sdgs)
    promotions = promotions_for(params, private) if params.page == 1 else []
    return SearchResult(
        params=params,
        count=hits.count,
        results=results,
        facets=facets,
        promotions=promotions,
        mode=mode,
    )


def suggest(text, limit=10):
    """Up to `limit` titles of published cases and articles that start like `text`."""
    from . import backends

    text = search_words(text)[:MAX_QUERY_LENGTH]
    if not text:
        return []
    pages = backends.get_backend().suggest(text, limit)
    return [
        {"id": page.pk, "type": _type_of(page), "title": page.title, "url": page.get_url()}
        for page in pages
    ]


def promotions_for(params, private=None):
    """Editors' picks (Wagtail search promotions) for this query, live and public only."""
    if not params.q:
        return []
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.utils import normalise_query_string

    # One read; the search log (searchlog.py) is what records the query and its hits.
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(params.q))
        .filter(Q(page__isnull=True) | Q(page__live=True))
        .select_related("page")
        .order_by("sort_order")
    )
    private = restricted_paths() if private is None else private
    items = []
    for pick in picks:
        if pick.page is None:
            items.append(
                {
                    "title": pick.external_link_text,
                    "url": pick.external_link_url,
                    "description": pick.description,
                }
            )
        elif not any(pick.page.path.startswith(path) for path in private):
            items.append(
                {
                    "title": pick.page.title,
                    "url": pick.page.get_url(),
                    "description": pick.description,
                }
            )
    return items


def _type_of(page):
    return registry.type_of(page).key
