from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import get, get_bool, get_list, tasks

DEBUG = False
TASKS = tasks(default="database")


def _required(name):
    value = get(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} is required in production.")
    return value


SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = get_list("ALLOWED_HOSTS") or _required("ALLOWED_HOSTS").split(",")
CSRF_TRUSTED_ORIGINS = get_list("CSRF_TRUSTED_ORIGINS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = get_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The search-research cookie (cc_search) goes over HTTPS only, like the session cookie.
SEARCH_COOKIE_SECURE = True
# No inline script runs anywhere: see closercities/settings/csp.py.
CONTENT_SECURITY_POLICY = SITE_CONTENT_SECURITY_POLICY  # noqa: F405

# Static files: whitenoise serves them with content-hashed names (cacheable for ever) and
# pre-compressed copies, written by `manage.py collectstatic`.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# One cache for every server process. Rate limits (5 submissions an hour, the anonymous API
# rate) and the API's answer cache must be counted and emptied once, not once per gunicorn
# worker. The database cache needs no other service; `manage.py createcachetable` (run by
# `make migrate`) creates its table.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": get("CACHE_TABLE", "closercities_cache"),
    }
}
