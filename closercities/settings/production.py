from email.utils import parseaddr

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import cache, get, get_bool, get_list, tasks

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


def _base_url():
    """Links in emails need the site's address: WAGTAILADMIN_BASE_URL, else https:// and the
    first host name of ALLOWED_HOSTS."""
    if url := get("WAGTAILADMIN_BASE_URL"):
        return url.rstrip("/")
    host = ALLOWED_HOSTS[0].strip()
    if not host or host == "*" or host.startswith("."):
        raise ImproperlyConfigured(
            "Set WAGTAILADMIN_BASE_URL (e.g. https://closercities.org): the site's address "
            "cannot be told from ALLOWED_HOSTS."
        )
    return f"https://{host}"


WAGTAILADMIN_BASE_URL = _base_url()

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
STATIC_ROOT = get("STATIC_ROOT", STATIC_ROOT)  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# One cache for every server process and host: rate limits (5 submissions an hour, the
# anonymous API rate), the API's cached answers and the content version are counted and emptied
# once, not once per gunicorn worker. Redis when REDIS_URL is set (production); otherwise a
# database table that needs no other service (`manage.py createcachetable`, run by
# `make migrate`). See env.cache().
CACHES = cache()
# nginx (deploy/nginx/) keeps anonymous visitors' pages this long; publishing shows there
# within a minute.
PAGE_CACHE_MAX_AGE = int(get("PAGE_CACHE_MAX_AGE", "60"))

# --- Logging, error reports and Sentry ---------------------------------------------------------
# Every log record goes to stderr as one JSON object per line (core/logs.py), for the service
# manager's journal or any log shipper: server errors (HTTP 500) with their traceback, the
# background worker's retries and database outages, the search index's retries. Request errors
# are also emailed to ADMINS ("Name <address>, …") when set, and everything at ERROR goes to
# Sentry when SENTRY_DSN is set.
ADMINS = [
    (name or address, address)
    for name, address in (parseaddr(admin) for admin in get_list("ADMINS"))
]
SERVER_EMAIL = get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
LOG_LEVEL = get("LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "formatters": {"json": {"()": "core.logs.JsonFormatter"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "json",
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
            # Straight to the transport (EMAIL_TIMEOUT bounds it): an error report must not
            # wait in the database's email queue, since the database may be what failed.
            "email_backend": EMAIL_DELIVERY_BACKEND,  # noqa: F405
        },
    },
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    "loggers": {
        # Replaces Django's default handlers (console only with DEBUG, mail_admins); its
        # records reach stderr through the root logger.
        "django": {"handlers": ["mail_admins"], "level": LOG_LEVEL, "propagate": True},
        # 5xx only: every 404 from a crawler is not news (nginx's access log has them).
        "django.request": {"level": "ERROR"},
        # Forged Host headers are logged but never mailed: anyone can send them.
        "django.security.DisallowedHost": {"handlers": ["stderr"], "propagate": False},
        # The search engine clients log every request at INFO.
        "opensearch": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
    },
}

SENTRY_DSN = get("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        environment=get("SENTRY_ENVIRONMENT", "production"),
        release=get("SENTRY_RELEASE") or None,
        traces_sample_rate=float(get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        # Visitors' addresses, cookies and request bodies (a submission holds the submitter's
        # email) never leave for Sentry.
        send_default_pii=False,
        max_request_body_size="never",
    )
