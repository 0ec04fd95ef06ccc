"""Lets a shared cache in front of the site (nginx's proxy_cache in deploy/) keep the pages that
anonymous visitors read, for PAGE_CACHE_MAX_AGE seconds (0: never; production: 60).

Only answers that are the same for every anonymous visitor are marked `public`: a GET of an
HTML page with status 200, from a visitor without a session (never a logged-in editor, never
someone who unlocked a password-protected page), that sets no cookie (a form's CSRF token) and
has not said itself how it may be cached (the search page says "never", the API says its own).
"""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        max_age = getattr(settings, "PAGE_CACHE_MAX_AGE", 0)
        if max_age and self._same_for_every_visitor(request, response):
            patch_cache_control(response, public=True, max_age=max_age)
            # A cache must not hand this copy to someone who has a session.
            patch_vary_headers(response, ["Cookie"])
        return response

    @staticmethod
    def _same_for_every_visitor(request, response):
        return (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and not response.has_header("Cache-Control")
            and not response.cookies
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith("/admin/")
        )
