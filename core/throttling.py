from django.conf import settings

from rest_framework.throttling import AnonRateThrottle


class AnonymousAPIThrottle(AnonRateThrottle):
    """The anonymous rate limit of the read API (API_ANON_THROTTLE_RATE, e.g. "300/minute").

    Over the limit a client gets HTTP 429 with Retry-After (DRF's own answer). The count is
    kept in Django's cache, per client address.
    """

    def get_rate(self):
        return settings.API_ANON_THROTTLE_RATE
