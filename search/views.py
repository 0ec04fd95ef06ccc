"""The search page at /search/: works without JavaScript (a plain GET form and links)."""

import time

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from wagtail.models import Page

from . import registry, searchlog, services
from .panel import panel


def page_facets():
    """The search page's facets, in the order its filter panel shows them: the page types'
    own facets (registry.py: article type, video, document type, ...) after the topics."""
    own = tuple(registry.extra_facets())
    return ("type", "sdg", "topic", *own, "region", "country", "status", "year")


def search_page(request):
    """Search box, facet checkboxes with counts, chips for the chosen filters, pagination."""
    started = time.perf_counter()
    context = {"query_error": None, "result": None}
    try:
        # In the visitor's language unless they chose another one (or "all").
        params = services.SearchParams.from_querydict(
            request.GET, default_locale=services.visitor_language()
        )
    except services.InvalidSearchParameter as error:
        visitor = services.visitor_language()
        params = services.SearchParams(
            q=" ".join(str(request.GET.get("q", "")).split())[:200],
            locale=visitor,
            default_locale=visitor,
        )
        context["query_error"] = error
    try:
        result = services.search(params, request=request)
    except services.SearchUnavailable:
        response = TemplateResponse(
            request, "search/search.html", {"params": params, "unavailable": True}, status=503
        )
        add_never_cache_headers(response)
        return response
    duration = (time.perf_counter() - started) * 1000
    log = None
    if context["query_error"] is None:
        log = searchlog.log_search(request, params, result, duration, source="page")
    facets = {name: result.facets.get(name, []) for name in page_facets()}
    context.update(
        {
            "params": params,
            "result": result,
            "facets": facets,
            "panel": panel(params, facets),
            "languages": language_choices(params),
            "search_id": log.pk if log else None,
            "first_position": (params.page - 1) * params.page_size,
        }
    )
    status = 400 if context["query_error"] else 200
    response = TemplateResponse(request, "search/search.html", context, status=status)
    add_never_cache_headers(response)
    return searchlog.remember(request, response)


def language_choices(params):
    """(value, label, selected) of the search page's language choice: each language of the
    site by its own name, then every language."""
    choices = [(code, name, params.locale == code) for code, name in settings.LANGUAGES]
    all_languages = services.ALL_LANGUAGES
    return [*choices, (all_languages, _("All languages"), params.locale == all_languages)]


def result_click(request, page_id):
    """Record that a visitor opened a result, then send them to it (published pages only)."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404("No published page has this id.")
    position = request.GET.get("position", "")
    search_id = request.GET.get("search", "")
    if position.isdigit() and int(position) > 0:
        searchlog.log_click(
            request, page.pk, int(position), int(search_id) if search_id.isdigit() else None
        )
    return redirect(page.get_url(request))
