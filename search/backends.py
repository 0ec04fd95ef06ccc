"""Where the search runs: the database (SQLite FTS5 or PostgreSQL full-text search), or
Elasticsearch/OpenSearch. Both answer the same question for `search.services`: the page ids of
one page of hits, the total, and the count of every facet value. Nothing outside this module
knows which one is in use."""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections
from django.db.models import F
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend

from articles.models import ArticlePage
from cases.models import CasePage

from .services import (
    FACETS,
    MAX_YEAR,
    MIN_YEAR,
    TYPES,
    FacetCounts,
    SearchUnavailable,
    restricted_paths,
    search_words,
)

# The facets that are plain columns of a case, by facet name.
CASE_COLUMNS = {"country": "country", "region": "region", "status": "status", "year": "start_year"}
# Relations both page types carry, and the field of the related row that is the facet value.
RELATIONS = {"sdg": ("sdgs", "number"), "topic": ("topics", "slug")}


@dataclass
class Hits:
    count: int
    page_ids: list
    facet_counts: FacetCounts
    # "case" or "article" for each id in page_ids, so loading them skips the other type.
    types: dict = field(default_factory=dict)


def get_backend():
    wagtail_backend = get_search_backend()
    if isinstance(wagtail_backend, ElasticsearchBaseSearchBackend):
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
SDG, TOPIC, REGION = FACETS.index("sdg"), FACETS.index("topic"), FACETS.index("region")


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
        """Every live, public case and article matching the text, newest first, as
        (id, values, sub-region) for `_tally`, and {id: "case" or "article"}."""
        queryset = Page.objects.live().type(*TYPES.values())
        for path in private:
            queryset = queryset.exclude(path__startswith=path)
        if text_ids is not None:
            queryset = queryset.filter(pk__in=text_ids)
        case_type = ContentType.objects.get_for_model(CasePage).pk
        rows = _fetch(
            queryset.order_by(F("first_published_at").desc(nulls_last=True), "-pk").values_list(
                "pk",
                "content_type_id",
                "casepage__start_year",
                "casepage__country",
                "casepage__region",
                "casepage__subregion",
                "casepage__status",
                ExtractYear("articlepage__publication_date"),
                "articlepage__article_type",
            )
        )
        types = {row[0]: "case" if row[1] == case_type else "article" for row in rows}
        # Their SDG numbers and topic slugs. Without text, that is nearly every page, and
        # reading the relation tables whole (skipping drafts here) is quicker than any filter.
        related = {facet: defaultdict(list) for facet in RELATIONS}
        for key, model in TYPES.items():
            ids = [pk for pk, kind in types.items() if kind == key]
            if not ids:
                continue
            pages = model.objects.order_by()
            if text_ids is not None:
                pages = pages.filter(pk__in=_id_list(ids))
            for facet, (relation, attribute) in RELATIONS.items():
                lookup = f"{relation}__{attribute}"
                pairs = pages.filter(**{f"{lookup}__isnull": False}).values_list("pk", lookup)
                values = related[facet]
                for pk, value in _fetch(pairs):
                    if pk in types:
                        values[pk].append(value)
        sdgs, topics = related["sdg"], related["topic"]
        empty = ()
        pages = [
            (
                pk,
                # In FACETS order: sdg, topic, country, region, type, status, year, article_type.
                (
                    sdgs.get(pk, empty),
                    topics.get(pk, empty),
                    country or None,
                    region or None,
                    types[pk],
                    status or None,
                    # EXTRACT gives a numeric on PostgreSQL: the year as a whole number.
                    start if types[pk] == "case" else None if published is None else int(published),
                    article_type or None,
                ),
                subregion or None,
            )
            for pk, _, start, country, region, subregion, status, published, article_type in rows
        ]
        return pages, types

    def search(self, params, private):
        ranked, text_ids = self._text_matches(params.q)
        pages, types = self._pages(text_ids, private)
        matching, counts = _tally(pages, params)  # newest first
        if ranked is not None and params.order == "relevance":
            kept = set(matching)
            matching = [pk for pk in ranked if pk in kept]
        elif params.order in ("start_year", "title"):
            matching = self._ordered(matching, params.order, pages)
        start = (params.page - 1) * params.page_size
        page_ids = matching[start : start + params.page_size]
        return Hits(
            count=len(matching),
            page_ids=page_ids,
            facet_counts=counts,
            types={pk: types[pk] for pk in page_ids},
        )

    @staticmethod
    def _ordered(matching, order, pages):
        """`matching` (newest first) by start year or by title; the sort is stable, so ties
        stay newest first, as on the engine."""
        if order == "start_year":
            year, case = FACETS.index("year"), FACETS.index("type")
            starts = {pk: values[year] for pk, values, _ in pages if values[case] == "case"}
            return sorted(matching, key=lambda pk: (starts.get(pk) is None, starts.get(pk) or 0))
        # The same key the engines sort on (TitleOrderMixin.sort_title).
        titles = dict(
            _fetch(Page.objects.filter(pk__in=_id_list(matching)).values_list("pk", "title"))
        )
        return sorted(matching, key=lambda pk: titles[pk].lower())

    def suggest(self, text, limit):
        return _autocomplete(self.backend, text, limit)


