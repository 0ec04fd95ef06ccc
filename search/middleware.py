"""A search engine that cannot be reached answers 503 Service Unavailable with a clear
message, on every page and endpoint that searches, rather than a server error.

The platform's own search views catch the engine's errors themselves (the search page, the
search API, suggestions, the case index, which lists from the database when it has no text).
This middleware catches what reaches the engine through Wagtail itself: `?search=` on the
pages APIs v2 and v3, and the admin's searches."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext

from .services import is_engine_error

# Seconds a client may wait before trying again: the engine usually returns within this.
RETRY_AFTER = 30


def unavailable_message():
    return gettext("Search is unavailable for a moment. Please try again shortly.")


def unavailable_response(request):
    """503 for a request that needed the search engine: JSON under /api/, a page elsewhere."""
    if request.path.startswith("/api/"):
        response = JsonResponse({"message": unavailable_message()}, status=503)
    else:
        response = TemplateResponse(
            request,
            "search/unavailable.html",
            {"message": unavailable_message()},
            status=503,
        ).render()
    response["Retry-After"] = str(RETRY_AFTER)
    add_never_cache_headers(response)
    return response


class SearchUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_engine_error(exception):
            return unavailable_response(request)
        return None
