import pytest

from tests.core.redis_server import CountingConnection, RedisServer


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(redis_server, settings, monkeypatch):
    """Production's cache configuration (closercities.settings.env.cache) pointed at the
    test's own Redis, counting round trips."""
    from closercities.settings import env

    monkeypatch.setenv("REDIS_URL", redis_server.url)
    monkeypatch.setenv("REDIS_DOWN_SECONDS", "0")
    caches = env.cache()
    caches["default"]["OPTIONS"]["connection_class"] = CountingConnection
    settings.CACHES = caches
    return redis_server


@pytest.fixture
def round_trips():
    """Counts round trips to Redis inside `with round_trips() as counted: ...`; then
    `counted()` is the number."""
    from contextlib import contextmanager

    @contextmanager
    def counting():
        start = CountingConnection.sends
        yield lambda: CountingConnection.sends - start

    return counting
