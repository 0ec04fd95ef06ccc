"""The page types search covers (the values of the `type` facet), and what search needs to know
about each one.

An app makes its page type searchable with the `register_search_type` Wagtail hook, returning a
plain dict, so the app never imports search:

    @hooks.register("register_search_type")
    def event_search_type():
        return {
            "key": "event",  # the value of the `type` facet and filter
            "model": EventPage,
            "label": _("Event"),  # shown beside the facet value
            # Single-valued facets: the model field that holds the page's value. `__year` reads
            # the year of a date or date-time field. A facet without a column is empty for it.
            "columns": {"country": "country", "region": "region", "subregion": "subregion",
                        "year": "start__year"},
            # What a result item reads (besides title, path and summary), and the item's
            # type-specific fields (country, city, start_year, ...) from a page.
            "result_fields": ("city", "country", "start"),
            "describe": describe_event,
            # Facets of its own, besides the shared ones: {name: {"label", "choices"}}. Their
            # values are the choices' values (a yes/no field's are "true" and "false"), and the
            # page type says in `columns` which field holds them; another type may give a
            # column for the same facet without declaring it again.
            "facets": {"event_type": {"label": _("Kind of event"), "choices": EventType.choices}},
        }

The SDG and topic facets read the page type's `sdgs` and `topics` relations. Types are listed in
the order their hooks are registered (the order of INSTALLED_APPS).
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.db import models

from wagtail import hooks

HOOK = "register_search_type"
# The single-valued facets a page type may give a column for.
COLUMN_FACETS = ("country", "region", "subregion", "status", "year")
# Columns a page type may give only to be ordered by (`order=start_year`: cases).
SORT_COLUMNS = ("start_year",)
# A key is a facet value in URLs and a literal in the database search's SQL: plain words only.
KEY = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class SearchType:
    """One searchable page type."""

    key: str
    model: type
    label: object
    columns: dict = field(default_factory=dict)
    result_fields: tuple = ()
    describe: object = None
    facets: dict = field(default_factory=dict)

    def column(self, facet):
        """The model field holding this type's value of a single-valued facet, or None."""
        return self.columns.get(facet)

    @property
    def year_is_date(self):
        """Whether the year comes from a date or date-time field (`field__year`)."""
        return (self.columns.get("year") or "").endswith("__year")

    @property
    def year_field(self):
        """The field the year is read from, without `__year`."""
        column = self.columns.get("year")
        return column.removesuffix("__year") if column else None

    def has_relation(self, name):
        return any(f.name == name for f in self.model._meta.get_fields())

    def details(self, page):
        """The type-specific fields of a result item."""
        return self.describe(page) if self.describe else {}

    def facet_value(self, facet, raw):
        """A stored value as the facet shows and filters it: a yes/no field's as "true" or
        "false" (databases and engines give booleans as 1/0 or true/false), others as they
        are; None for no value."""
        if raw is None or raw == "":
            return None
        column = self.column(facet)
        if column and isinstance(self.model._meta.get_field(column), models.BooleanField):
            return "true" if raw in (True, 1, "1", "true") else "false"
        return raw


@dataclass(frozen=True)
class ExtraFacet:
    """A facet that page types bring with them (see `facets` above)."""

    name: str
    label: object
    choices: tuple

    def values(self):
        return [str(value) for value, _ in self.choices]


def _load():
    found = {}
    for hook in hooks.get_hooks(HOOK):
        answer = hook()
        for item in answer if isinstance(answer, list | tuple) else [answer]:
            search_type = SearchType(**item)
            if not KEY.fullmatch(search_type.key):
                raise ValueError(f"{search_type.key!r}: a search type's key is a lowercase word")
            found[search_type.key] = search_type
    extra = _extra_facets(found)
    for search_type in found.values():
        unknown = set(search_type.columns) - set(COLUMN_FACETS) - set(SORT_COLUMNS) - set(extra)
        if unknown:
            raise ValueError(f"{search_type.key}: no facet called {', '.join(unknown)}")
    return found, extra


def _extra_facets(types):
    extra = {}
    for search_type in types.values():
        for name, spec in search_type.facets.items():
            if name in COLUMN_FACETS or name in ("sdg", "topic", "type"):
                raise ValueError(f"{search_type.key}: {name} is a shared facet already")
            if not KEY.fullmatch(name):
                # A facet's name is a column alias in the database search's SQL.
                raise ValueError(f"{search_type.key}: {name!r}: a facet's name is a lowercase word")
            extra.setdefault(name, ExtraFacet(name, spec["label"], tuple(spec["choices"])))
    return extra


_loaded = None


def _registry():
    global _loaded
    if _loaded is None:
        _loaded = _load()
    return _loaded


def search_types():
    """{key: SearchType} of every registered page type, in registration order."""
    return _registry()[0]


def extra_facets():
    """{name: ExtraFacet} of the facets page types bring, in registration order: they follow
    the shared facets everywhere (parameters, counts, the API's answer)."""
    return _registry()[1]


def type_of(page_or_model):
    """The SearchType of a page (or page model), or None when search does not cover it."""
    model = page_or_model if isinstance(page_or_model, type) else type(page_or_model)
    for search_type in search_types().values():
        if issubclass(model, search_type.model):
            return search_type
    # A plain Page (as autocomplete gives them): its specific class says which type it is.
    specific = getattr(page_or_model, "specific_class", None)
    if specific is not None and specific is not model:
        return type_of(specific)
    return None


class _View(Mapping):
    """A read-only {key: value} view of the registry, filled on first use (hooks are only
    read once every app is loaded)."""

    def __init__(self, attribute):
        self.attribute = attribute

    def _data(self):
        return {key: getattr(t, self.attribute) for key, t in search_types().items()}

    def __getitem__(self, key):
        return self._data()[key]

    def __iter__(self):
        return iter(search_types())

    def __len__(self):
        return len(search_types())

    def __repr__(self):
        return repr(self._data())


# {key: page model} and {key: label}, as search.services has always offered them.
MODELS = _View("model")
LABELS = _View("label")


# The facets every page type shares.
SHARED_FACETS = ("sdg", "topic", "country", "region", "type", "status", "year")


class _Facets(Sequence):
    """The shared facets, then the ones page types bring with them (below: the science
    articles' type, the cases' video, ...), read when first used (the hooks that declare them
    are only read once every app is loaded)."""

    def _names(self):
        return SHARED_FACETS + tuple(extra_facets())

    def __getitem__(self, index):
        return self._names()[index]

    def __len__(self):
        return len(self._names())

    def __repr__(self):
        return repr(self._names())


FACETS = _Facets()
