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

from .languages import LANGUAGES, is_cjk, postgres_config, word_start
from .services import ALL_LANGUAGES, search_words


def content_type_ids(models):
    return [ContentType.objects.get_for_model(model).pk for model in models]


class SQLiteRanking:
    """FTS5: the words must all occur in a page's title or body; `bm25()` ranks, with the
    title counting twice as much as the body (as in the engine's mapping). In a language with
    a stemmer a word matches every word starting with its stem; Chinese words match as text
    inside the title or body (see search/languages.py)."""

    # Columns of wagtailsearch_indexentry_fts, in order: autocomplete, body, title.
    WEIGHTS = (0.0, 1.0, 2.0)

    def __init__(self, wagtail_backend):
        self.backend = wagtail_backend

    def match(self, words, locale=ALL_LANGUAGES):
        """The MATCH expression of the words (None when every word is Chinese)."""
        terms = []
        for word in words:
            if is_cjk(word):
                continue
            start = word_start(word, locale)
            # Each word quoted: FTS5 reads it as a plain term, never as query syntax.
            quoted = '"{}"'.format((start or word).replace('"', '""'))
            terms.append(quoted + " *" if start else quoted)
        if not terms:
            return None
        return "{title body} : (" + " AND ".join(terms) + ")"

    def sql(self, words, models, locale=ALL_LANGUAGES):
        fts = f"{IndexEntry._meta.db_table}_fts"
        entries = IndexEntry._meta.db_table
        types = content_type_ids(models)
        weights = ", ".join(str(weight) for weight in self.WEIGHTS)
        match = self.match(words, locale)
        conditions, condition_args = [], []
        if match is not None:
            score, score_args = f"-bm25({fts}, {weights})", []
            conditions.append(f"{fts} MATCH %s")
            condition_args.append(match)
        else:
            # Only Chinese words: found in the title ranks above found in the body.
            score = f"CASE WHEN instr({fts}.title, %s) > 0 THEN 2.0 ELSE 1.0 END"
            score_args = [words[0]]
        for word in words:
            if is_cjk(word):
                conditions.append(f"instr({fts}.title || ' ' || {fts}.body, %s) > 0")
                condition_args.append(word)
        sql = (
            f"SELECT CAST(e.object_id AS INTEGER) AS page_id, e.id AS entry, {score} AS score "
            f"FROM {fts} JOIN {entries} e ON e.id = {fts}.rowid "
            f"WHERE {' AND '.join(conditions)} "
            f"AND e.content_type_id IN ({', '.join(['%s'] * len(types))})"
        )
        return sql, [*score_args, *condition_args, *types]

    def rank(self, words, locale=ALL_LANGUAGES):
        """(SQL join, score expression, parameters) for ordering the hits of `m`: bm25() can
        only be worked out by the MATCH itself, so it came with the rows."""
        return "", "m.score", []


class PostgresRanking:
    """PostgreSQL full-text search as Wagtail indexes it: every word must match (stemmed in
    the text search configuration of the language searched: search/languages.py), `(title ||
    body) @@ query` uses the GIN index of migration search.0002, and the score is Wagtail's
    own: `ts_rank` of the title (scaled by its length factor `title_norm`) plus `ts_rank` of
    the body. Across every language, a word matches as any of the languages reads it.
    Chinese words match as text inside the title or body."""

    def __init__(self, wagtail_backend):
        self.backend = wagtail_backend
        # SEARCH_CONFIG of the backend, or the database's default_text_search_config.
        self.config = getattr(wagtail_backend, "config", None)

    def _one(self, config, text):
        if config:
            return "to_tsquery(%s::regconfig, %s)", [config, text]
        return "to_tsquery(%s)", [text]

    def tsquery(self, words, locale=ALL_LANGUAGES):
        """to_tsquery(…) SQL and its parameters: every word, quoted, joined with &; None
        when there are no such words (only Chinese ones)."""
        words = [word for word in words if not is_cjk(word)]
        if not words:
            return None, []
        text = " & ".join(
            "'{}'".format(word.replace("'", "''").replace("\\", "\\\\")) for word in words
        )
        if locale != ALL_LANGUAGES:
            return self._one(postgres_config(locale, self.config), text)
        configs = [self.config]
        for code in LANGUAGES:
            config = postgres_config(code, self.config)
            if config not in configs:
                configs.append(config)
        parts, args = [], []
        for config in configs:
            sql, config_args = self._one(config, text)
            parts.append(sql)
            args.extend(config_args)
        return "(" + " || ".join(parts) + ")", args

    def _cjk(self, words, alias="e"):
        conditions, args = [], []
        for word in words:
            if is_cjk(word):
                conditions.append(f"strpos({alias}.title_text || ' ' || {alias}.body_text, %s) > 0")
                args.append(word)
        return conditions, args

    def sql(self, words, models, locale=ALL_LANGUAGES):
        entries = IndexEntry._meta.db_table
        types = content_type_ids(models)
        query, query_params = self.tsquery(words, locale)
        conditions = [f"(e.title || e.body) @@ {query}"] if query else []
        cjk, cjk_params = self._cjk(words)
        sql = (
            "SELECT CAST(e.object_id AS INTEGER) AS page_id, e.id AS entry, "
            "CAST(NULL AS float) AS score "
            f"FROM {entries} e "
            f"WHERE {' AND '.join([*conditions, *cjk])} "
            f"AND e.content_type_id IN ({', '.join(['%s'] * len(types))})"
        )
        return sql, [*query_params, *cjk_params, *types]

    def rank(self, words, locale=ALL_LANGUAGES):
        """(SQL join, score expression, parameters) for ordering the hits of `m`: the index
        row joined back, and ranked only for the pages that can be hits."""
        from modelsearch.backends.database.postgres.weights import get_sql_weights

        join = f" JOIN {IndexEntry._meta.db_table} e ON e.id = m.entry"
        query, query_params = self.tsquery(words, locale)
        if query is None:
            # Only Chinese words: found in the title ranks above found in the body.
            return join, "CASE WHEN strpos(e.title_text, %s) > 0 THEN 2.0 ELSE 1.0 END", [words[0]]
        weights = get_sql_weights()
        score = (
            f"ts_rank(%s::float4[], e.title, {query}) * e.title_norm "
            f"+ ts_rank(%s::float4[], e.body, {query})"
        )
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
