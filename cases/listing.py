"""How the case index gets its listing: from whichever app answers the `page_listing` Wagtail
hook (the search app does), so cases never imports search and search may import cases."""

from django.core.exceptions import ImproperlyConfigured

from wagtail import hooks


def page_listing(request, content_type):
    """The hook's answer: a context dict with `search`, `params` and `facets`, or `error`."""
    for listing in hooks.get_hooks("page_listing"):
        return listing(request, content_type)
    raise ImproperlyConfigured("No app registers the page_listing hook (the search app does).")
