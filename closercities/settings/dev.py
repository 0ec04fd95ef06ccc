from .base import *  # noqa: F403
from .env import get, get_bool, get_list

DEBUG = True
# A key for local development only; production refuses to start without SECRET_KEY.
SECRET_KEY = get("SECRET_KEY", "dev-only-not-secret-closercities")  # noqa: S105
ALLOWED_HOSTS = get_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
# Missing pages get the site's own 404 page, as in production; DJANGO_TECHNICAL_404=1 brings
# back Django's technical 404 (the URL patterns tried) for debugging routes.
DEBUG_TECHNICAL_404 = get_bool("DJANGO_TECHNICAL_404")
