"""Rate limits kept in the shared cache, cheap enough to sit in front of cached answers.

DRF's own `SimpleRateThrottle` keeps a list of every request's time per client and rewrites it
on each request (a read and a write of a growing pickled list). These limits count instead:
one counter per client and window, in one round trip to Redis (increment, expiry and the
previous window's count together, atomic across every server process). The previous window's
count is weighed by how much of it still overlaps the last `duration` seconds (the
sliding-window estimate), so a client cannot double its rate at a window's edge.

When the cache cannot be reached nothing can be counted: the read API lets requests through
(`fail_open`: reads never go down with Redis), the public submissions refuse them (an unlimited
form is an open door for spam).
"""

import math
import time

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches

from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle

from .cache_backends import CacheUnavailable, count_hit
from .caching import answer_keys


class WindowRateThrottle(SimpleRateThrottle):
    """`SimpleRateThrottle` (same `rate`, `scope`, `get_cache_key()`, 429 with Retry-After)
    counted in sliding windows. Subclasses say whether an unreachable cache lets requests
    through (`fail_open`)."""

    fail_open = True
    # Retry-After when the cache is down and the limit fails closed.
    unavailable_wait = 60

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        now = time.time()
        window, into = divmod(now, self.duration)
        window = int(window)
        try:
            current, previous, found = count_hit(
                caches[DEFAULT_CACHE_ALIAS],
                f"{key}:{window}",
                f"{key}:{window - 1}",
                2 * self.duration,
                also=self.read_along(request),
            )
        except CacheUnavailable:
            self._wait = None if self.fail_open else self.unavailable_wait
            return self.fail_open
        # What the view will read from the cache next came in the same round trip.
        request.closercities_cache_read = found
        overlap = 1 - into / self.duration
        if previous * overlap + current <= self.num_requests:
            return True
        # Until the estimate falls back to the limit: the previous window's weight shrinks
        # through this window; past its end, this window's count is the "previous" one.
        if current <= self.num_requests and previous:
            seconds = (previous * overlap + current - self.num_requests) / previous
            seconds *= self.duration
        else:
            seconds = (self.duration - into) + self.duration * (1 - self.num_requests / current)
        self._wait = min(self.duration, max(1, math.ceil(seconds)))
        return False

    def wait(self):
        return getattr(self, "_wait", None)

    def read_along(self, request):
        """Cache keys the view is going to read, fetched with the count."""
        return ()


class AnonymousAPIThrottle(WindowRateThrottle, AnonRateThrottle):
    """The anonymous rate limit of the read API (API_ANON_THROTTLE_RATE, e.g. "300/minute").

    Over the limit a client gets HTTP 429 with Retry-After (DRF's own answer). The count is
    kept in Django's cache, per client address; with the cache down, reads are not limited.
    """

    fail_open = True

    def read_along(self, request):
        # A read's cached answer and the content version it is checked against: with them
        # fetched here, a cached answer costs one round trip to the cache in all.
        return answer_keys(request) if request.method == "GET" else ()

    def get_rate(self):
        # Empty: no limit (for measuring what the limit costs; never in production).
        return settings.API_ANON_THROTTLE_RATE or None


class SubmissionRateThrottle(WindowRateThrottle):
    """A limit on writes from the public: with the cache down it refuses (429, Retry-After)
    rather than letting unlimited submissions in."""

    fail_open = False
