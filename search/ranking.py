"""Keyword ranking on the database: which pages a visitor's words match, and how well.

Each ranking gives SQL for rows `(page_id, entry, score)` read straight from Wagtail's own
index tables (`entry`: the index row; a higher score is a better match), so the matching and
the ordering happen inside the database: SQLite's FTS5 with `bm25()`, PostgreSQL's full-text
search on the GIN-indexed `title || body` (migration search.0002) with `ts_rank()`.
`search.database` joins these rows to the pages, counts the facets over them and orders the
hits by `rank()`.

Where scoring costs more than matching (PostgreSQL reads each page's whole body vector to
rank it), `score` is left empty and `rank()` works it out for the hits' candidates only: the
pages that pass every facet selection, never the ones that are only counted.

A later ranking (per-language configurations, or a vector ranking fused with this one) only
has to give the same rows and `rank()`.
"""

# The SQL here is assembled from table names read from the models and fixed fragments;
# every value a visitor chooses is passed as a query parameter.
# ruff: noqa: S608

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from wagtail.search.models import IndexEntry

from .services import search_words


def content_type_ids(models):
    return [ContentType.objects.get_for_model(model).pk for model in models]


class SQLiteRanking:
    """FTS5: the words must all occur in a page's title or body; `bm25()` ranks, with the
    title counting twice as much as the body (as in the engine's mapping)."""

    # Columns of wagtailsearch_indexentry_fts, in order: autocomplete, body, title.
    WEIGHTS = (0.0, 1.0, 2.0)

    def __init__(self, wagtail_backend):
        self.backend = wagtail_backend

    def match(self, words):
        # Each word quoted: FTS5 reads it as a plain term, never as query syntax.
        terms = " AND ".join('"{}"'.format(word.replace('"', '""')) for word in words)
        return "{title body} : (" + terms + ")"

    def sql(self, words, models):
        fts = f"{IndexEntry._meta.db_table}_fts"
        entries = IndexEntry._meta.db_table
        types = content_type_ids(models)
        weights = ", ".join(str(weight) for weight in self.WEIGHTS)
        sql = (
            f"SELECT CAST(e.object_id AS INTEGER) AS page_id, e.id AS entry, "
            f"-bm25({fts}, {weights}) AS score "
            f"FROM {fts} JOIN {entries} e ON e.id = {fts}.rowid "
            f"WHERE {fts} MATCH %s AND e.content_type_id IN ({', '.join(['%s'] * len(types))})"
        )
        return sql, [self.match(words), *types]

    def rank(self, words):
        """(SQL join, score expression, parameters) for ordering the hits of `m`: bm25() can
        only be worked out by the MATCH itself, so it came with the rows."""
        return "", "m.score", []


class PostgresRanking:
    """PostgreSQL full-text search as Wagtail indexes it: every word must match (stemmed in
    the backend's text search configuration), `(title || body) @@ query` uses the GIN index
    of migration search.0002, and the score is Wagtail's own: `ts_rank` of the title (scaled
    by its length factor `title_norm`) plus `ts_rank` of the body."""

    def __init__(self, wagtail_backend):
        self.backend = wagtail_backend
        # SEARCH_CONFIG of the backend, or the database's default_text_search_config.
        self.config = getattr(wagtail_backend, "config", None)

    def tsquery(self, words):
        """to_tsquery(…) SQL and its parameters: every word, quoted, joined with &."""
        text = " & ".join(
            "'{}'".format(word.replace("'", "''").replace("\\", "\\\\")) for word in words
        )
        if self.config:
            return "to_tsquery(%s::regconfig, %s)", [self.config, text]
        return "to_tsquery(%s)", [text]

    def sql(self, words, models):
        entries = IndexEntry._meta.db_table
        types = content_type_ids(models)
        query, query_params = self.tsquery(words)
        sql = (
            "SELECT CAST(e.object_id AS INTEGER) AS page_id, e.id AS entry, "
            "CAST(NULL AS float) AS score "
            f"FROM {entries} e "
            f"WHERE (e.title || e.body) @@ {query} "
            f"AND e.content_type_id IN ({', '.join(['%s'] * len(types))})"
        )
        return sql, [*query_params, *types]

    def rank(self, words):
        """(SQL join, score expression, parameters) for ordering the hits of `m`: the index
        row joined back, and ranked only for the pages that can be hits."""
        from modelsearch.backends.database.postgres.weights import get_sql_weights

        query, query_params = self.tsquery(words)
        weights = get_sql_weights()
        score = (
            f"ts_rank(%s::float4[], e.title, {query}) * e.title_norm "
            f"+ ts_rank(%s::float4[], e.body, {query})"
        )
        join = f" JOIN {IndexEntry._meta.db_table} e ON e.id = m.entry"
        return join, score, [weights, *query_params, weights, *query_params]


RANKINGS = {"sqlite": SQLiteRanking, "postgresql": PostgresRanking}


def keyword_ranking(wagtail_backend):
    """The ranking for the database in use."""
    try:
        return RANKINGS[connection.vendor](wagtail_backend)
    except KeyError:
        raise ImproperlyConfigured(
            f"The database search backend supports SQLite and PostgreSQL, not {connection.vendor}."
        ) from None


def words_of(text):
    """The words of a visitor's query, as a list (empty: no text to match)."""
    return search_words(text).split()
