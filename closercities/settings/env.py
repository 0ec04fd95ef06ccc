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


# SQLite reads the file through memory mapping (up to 1 GiB): the search joins look up
# thousands of rows at random, and one read() per page costs a third of the time.
SQLITE_INIT = "PRAGMA mmap_size=1073741824;"


def database(default_sqlite_name="db.sqlite3"):
    default = "sqlite:///" + os.path.join(BASE_DIR, default_sqlite_name)
    config = dj_database_url.parse(os.environ.get("DATABASE_URL", default), conn_max_age=60)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # SQLite has no row locks: a transaction takes the write lock when it begins, so two
        # requests changing the same thing wait for each other (up to `timeout` seconds)
        # instead of failing with "database is locked".
        options = config.setdefault("OPTIONS", {})
        options.update(transaction_mode="IMMEDIATE", timeout=20)
        options.setdefault("init_command", SQLITE_INIT)
    elif "postgresql" in config["ENGINE"]:
        # No JIT compilation: it adds 100-150 ms to the search and map statements once their
        # estimated cost passes jit_above_cost, and pays off only for long analytical queries.
        # random_page_cost 1.1 (PostgreSQL's default, 4, models spinning disks): with it the
        # planner looks up thousands of index rows rather than reading a whole large table,
        # a third less time for the search statement at 100,000 cases.
        config.setdefault("OPTIONS", {}).setdefault("options", "-c jit=off -c random_page_cost=1.1")
    return config


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
                # Several nodes of one cluster: comma-separated; the client spreads requests
                # over them and stops using a node that does not answer.
                "URLS": get_list("SEARCH_URL", "http://127.0.0.1:9200"),
                "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "closercities_"),
                "TIMEOUT": 10,
                "OPTIONS": {},
                "INDEX_SETTINGS": {
                    "settings": {
                        "index": {
                            "number_of_shards": 1,
                            # 1 on a cluster: each shard also lives on a second node.
                            "number_of_replicas": int(os.environ.get("SEARCH_INDEX_REPLICAS", "0")),
                        }
                    }
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


def cache(default_table="closercities_cache"):
    """Django's cache for every server process: Redis at `REDIS_URL` (rate limits, cached
    answers and the content version, shared by all gunicorn workers and hosts), or without it a
    database table (`CACHE_TABLE`, made by `manage.py createcachetable`), which needs no other
    service but costs database queries."""
    url = os.environ.get("REDIS_URL")
    if url:
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        timeout = float(os.environ.get("REDIS_TIMEOUT", "0.5"))
        return {
            "default": {
                # Django's RedisCache (redis-py, hiredis) that answers "miss" while Redis is
                # down instead of failing the request (core/cache_backends.py).
                "BACKEND": "core.cache_backends.ResilientRedisCache",
                "LOCATION": url,
                "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "closercities"),
                "TIMEOUT": 600,
                "OPTIONS": {
                    "parser_class": "redis.connection._HiredisParser",
                    # A dead Redis must cost a request milliseconds, not redis-py's 5 s.
                    "socket_connect_timeout": timeout,
                    "socket_timeout": timeout * 2,
                    # One immediate retry on a fresh connection: a restarted Redis drops the
                    # pool's idle connections, which is not an outage.
                    "retry": Retry(NoBackoff(), 1),
                    "health_check_interval": 30,
                    # After a failure, leave Redis alone this long (no connection attempt per
                    # cache call), then try again.
                    "DOWN_SECONDS": float(os.environ.get("REDIS_DOWN_SECONDS", "2")),
                },
            }
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": os.environ.get("CACHE_TABLE", default_table),
            "TIMEOUT": 600,
            "OPTIONS": {
                # Django's default keeps 300 entries: too few for the API's answers (one per
                # URL) and the rate limits' counters (one per client and minute).
                "MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "50000")),
                # When full, drop a tenth (the oldest to expire first), not a third.
                "CULL_FREQUENCY": 10,
            },
        }
    }
