"""The one place where settings read the process environment."""

import os

import dj_database_url

BASE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Search backends selectable with SEARCH_BACKEND; the database backend needs no server.
# The engine backends are Wagtail's own, subclassed in search/engines/ to index the country code.
SEARCH_BACKENDS = {
    "database": "search.engines.database",
    "elasticsearch8": "search.engines.elasticsearch8",
    "elasticsearch9": "search.engines.elasticsearch9",
    "opensearch2": "search.engines.opensearch2",
}


def get(name, default=None):
    return os.environ.get(name, default)


def get_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def get_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def database(default_sqlite_name="db.sqlite3"):
    default = "sqlite:///" + os.path.join(BASE_DIR, default_sqlite_name)
    return dj_database_url.parse(os.environ.get("DATABASE_URL", default), conn_max_age=60)


def search_backend():
    name = os.environ.get("SEARCH_BACKEND", "database")
    try:
        backend = SEARCH_BACKENDS[name]
    except KeyError:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            f"SEARCH_BACKEND={name!r} is not one of {', '.join(SEARCH_BACKENDS)}"
        ) from None
    config = {"BACKEND": backend}
    if name != "database":
        config.update(
            {
                "URLS": [os.environ.get("SEARCH_URL", "http://127.0.0.1:9200")],
                "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "closercities_"),
                "TIMEOUT": 10,
                "OPTIONS": {},
                "INDEX_SETTINGS": {
                    "settings": {"index": {"number_of_shards": 1, "number_of_replicas": 0}}
                },
            }
        )
    return {"default": config}


TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def tasks(default="immediate"):
    name = os.environ.get("TASKS_BACKEND", default)
    if name not in TASKS_BACKENDS:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            f"TASKS_BACKEND={name!r} is not one of {', '.join(TASKS_BACKENDS)}"
        )
    return {"default": {"BACKEND": TASKS_BACKENDS[name]}}
