"""Wagtail's database search backend, with SQLite's FTS5 taught to take a double quote as
text. The stock SQLite backend wraps each word in double quotes without doubling the quotes
inside it, so a search for `5"` or a lone `"` (through Wagtail's API `?search=`, say) is an
FTS5 syntax error and the request a server error. Elsewhere (PostgreSQL, or SQLite without
FTS5) the stock backend is used as it is. Select with SEARCH_BACKEND=database (the default)."""

from wagtail.search.backends.database import SearchBackend as stock_backend
from wagtail.search.query import PlainText

from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)


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


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = stock_backend(params)
    if type(backend) is SQLiteSearchBackend:
        return SQLiteBackend(params)
    return backend
