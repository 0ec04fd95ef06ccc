"""The site's own "page not found" page in development too."""

from django.conf import settings
from django.http import Http404
from django.urls import Resolver404, get_resolver


class SiteNotFoundMiddleware:
    """With DEBUG on, Django answers a missing page with its technical 404 (the URL patterns
    tried), so developers never see the 404 page visitors get. This answers with the site's
    own handler404 instead, for every path outside the admin. Set DEBUG_TECHNICAL_404=True
    (environment variable DJANGO_TECHNICAL_404=1) to get Django's technical page back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._applies(request):
            # An address no URL pattern matches never reaches a view (or process_exception).
            try:
                get_resolver().resolve(request.path_info)
            except Resolver404 as missing:
                return self._not_found(request, missing)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404) and self._applies(request):
            return self._not_found(request, exception)
        return None

    @staticmethod
    def _applies(request):
        return (
            settings.DEBUG
            and not getattr(settings, "DEBUG_TECHNICAL_404", False)
            and not request.path.startswith("/admin/")
        )

    @staticmethod
    def _not_found(request, exception):
        handler = get_resolver().resolve_error_handler(404)
        return handler(request, exception=exception)
