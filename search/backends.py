"""Where the search runs: the database (SQLite FTS5 or PostgreSQL full-text search), or
Elasticsearch/OpenSearch. Both answer the same question for `search.services`: the page ids of
one page of hits, the total, and the count of every facet value. The database search is here,
the engine's in `engine.py`; nothing outside these two modules knows which one is in use."""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections
from django.db.models import F
from django.db.models.expressions import RawSQL

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend

from .registry import extra_facets, search_types
from .services import (
    FACETS,
    MAX_YEAR,
    MIN_YEAR,
    SHARED_FACETS,
    TYPES,
    FacetCounts,
    restricted_paths,
    search_words,
)

# Relations the page types carry, and the field of the related row that is the facet value.
RELATIONS = {"sdg": ("sdgs", "number"), "topic": ("topics", "slug")}
# The single-valued facets, read from each page type's own column (registry.py).
COLUMNS = ("country", "region", "subregion", "status", "year")


@dataclass
class Hits:
    count: int
    page_ids: list
    facet_counts: FacetCounts
    # The type ("case", "article", ...) of each id in page_ids, so loading them skips the others.
    types: dict = field(default_factory=dict)


def get_backend():
    wagtail_backend = get_search_backend()
    if isinstance(wagtail_backend, ElasticsearchBaseSearchBackend):
        from .engine import EngineSearch

        return EngineSearch(wagtail_backend)
    return DatabaseSearch(wagtail_backend)


def _id_list(ids):
    """A list of ids as ONE query parameter (an array, or JSON on SQLite): Django would
    otherwise prepare thousands of parameters for every query that uses it."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (list(ids),))
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(list(ids)),))


def _fetch(queryset):
    """A values_list queryset's rows in one fetch. These are plain ids, codes and years, and
    reading tens of thousands of them through Django's row-by-row iteration costs more than
    the query itself."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# Positions in FACETS: the first two facets (sdg, topic) hold several values per page, the
# others one; a region selection also accepts a page's sub-region.
SDG, TOPIC, REGION = (SHARED_FACETS.index(name) for name in ("sdg", "topic", "region"))


def _selections(params):
    """(position in FACETS, the set of values that satisfy it) for every facet with a
    selection."""
    selections = [
        (position, frozenset(params.selected(facet)))
        for position, facet in enumerate(FACETS)
        if facet != "year" and params.selected(facet)
    ]
    if params.has_year_range:
        low, high = params.year_from or MIN_YEAR, params.year_to or MAX_YEAR
        selections.append((FACETS.index("year"), frozenset(range(low, high + 1))))
    return selections


def _tally(pages, params):
    """Count every facet's values and find the pages that satisfy every selection.

    `pages` are (id, values, sub-region), `values` holding one entry per facet in FACETS
    order: a list for sdg and topic, a single value for the others. A page that satisfies
    every selection counts in every facet; one that fails exactly one facet's selection counts
    in that facet only, since a facet's counts leave its own selection out. (One pass, and no
    objects made per page: with thousands of pages, allocations and the garbage collection
    they set off cost more than the counting.)"""
    selections = _selections(params)
    found = [[] for _ in FACETS]
    passing = []  # the values of the pages that satisfy every selection
    matching = []
    for pk, values, subregion in pages:
        failed = None
        for position, accepted in selections:
            value = values[position]
            if position in (SDG, TOPIC):
                satisfied = not accepted.isdisjoint(value)
            else:
                satisfied = value in accepted or (position == REGION and subregion in accepted)
            if not satisfied:
                if failed is not None:
                    break  # fails two selections: counts nowhere
                failed = position
        else:
            if failed is None:
                matching.append(pk)
                passing.append(values)
            elif failed in (SDG, TOPIC):
                found[failed].extend(values[failed])
            else:
                found[failed].append(values[failed])
    for position, column in enumerate(zip(*passing, strict=True)):
        if position in (SDG, TOPIC):
            for values in column:
                found[position].extend(values)
        else:
            found[position].extend(column)
    counts = FacetCounts()
    for facet, values in zip(FACETS, found, strict=True):
        for value, count in Counter(values).items():
            counts.add(facet, value, count)
    return matching, counts


