"""The site in several languages: the language switcher, `<link rel="alternate" hreflang>`
for search engines, the text direction, and the site's own links in the visitor's language."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_bidi

from wagtail.models import Page

register = template.Library()


def language_prefix(code=None):
    """'' for the default language (unprefixed), '/fr' for French."""
    code = code or get_language() or settings.LANGUAGE_CODE
    return "" if code == settings.LANGUAGE_CODE else f"/{code}"


@register.simple_tag
def lang_url(path):
    """One of the site's own addresses ("/cases/") in the visitor's language ("/fr/cases/")."""
    return language_prefix() + path


@register.simple_tag
def text_direction():
    """ "rtl" for Arabic (and any other right-to-left language), else "ltr"."""
    return "rtl" if get_language_bidi() else "ltr"


def _page_versions(request, page):
    """{language code: (url, exact)} for a Wagtail page: its live translation in each
    language, else the nearest ancestor translated into it (exact False), else that
    language's home page."""
    ancestors = list(page.get_ancestors(inclusive=True).filter(depth__gt=1).order_by("-depth"))
    keys = [p.translation_key for p in ancestors]
    found = {}
    for candidate in (
        Page.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("-depth")
    ):
        found.setdefault((candidate.locale.language_code, candidate.translation_key), candidate)
    versions = {}
    for code, _name in settings.LANGUAGES:
        for position, ancestor in enumerate(ancestors):
            match = found.get((code, ancestor.translation_key))
            if match is not None:
                versions[code] = (match.get_url(request), position == 0)
                break
        else:
            versions[code] = (language_prefix(code) + "/", False)
    return versions


def _view_versions(request):
    """{language code: (url, exact)} for the site's other views (search, map, status pages):
    the same address with the other language's prefix, and the same query."""
    query = request.GET.urlencode()
    versions = {}
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        versions[code] = (url + (f"?{query}" if query else ""), True)
    return versions


@register.inclusion_tag("includes/language_links.html", takes_context=True)
def language_switcher(context):
    """The list of languages, each linking to this content in that language (or its nearest
    translated parent), with the current one marked."""
    return {"languages": _languages(context), "current": get_language()}


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    """`<link rel="alternate" hreflang>` for each language this content truly exists in."""
    request = context.get("request")
    languages = [item for item in _languages(context) if item["exact"]]
    for item in languages:
        item["absolute"] = request.build_absolute_uri(item["url"])
    default = next((item for item in languages if item["code"] == settings.LANGUAGE_CODE), None)
    return {"languages": languages, "default": default}


def _languages(context):
    request = context.get("request")
    if request is None:
        return []
    cache = getattr(request, "_language_versions", None)
    if cache is None:
        page = context.get("page")
        if isinstance(page, Page) and page.pk:
            cache = _page_versions(request, page)
        else:
            cache = _view_versions(request)
        request._language_versions = cache
    current = get_language()
    return [
        {
            "code": code,
            "name": name,
            "url": cache[code][0],
            "exact": cache[code][1],
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
