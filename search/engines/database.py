"""Wagtail's database search backend, with SQLite's FTS5 taught to take a double quote as
text. The stock SQLite backend wraps each word in double quotes without doubling the quotes
inside it, so a search for `5"` or a lone `"` (through Wagtail's API `?search=`, say) is an
FTS5 syntax error and the request a server error. On PostgreSQL, each page's text is indexed
in its language's configuration (search/engines/postgres.py). Elsewhere (SQLite without FTS5)
the stock backend is used as it is. Select with SEARCH_BACKEND=database (the default)."""

from django.db import connection

from wagtail.search.backends.database import SearchBackend as stock_backend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = stock_backend(params)
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend, PostgresSearchBackend

        if type(backend) is PostgresSearchBackend:
            return PostgresBackend(params)
        return backend
    if connection.vendor != "sqlite":
        return backend
    from .sqlite import SQLiteBackend, SQLiteSearchBackend

    if type(backend) is SQLiteSearchBackend:
        return SQLiteBackend(params)
    return backend
