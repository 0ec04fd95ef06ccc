"""Search logs for research into how urban professionals search.

What is kept: the normalised query, the filters, the result count, the page, how long it took,
and an anonymous session id. The session id is a salted hash of a random first-party cookie
value and the date, so the same visitor's searches can be grouped within a day but not across
days, and never traced to a person. No IP address or user agent is ever stored.
"""

import hashlib
import logging
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query

from .models import SearchClick, SearchLog
from .services import normalise_query

logger = logging.getLogger(__name__)

COOKIE_NAME = "cc_search"


def visitor_token(request):
    """The random value of the visitor's search cookie, or a new one (set by `remember`)."""
    token = request.COOKIES.get(COOKIE_NAME, "")
    if not (16 <= len(token) <= 64) or not token.replace("-", "").replace("_", "").isalnum():
        token = getattr(request, "_search_token", None) or secrets.token_urlsafe(16)
        request._search_token = token
    return token


def remember(request, response):
    """Give a new visitor the random search cookie (it holds nothing about them); over HTTPS
    only where the site is served on HTTPS (SEARCH_COOKIE_SECURE, on in production)."""
    token = getattr(request, "_search_token", None)
    if token:
        response.set_cookie(
            COOKIE_NAME,
            token,
            samesite="Lax",
            httponly=True,
            secure=getattr(settings, "SEARCH_COOKIE_SECURE", False),
        )
    return response


def session_hash(request, day=None):
    day = day or timezone.now().date()
    salt = getattr(settings, "SEARCH_LOG_SALT", settings.SECRET_KEY)
    raw = f"{salt}:{day.isoformat()}:{visitor_token(request)}"
    return hashlib.sha256(raw.encode()).hexdigest()


def log_search(request, params, result, duration_ms, source):
    """Record one search; a failure here is logged and never breaks the search."""
    try:
        # A savepoint, so a failed insert cannot spoil the rest of the request's transaction.
        with transaction.atomic():
            if params.q:
                # Wagtail's own daily hit count: editors see popular searches when they
                # choose promoted results.
                Query.get(params.q).add_hit()
            return SearchLog.objects.create(
                session=session_hash(request),
                source=source,
                query=normalise_query(params.q)[:200],
                filters=params.filters_for_log(),
                order=params.order,
                page=params.page,
                result_count=result.count,
                duration_ms=round(duration_ms, 2),
            )
    except Exception:
        logger.exception("Could not log a search")
        return None


def log_click(request, page_id, position, search_id=None):
    try:
        with transaction.atomic():
            search = SearchLog.objects.filter(pk=search_id).first() if search_id else None
            return SearchClick.objects.create(
                session=session_hash(request), search=search, page_id=page_id, position=position
            )
    except Exception:
        logger.exception("Could not log a search click")
        return None
