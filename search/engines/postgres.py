"""The PostgreSQL half of search/engines/database.py: each page's text indexed in its own
language's text-search configuration (search/languages.py), so French text is stemmed as
French. Imported only where PostgreSQL is the database."""

from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

from ..languages import locale_codes, page_language, postgres_config

__all__ = ["PostgresBackend", "PostgresSearchBackend"]


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        codes = locale_codes()
        default = self.backend.config
        groups = {}
        for obj in objs:
            config = postgres_config(page_language(obj, codes), default)
            groups.setdefault(config, []).append(obj)
        # Wagtail's indexer reads the configuration from its backend: one batch per language.
        try:
            for config, group in groups.items():
                self.backend.config = config
                super().add_items(model, group)
        finally:
            self.backend.config = default


class PostgresBackend(PostgresSearchBackend):
    index_class = LanguageIndex
