"""Search on Elasticsearch/OpenSearch: hits and every facet count in one request."""

from wagtail.models import Locale, Page
from wagtail.search.query import PlainText

from articles.models import ArticlePage
from cases.models import CasePage

from .backends import Hits, autocomplete
from .database import CASE_COLUMNS
from .engines import language_fields
from .languages import field_name
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


# Relations both page types carry, and the field of the related row that is the facet value.
RELATIONS = {"sdg": ("sdgs", "number"), "topic": ("topics", "slug")}


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
        if facet == "article_type":
            column = self._column(self.article_mapping, "article_type")
            return {"values": {"terms": {"field": column, "size": 50}}}
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
        column = self._column(self.case_mapping, CASE_COLUMNS[facet])
        return {"values": {"terms": {"field": column, "size": 500}}}

    def _publication_date(self):
        return self._column(self.article_mapping, "publication_date")

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
            {"terms": {"_django_content_type": list(self.CONTENT_TYPES.values())}},
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
                "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
                "aggs": self._aggregation(facet),
            }
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
            if is_engine_error(error):
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