class DatabaseSearch:
    """Search and facet counts from the database in a fixed number of queries, whatever the
    number of pages: the text match (one list of ids in relevance order), then the facet
    values of every matching live, public page (one query, newest first, and one per
    relation and page type), counted here in one pass (`_tally`)."""

    def __init__(self, wagtail_backend):
        self.backend = wagtail_backend

    def _text_matches(self, text):
        """(ids in relevance order, the same as one query parameter), or (None, None)."""
        text = search_words(text)
        if not text:
            return None, None
        results = self.backend.search(PlainText(text, operator="and"), Page.objects.live())
        ranked = list(results.get_queryset().values_list("pk", flat=True))
        return ranked, _id_list(ranked)

    def _pages(self, text_ids, private):
        """Every live, public page of a searchable type matching the text, newest first, as
        (id, values, sub-region) for `_tally`, and {id: type key}."""
        registered = search_types()
        columns_wanted = COLUMNS + tuple(extra_facets())
        queryset = Page.objects.live().type(*TYPES.values())
        for path in private:
            queryset = queryset.exclude(path__startswith=path)
        if text_ids is not None:
            queryset = queryset.filter(pk__in=text_ids)
        content_types = {
            ContentType.objects.get_for_model(search_type.model).pk: key
            for key, search_type in registered.items()
        }
        # One column per page type and facet it has a value for, reached from the page row.
        lookups = [
            (key, facet, f"{search_type.model._meta.model_name}__{search_type.column(facet)}")
            for key, search_type in registered.items()
            for facet in columns_wanted
            if search_type.column(facet)
        ]
        rows = _fetch(
            queryset.order_by(F("first_published_at").desc(nulls_last=True), "-pk").values_list(
                "pk", "content_type_id", *(lookup for _, _, lookup in lookups)
            )
        )
        types = {}
        columns = {}
        for row in rows:
            key = content_types.get(row[1])
            if key is None:  # a subclass of a searchable type: not listed by itself
                continue
            types[row[0]] = key
            values = dict.fromkeys(columns_wanted)
            for (owner, facet, _), value in zip(lookups, row[2:], strict=True):
                if owner == key and value not in (None, ""):
                    # EXTRACT gives a numeric on PostgreSQL: the year as a whole number.
                    values[facet] = (
                        int(value) if facet == "year" else registered[key].facet_value(facet, value)
                    )
            columns[row[0]] = values
        # Their SDG numbers and topic slugs. Without text, that is nearly every page, and
        # reading the relation tables whole (skipping drafts here) is quicker than any filter.
        related = {facet: defaultdict(list) for facet in RELATIONS}
        for key, search_type in registered.items():
            ids = [pk for pk, kind in types.items() if kind == key]
            if not ids:
                continue
            pages = search_type.model.objects.order_by()
            if text_ids is not None:
                pages = pages.filter(pk__in=_id_list(ids))
            for facet, (relation, attribute) in RELATIONS.items():
                if not search_type.has_relation(relation):
                    continue
                lookup = f"{relation}__{attribute}"
                pairs = pages.filter(**{f"{lookup}__isnull": False}).values_list("pk", lookup)
                values = related[facet]
                for pk, value in _fetch(pairs):
                    if pk in types:
                        values[pk].append(value)
        empty = ()
        facets = tuple(FACETS)

        def in_facet_order(pk, values):
            # sdg, topic, country, region, type, status, year, then the page types' own.
            for facet in facets:
                if facet in RELATIONS:
                    yield related[facet].get(pk, empty)
                elif facet == "type":
                    yield types[pk]
                else:
                    yield values[facet]

        pages = [
            (pk, tuple(in_facet_order(pk, values)), values["subregion"])
            for pk, values in columns.items()
        ]
        return pages, types

    def search(self, params, private):
        ranked, text_ids = self._text_matches(params.q)
        pages, types = self._pages(text_ids, private)
        matching, counts = _tally(pages, params)  # newest first
        if ranked is not None and params.order == "relevance":
            kept = set(matching)
            matching = [pk for pk in ranked if pk in kept]
        start = (params.page - 1) * params.page_size
        page_ids = matching[start : start + params.page_size]
        return Hits(
            count=len(matching),
            page_ids=page_ids,
            facet_counts=counts,
            types={pk: types[pk] for pk in page_ids},
        )

    def suggest(self, text, limit):
        return _autocomplete(self.backend, text, limit)


def _autocomplete(wagtail_backend, text, limit):
    queryset = Page.objects.live().type(*TYPES.values())
    for path in restricted_paths():
        queryset = queryset.exclude(path__startswith=path)
    return list(wagtail_backend.autocomplete(text, queryset)[:limit])