def _autocomplete(wagtail_backend, text, limit):
    queryset = Page.objects.live().type(*TYPES.values())
    for path in restricted_paths():
        queryset = queryset.exclude(path__startswith=path)
    return list(wagtail_backend.autocomplete(text, queryset)[:limit])


class EngineSearch:
    """Search on Elasticsearch/OpenSearch: hits and every facet count in one request
    (aggregations, each filtered by the other facets' selections, and a post filter for the
    hits). Field names come from Wagtail's own index mapping."""

    CONTENT_TYPES = {"case": "cases.CasePage", "article": "articles.ArticlePage"}

    def __init__(self, wagtail_backend):
        self.backend = wagtail_backend
        self.index = wagtail_backend.get_index_for_model(Page)
        self.case_mapping = wagtail_backend.mapping_class(CasePage)
        self.article_mapping = wagtail_backend.mapping_class(ArticlePage)
        self.page_mapping = wagtail_backend.mapping_class(Page)

    # Index column names, as Wagtail's mapping writes them (e.g. cases_casepage__country_filter).
    def _column(self, mapping, name, kind="filter"):
        from modelsearch import index

        for search_field in mapping.model.get_search_fields():
            matches = search_field.field_name == name and (
                (kind == "filter" and isinstance(search_field, index.FilterField))
                or (kind == "related" and isinstance(search_field, index.RelatedFields))
            )
            if matches:
                return mapping.get_field_column_name(search_field)
        raise LookupError(f"{mapping.model.__name__} has no indexed {kind} field {name}")

    def _nested_paths(self, facet):
        relation, attribute = RELATIONS[facet]
        paths = []
        for mapping in (self.case_mapping, self.article_mapping):
            path = self._column(mapping, relation, kind="related")
            paths.append((path, f"{path}.{attribute}_filter"))
        return paths

    def _clause(self, facet, params):
        """The engine filter for one facet's selection, or None when nothing is chosen."""
        if facet == "year":
            if not params.has_year_range:
                return None
            start, published = {}, {}
            if params.year_from is not None:
                start["gte"] = params.year_from
                published["gte"] = f"{params.year_from}-01-01"
            if params.year_to is not None:
                start["lte"] = params.year_to
                published["lte"] = f"{params.year_to}-12-31"
            return {
                "bool": {
                    "should": [
                        {"range": {self._column(self.case_mapping, "start_year"): start}},
                        {"range": {self._publication_date(): published}},
                    ],
                    "minimum_should_match": 1,
                }
            }
        chosen = list(getattr(params, facet))
        if not chosen:
            return None
        if facet in RELATIONS:
            return {
                "bool": {
                    "should": [
                        {"nested": {"path": path, "query": {"terms": {field: chosen}}}}
                        for path, field in self._nested_paths(facet)
                    ],
                    "minimum_should_match": 1,
                }
            }
        if facet == "type":
            return {"terms": {"_django_content_type": [self.CONTENT_TYPES[t] for t in chosen]}}
        if facet == "article_type":
            return {"terms": {self._column(self.article_mapping, "article_type"): chosen}}
        if facet == "region":
            return {
                "bool": {
                    "should": [
                        {"terms": {self._column(self.case_mapping, "region"): chosen}},
                        {"terms": {self._column(self.case_mapping, "subregion"): chosen}},
                    ],
                    "minimum_should_match": 1,
                }
            }
        return {"terms": {self._column(self.case_mapping, CASE_COLUMNS[facet]): chosen}}

    def _all_clauses(self, params, except_facet=None):
        clauses = []
        for facet in FACETS:
            if facet != except_facet:
                clause = self._clause(facet, params)
                if clause is not None:
                    clauses.append(clause)
        return clauses

    def _aggregation(self, facet):
        if facet in RELATIONS:
            size = 17 if facet == "sdg" else 500
            return {
                f"n{number}": {
                    "nested": {"path": path},
                    "aggs": {"values": {"terms": {"field": field, "size": size}}},
                }
                for number, (path, field) in enumerate(self._nested_paths(facet))
            }
        if facet == "type":
            return {"values": {"terms": {"field": "_django_content_type", "size": 10}}}
        if facet == "year":
            column = self._column(self.case_mapping, "start_year")
            return {
                "values": {"terms": {"field": column, "size": 500}},
                "published": {
                    "date_histogram": {
                        "field": self._publication_date(),
                        "calendar_interval": "year",
                        "min_doc_count": 1,
                    }
                },
            }
        if facet == "article_type":
            column = self._column(self.article_mapping, "article_type")
            return {"values": {"terms": {"field": column, "size": 50}}}
        column = self._column(self.case_mapping, CASE_COLUMNS[facet])
        return {"values": {"terms": {"field": column, "size": 500}}}

    def _publication_date(self):
        return self._column(self.article_mapping, "publication_date")

    def _text_query(self, text):
        """Exact words score highest; a word with one typing mistake (two in words of nine
        letters or more) still matches. Short words must match exactly, or "energy" would
        also find "every"."""
        text = search_words(text)
        if not text:
            return {"match_all": {}}
        compiler = self.backend.query_compiler_class(Page.objects.all(), PlainText(text))
        fields = [field.field_name_with_boost for field in compiler.remapped_fields]
        exact = {"query": text, "fields": fields, "operator": "and", "boost": 2}
        fuzzy = {
            "query": text,
            "fields": fields,
            "operator": "and",
            "fuzziness": "AUTO:5,9",
            "prefix_length": 1,
        }
        return {
            "bool": {
                "should": [{"multi_match": exact}, {"multi_match": fuzzy}],
                "minimum_should_match": 1,
            }
        }

    def _base_filters(self, private):
        live = self._column(self.page_mapping, "live")
        path = self._column(self.page_mapping, "path")
        filters = [
            {"term": {live: True}},
            {"terms": {"_django_content_type": list(self.CONTENT_TYPES.values())}},
        ]
        excluded = [{"prefix": {path: p}} for p in private]
        if excluded:
            filters.append({"bool": {"must_not": excluded}})
        return filters

    def body(self, params, private=()):
        """The one request: the text query and base filters, a post filter with every facet
        selection, and per facet an aggregation filtered by all the other selections."""
        aggregations = {}
        for facet in FACETS:
            others = self._all_clauses(params, except_facet=facet)
            aggregations[facet] = {
                "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
                "aggs": self._aggregation(facet),
            }
        body = {
            "query": {
                "bool": {"must": self._text_query(params.q), "filter": self._base_filters(private)}
            },
            "post_filter": {"bool": {"filter": self._all_clauses(params)}},
            "aggs": aggregations,
            "track_total_hits": True,
            "_source": False,
            # Which page type each hit is, so loading the hits skips the other type's queries.
            "docvalue_fields": ["_django_content_type"],
            "from": (params.page - 1) * params.page_size,
            "size": params.page_size,
        }
        published = self._column(self.page_mapping, "first_published_at")
        newest = [{published: {"order": "desc"}}, {"pk": {"order": "desc"}}]
        if params.order == "start_year":
            start = self._column(self.case_mapping, "start_year")
            body["sort"] = [{start: {"order": "asc", "missing": "_last"}}, *newest]
        elif params.order == "title":
            # The lower-case title both page types index under one name (TitleOrderMixin).
            title = self._column(self.case_mapping, "sort_title")
            body["sort"] = [{title: {"order": "asc", "missing": "_last"}}, *newest]
        elif params.order == "newest" or not search_words(params.q):
            body["sort"] = newest
        return body

    def raw_search(self, body):
        """Send one search body to the engine and return its response (as a dict)."""
        if self.backend.use_new_elasticsearch_api:
            # Elasticsearch 8/9 clients take the body's keys as arguments ("from" as from_).
            arguments = dict(body)
            arguments["from_"] = arguments.pop("from")
            response = self.backend.es.search(index=self.index.name, **arguments)
        else:
            response = self.backend.es.search(index=self.index.name, body=body)
        return response.body if hasattr(response, "body") else response

    def search(self, params, private):
        try:
            response = self.raw_search(self.body(params, private))
        except Exception as error:
            # The clients' connection and transport errors have no common base class.
            if type(error).__module__.split(".")[0] in {
                "opensearchpy",
                "elasticsearch",
                "elastic_transport",
            }:
                raise SearchUnavailable(str(error)) from error
            raise
        counts = FacetCounts()
        types = {value: key for key, value in self.CONTENT_TYPES.items()}
        for facet in FACETS:
            aggregation = response["aggregations"][facet]
            buckets = []
            if facet in RELATIONS:
                for name, sub in aggregation.items():
                    if name.startswith("n") and isinstance(sub, dict) and "values" in sub:
                        buckets.extend(sub["values"]["buckets"])
            else:
                buckets = aggregation["values"]["buckets"]
            if facet == "year":
                for bucket in aggregation["published"]["buckets"]:
                    year = int(bucket["key_as_string"][:4])
                    counts.add("year", year, bucket["doc_count"])
            for bucket in buckets:
                value = bucket["key"]
                if facet == "type":
                    value = types.get(value)
                counts.add(facet, value, bucket["doc_count"])
        hits = response["hits"]
        page_ids, page_types = [], {}
        for hit in hits["hits"]:
            pk = int(hit["_id"])
            page_ids.append(pk)
            for content_type in hit.get("fields", {}).get("_django_content_type", ()):
                if content_type in types:
                    page_types[pk] = types[content_type]
        if len(page_types) < len(page_ids):
            page_types = {}  # not told for every hit: load both types
        return Hits(
            count=hits["total"]["value"],
            page_ids=page_ids,
            facet_counts=counts,
            types=page_types,
        )

    def suggest(self, text, limit):
        return _autocomplete(self.backend, text, limit)
