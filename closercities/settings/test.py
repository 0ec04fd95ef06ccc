from .base import *  # noqa: F403
from .env import get

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django's test runner sends every email to its in-memory outbox (locmem); tests that follow
# an email through the platform's outbox and task queue set EMAIL_BACKEND to
# submissions.mail.QueuedEmailBackend, which then delivers here.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
MEDIA_ROOT = get("TEST_MEDIA_ROOT", "/tmp/closercities-test-media")  # noqa: S108
# Tests never serve collected static files (the test client needs none; the live server uses
# the finders), so whitenoise must not scan static_collected/, which `collectstatic` may be
# rewriting at the same moment.
STATIC_ROOT = None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Meaning is off unless a test switches it on (tests/meaning/ load the real model once per
# session): every other test publishes pages without waiting for the model.
EMBEDDING_BACKEND = get("EMBEDDING_BACKEND", "none")
# wagtail-localize's dummy machine translator (reverses words), so the editor's "Machine
# translate" path runs in tests without a translation service.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
