"""The SQLite half of search/engines/database.py: modelsearch's SQLite module can only be
imported where SQLite is the database (it looks up a model that exists only there)."""

from wagtail.search.query import PlainText

from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)

__all__ = ["SQLiteBackend", "SQLiteSearchBackend"]


class _QuotesAsText:
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText) and '"' in query.query_string:
            # FTS5 reads "" inside a quoted string as one literal quote.
            query = PlainText(
                query.query_string.replace('"', '""'), operator=query.operator, boost=query.boost
            )
        return super().build_search_query_content(query, config)


class QueryCompiler(_QuotesAsText, SQLiteSearchQueryCompiler):
    pass


class AutocompleteQueryCompiler(_QuotesAsText, SQLiteAutocompleteQueryCompiler):
    pass


class SQLiteBackend(SQLiteSearchBackend):
    query_compiler_class = QueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
