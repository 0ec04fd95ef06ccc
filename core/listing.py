"""How the index pages (cases, science) get their listings: from whichever app answers the
`page_listing` Wagtail hook (the search app does), so page apps never import search and
search may import them."""

from django.core.exceptions import ImproperlyConfigured

from wagtail import hooks


def page_listing(request, content_type):
    """The hook's answer for `content_type` ("case" or "article"): a context dict with
    `search`, `params`, `facets` and `panel`, or `error` for a bad filter."""
    for listing in hooks.get_hooks("page_listing"):
        return listing(request, content_type)
    raise ImproperlyConfigured("No app registers the page_listing hook (the search app does).")
