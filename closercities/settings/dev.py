from .base import *  # noqa: F403
from .env import get, get_list

DEBUG = True
# A key for local development only; production refuses to start without SECRET_KEY.
SECRET_KEY = get("SECRET_KEY", "dev-only-not-secret-closercities")  # noqa: S105
ALLOWED_HOSTS = get_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
