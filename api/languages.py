"""The languages of the API: the `locale` parameter every read endpoint takes, and each page's
`language` and `translations` (the same page in the other languages, live and public only).

A page's translations are read once per listing (one query for all its pages), never once per
page; drafts, unpublished and restricted translations are not in the queryset they are read
from, so they never leak.
"""

from django.conf import settings
from django.db.models import Q
from django.http import Http404

from wagtail.api.v2.filters import LocaleFilter

from rest_framework.fields import Field

from core.caching import share_site_root_paths

# `locale=all` (search only): every language at once.
ALL = "all"


def codes():
    """The language codes `locale` takes: the site's languages (settings.LANGUAGES)."""
    return [code for code, _ in settings.LANGUAGES]


def default_code():
    """The default language's code (English), as content is stored under it."""
    from wagtail.coreutils import get_supported_content_language_variant

    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def requested(request, default=None):
    """The `locale` a request asks for (already checked by the input guard), or `default`."""
    return request.GET.get("locale") or default


def condition(code, prefix=""):
    """A Q keeping the pages in the language `code` (none at all for a language that has no
    pages yet), or an empty Q for every language."""
    if not code or code == ALL:
        return Q()
    return Q(**{f"{prefix}locale__language_code": code})


class PageLanguageFilter(LocaleFilter):
    """Wagtail's own `?locale=` filter on the pages listing; a language of the site that has
    no pages yet is an empty listing, not 404."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except Http404:
            return queryset.none()


def attach_translations(pages, candidates):
    """Give each of `pages` its `_api_translations`: [{"locale", "id", "url"}] of the other
    pages with its translation key among `candidates` (the live, public pages), in one query.
    Returns `pages` as a list."""
    pages = list(pages)
    keys = {page.translation_key for page in pages}
    found = {}
    if keys:
        others = share_site_root_paths(
            candidates.filter(translation_key__in=keys)
            .select_related("locale")
            .order_by("locale__language_code", "pk")
        )
        for other in others:
            found.setdefault(other.translation_key, []).append(other)
    for page in pages:
        page._api_translations = [
            {"locale": other.locale.language_code, "id": other.pk, "url": other.get_full_url()}
            for other in found.get(page.translation_key, [])
            if other.pk != page.pk
        ]
    return pages


class TranslationsField(Field):
    """A page's `translations`: the same page in the other languages (live, public)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        if not hasattr(page, "_api_translations"):
            attach_translations([page], self.context["view"].get_base_queryset())
        return page._api_translations


class LanguageField(Field):
    """A page's `language`: the code of the language its text is written in (its locale)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return page.locale.language_code
