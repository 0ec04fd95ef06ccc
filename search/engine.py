"""Search on Elasticsearch/OpenSearch: hits and every facet count in one request, for every
page type in the registry (`search.registry`)."""

from wagtail.models import Locale, Page
from wagtail.search.query import PlainText

from .backends import Hits, autocomplete
from .engines import language_fields
from .languages import field_name
from .registry import extra_facets, search_types
from .services import (
    ALL_LANGUAGES,
    FACETS,
    FacetCounts,
    SearchUnavailable,
    is_engine_error,
    search_words,
)


def _locale_id(code):
    """The id of the locale of language `code` as the index stores it (-1: none yet)."""
    found = Locale.objects.filter(language_code=code).values_list("pk", flat=True).first()
    return -1 if found is None else found


# Relations the page types carry, and the field of the related row that is the facet value.
RELATIONS = {"sdg": ("sdgs", "number"), "topic": ("topics", "slug")}


class EngineSearch:
    """Search on Elasticsearch/OpenSearch: hits and every facet count in one request
    (aggregations, each filtered by the other facets' selections, and a post filter for the
    hits). Field names come from Wagtail's own index mapping."""

    def __init__(self, wagtail_backend):
        self.backend = wagtail_backend
        self.index = wagtail_backend.get_index_for_model(Page)
        self.page_mapping = wagtail_backend.mapping_class(Page)
        self.types = search_types()
        self.mappings = {
            key: wagtail_backend.mapping_class(search_type.model)
            for key, search_type in self.types.items()
        }
        # The index's name of each type ("cases.CasePage"), and back.
        self.content_types = {
            key: f"{t.model._meta.app_label}.{t.model.__name__}" for key, t in self.types.items()
        }
        self.type_keys = {value: key for key, value in self.content_types.items()}

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
        for key, search_type in self.types.items():
            if search_type.has_relation(relation):
                path = self._column(self.mappings[key], relation, kind="related")
                paths.append((path, f"{path}.{attribute}_filter"))
        return paths

    def _columns(self, facet):
        """(index column, whether it holds a date) of every type with a value for `facet`."""
        found = []
        for key, search_type in self.types.items():
            if facet == "year" and search_type.column("year"):
                name, is_date = search_type.year_field, search_type.year_is_date
            elif facet != "year" and search_type.column(facet):
                name, is_date = search_type.column(facet), False
            else:
                continue
            found.append((self._column(self.mappings[key], name), is_date))
        return found

    @staticmethod
    def _any(clauses):
        if not clauses:
            return {"match_none": {}}
        return {"bool": {"should": clauses, "minimum_should_match": 1}}

    def _clause(self, facet, params):
        """The engine filter for one facet's selection, or None when nothing is chosen."""
        if facet == "year":
            if not params.has_year_range:
                return None
            number, date = {}, {}
            if params.year_from is not None:
                number["gte"] = params.year_from
                date["gte"] = f"{params.year_from}-01-01"
            if params.year_to is not None:
                number["lte"] = params.year_to
                # Before the next year begins: a date-time late on 31 December still counts.
                date["lt"] = f"{params.year_to + 1}-01-01"
            return self._any(
                [
                    {"range": {column: date if is_date else number}}
                    for column, is_date in self._columns("year")
                ]
            )
        chosen = list(getattr(params, facet))
        if not chosen:
            return None
        if facet in RELATIONS:
            return self._any(
                [
                    {"nested": {"path": path, "query": {"terms": {field: chosen}}}}
                    for path, field in self._nested_paths(facet)
                ]
            )
        if facet == "type":
            return {"terms": {"_django_content_type": [self.content_types[t] for t in chosen]}}
        facets = ("region", "subregion") if facet == "region" else (facet,)
        return self._any(
            [{"terms": {column: chosen}} for name in facets for column, _ in self._columns(name)]
        )

    def _all_clauses(self, params, except_facet=None):
        clauses = []
        for facet in FACETS:
            if facet != except_facet:
                clause = self._clause(facet, params)
                if clause is not None:
                    clauses.append(clause)
        return clauses

    def _aggregation(self, facet):
        """Named sub-aggregations whose buckets add up to the facet's counts: `n…` nested
        terms, `t…` terms and `d…` yearly date histograms, one per page type's field."""
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
            return {"t0": {"terms": {"field": "_django_content_type", "size": 50}}}
        aggregations = {}
        for number, (column, is_date) in enumerate(self._columns(facet)):
            if is_date:
                aggregations[f"d{number}"] = {
                    "date_histogram": {
                        "field": column,
                        "calendar_interval": "year",
                        "min_doc_count": 1,
                    }
                }
            else:
                aggregations[f"t{number}"] = {"terms": {"field": column, "size": 500}}
        return aggregations

    def _text_query(self, text, locale=ALL_LANGUAGES):
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
        should = [{"multi_match": exact}, {"multi_match": fuzzy}]
        # The same words as the language reads them (stemmed, or Chinese by pairs of
        # characters), in the field holding the text of that language's pages.
        languages = language_fields()
        if locale == ALL_LANGUAGES:
            names = list(languages)
        else:
            names = [name for name in [field_name(locale)] if name in languages]
        if names:
            should.append(
                {"multi_match": {"query": text, "fields": names, "operator": "and", "boost": 2}}
            )
        return {"bool": {"should": should, "minimum_should_match": 1}}

    def _base_filters(self, private, locale=None):
        live = self._column(self.page_mapping, "live")
        path = self._column(self.page_mapping, "path")
        filters = [
            {"term": {live: True}},
            {"terms": {"_django_content_type": list(self.content_types.values())}},
        ]
        excluded = [{"prefix": {path: p}} for p in private]
        if excluded:
            filters.append({"bool": {"must_not": excluded}})
        if locale and locale != ALL_LANGUAGES:
            filters.append(
                {"term": {self._column(self.page_mapping, "locale"): _locale_id(locale)}}
            )
        return filters

    def body(self, params, private=()):
        """The one request: the text query and base filters, a post filter with every facet
        selection, and per facet an aggregation filtered by all the other selections."""
        aggregations = {}
        for facet in FACETS:
            others = self._all_clauses(params, except_facet=facet)
            aggregations[facet] = {
                "filter": {"bool": {"filter": others}} if others else {"match_all": {}}
            }
            if sub := self._aggregation(facet):
                aggregations[facet]["aggs"] = sub
        body = {
            "query": {
                "bool": {
                    "must": self._text_query(params.q),
                    "filter": self._base_filters(private, params.locale),
                }
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
            start = self._column(self.mappings["case"], "start_year")
            body["sort"] = [{start: {"order": "asc", "missing": "_last"}}, *newest]
        elif params.order == "title":
            # The lower-case title every page type indexes under one name (TitleOrderMixin).
            title = self._column(self.mappings["case"], "sort_title")
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
            if is_engine_error(error):
                raise SearchUnavailable(str(error)) from error
            raise
        counts = FacetCounts()
        types = self.type_keys
        extra = extra_facets()
        for facet in FACETS:
            for name, sub in response["aggregations"][facet].items():
                if not isinstance(sub, dict):
                    continue
                if name.startswith("n") and "values" in sub:
                    buckets = sub["values"]["buckets"]
                elif name.startswith(("t", "d")) and "buckets" in sub:
                    buckets = sub["buckets"]
                else:
                    continue
                for bucket in buckets:
                    value = bucket["key"]
                    if name.startswith("d"):  # a year's bucket of a date histogram
                        value = int(bucket["key_as_string"][:4])
                    elif facet == "type":
                        value = types.get(value)
                    elif facet in extra:
                        # A yes/no field's buckets are 1 and 0, "true" and "false" as text.
                        value = bucket.get("key_as_string", value)
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
            page_types = {}  # not told for every hit: load every type
        return Hits(
            count=hits["total"]["value"],
            page_ids=page_ids,
            facet_counts=counts,
            types=page_types,
        )

    def keyword_matches(self, text, ids, locale=ALL_LANGUAGES):
        """The pages among `ids` that the words of `text` (in language `locale`) match (for
        hybrid search)."""
        if not ids or not search_words(text):
            return set()
        body = {
            "query": {
                "bool": {
                    "must": self._text_query(text, locale),
                    "filter": [{"ids": {"values": [str(pk) for pk in ids]}}],
                }
            },
            "_source": False,
            "from": 0,
            "size": len(ids),
        }
        try:
            response = self.raw_search(body)
        except Exception as error:
            if is_engine_error(error):
                raise SearchUnavailable(str(error)) from error
            raise
        return {int(hit["_id"]) for hit in response["hits"]["hits"]}

    def suggest(self, text, limit):
        try:
            return autocomplete(self.backend, text, limit)
        except Exception as error:
            if is_engine_error(error):
                raise SearchUnavailable(str(error)) from error
            raise
