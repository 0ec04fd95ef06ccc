"""The site's own "page not found" page in development too, and the Content-Security-Policy
with its one exception for Wagtail's admin."""

from django.conf import settings
from django.http import Http404
from django.urls import Resolver404, get_resolver, reverse

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware


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


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with one exception to the site's policy: Wagtail's admin still
    writes inline scripts of its own (its widgets start their date pickers, image choosers and
    inline panels from inline <script> elements whose content changes with every form), so under
    the admin's address, and only there, scripts may also be inline. Everywhere else, the
    public site included, scripts come from this site's files only."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(_admin_prefix()):
            parts.update = {**(parts.update or {}), "script-src": [UNSAFE_INLINE]}
        return parts


def _admin_prefix():
    return reverse("wagtailadmin_home")
