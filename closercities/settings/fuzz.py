"""Production settings as the API fuzzer runs them (scripts/api_fuzz.sh): the same code paths,
except that nothing is cached, so that no rate limit turns a generated request into a 429
before it reaches the endpoint's logic, and no cached answer stands in for running it."""

from .env import get
from .production import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
# Uploads made while fuzzing go to the fuzzer's own folder, never the project's media/.
MEDIA_ROOT = get("MEDIA_ROOT", MEDIA_ROOT)  # noqa: F405
