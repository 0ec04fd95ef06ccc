from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Faceted search over cases and articles, the index that serves it, and search logging."""

    name = "search"
    label = "search"
    verbose_name = "Search"

    def ready(self):
        from . import signals

        signals.connect()
