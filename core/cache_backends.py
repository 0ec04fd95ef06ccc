"""Django's own Redis cache, made safe to lose: production's shared cache.

Production keeps the rate limits, the cached API answers and the content version in Redis
(`REDIS_URL`). Redis is a cache, not a store, so the site must keep serving when it is down:
this is Django's `RedisCache` (redis-py, with hiredis as its parser), except that a failing
Redis reads as a miss and a write is dropped, instead of an error page. After a failure the
process leaves Redis alone for `DOWN_SECONDS` (an OPTION, default 2) rather than paying a
connection timeout on every cache call, then tries again.

Rate limits must know whether they could count: `count_hit()` raises `CacheUnavailable`,
so the read API's limit can let the request through (fail open) and the submission limit can
refuse it (fail closed).
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.utils.functional import cached_property

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

COUNT_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[1])
return {count, redis.call('MGET', unpack(KEYS, 2))}
"""


class CacheUnavailable(Exception):
    """The shared cache could not be reached; nothing was counted."""


def count_hit(cache, key, previous_key, timeout, also=()):
    """`cache` is a backend (`caches[alias]`, not the `cache` proxy). Count one request in the
    window `key` and read the previous window's count, for a sliding-window rate limit; read
    the cache keys `also` at the same time. Returns (this window's count including this hit,
    the previous window's, {key: value} of `also` that are there).

    On Redis this is one round trip (INCR, EXPIRE and MGET in one Lua script) and the increment
    is atomic across every server process. Other caches (the database cache of a small
    install, the local-memory cache of the tests) read everything at once and write one count.
    """
    if isinstance(cache, ResilientRedisCache):
        return cache.count_hit(key, previous_key, timeout, also)
    # A read and a write: two requests of one client at the same instant may count once,
    # which a limit of hundreds a minute can afford on a small install.
    found = cache.get_many([key, previous_key, *also])
    current = found.pop(key, 0) + 1
    cache.set(key, current, timeout)
    return current, found.pop(previous_key, 0), found


def _degrades_to(fallback):
    """Run a cache call; when Redis fails, log it, keep away for a while, return `fallback`."""

    def wrap(method):
        def call(self, *args, **kwargs):
            if self._down_until > time.monotonic():
                return fallback(*args, **kwargs) if callable(fallback) else fallback
            try:
                result = method(self, *args, **kwargs)
            except RedisError as error:
                self._went_down(error)
                return fallback(*args, **kwargs) if callable(fallback) else fallback
            self._came_back()
            return result

        call.__name__ = method.__name__
        call.__doc__ = method.__doc__
        return call

    return wrap


class ResilientRedisCache(RedisCache):
    """`django.core.cache.backends.redis.RedisCache` that serves misses while Redis is down."""

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS", {}))
        self.down_seconds = float(options.pop("DOWN_SECONDS", 2))
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._down_until = 0.0
        self._down = False

    def _went_down(self, error):
        self._down_until = time.monotonic() + self.down_seconds
        if not self._down:
            self._down = True
            logger.warning("Redis cache unavailable, serving uncached: %s", error)

    def _came_back(self):
        if self._down:
            self._down = False
            logger.warning("Redis cache reachable again")

    def count_hit(self, key, previous_key, timeout, also=()):
        """See `count_hit()`; raises CacheUnavailable when Redis cannot be reached."""
        if self._down_until > time.monotonic():
            raise CacheUnavailable("Redis is down")
        names = {self.make_and_validate_key(name): name for name in (previous_key, *also)}
        keys = [self.make_and_validate_key(key), *names]
        try:
            current, values = self._count_script(keys=keys, args=[timeout], client=self._client)
        except RedisError as error:
            self._went_down(error)
            raise CacheUnavailable(str(error)) from error
        self._came_back()
        loads = self._cache._serializer.loads
        found = {
            name: loads(value)
            for name, value in zip(names.values(), values, strict=True)
            if value is not None
        }
        return current, found.pop(previous_key, 0), found

    @cached_property
    def _client(self):
        # One client per process for the counter: Django makes a new one per cache call,
        # which costs more CPU than the rest of a cached answer's path through Redis.
        return self._cache.get_client(None, write=True)

    @cached_property
    def _count_script(self):
        # INCR, EXPIRE and MGET as one command with one reply: the cheapest round trip.
        return self._client.register_script(COUNT_SCRIPT)

    @_degrades_to(False)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    @_degrades_to(lambda key, default=None, version=None: default)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @_degrades_to(None)
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version)

    @_degrades_to(False)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @_degrades_to(False)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_degrades_to(lambda keys, version=None: {})
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_degrades_to(False)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    def incr(self, key, delta=1, version=None):
        # Django's contract for a key that is not there; callers then add() it.
        try:
            return self._incr(key, delta, version)
        except CacheUnavailable:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).") from None

    @_degrades_to(lambda *args, **kwargs: _raise(CacheUnavailable("Redis is down")))
    def _incr(self, key, delta, version):
        return super().incr(key, delta, version)

    @_degrades_to(lambda data, *args, **kwargs: list(data))
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    @_degrades_to(None)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    @_degrades_to(False)
    def clear(self):
        return super().clear()


def _raise(error):
    raise error
