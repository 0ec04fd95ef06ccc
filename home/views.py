"""The site's views that are not Wagtail pages: the map of cases, the SDG colour stylesheet,
robots.txt and the favicon.

The map is a plain view rather than a Wagtail page: it has no editorial content, lives at one
fixed address (/map/) that the rest of the site and partners link to, and reads everything it
shows from the public map API (/api/v2/map/), so there is nothing for editors to manage.
"""

import re

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from django_countries import countries

from cases.models import CasePage, Status
from taxonomy.models import SDG, Topic
from taxonomy.regions import REGION_CHOICES, SUBREGIONS

from .templatetags.site_tags import contrast_text

HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")

MAP_API_URL = "/api/v2/map/"
EVENTS_API_URL = "/api/v2/map/events/"
LAYERS = ("", "cases", "events")
# Where a popup reads the case's summary when it opens (the map's GeoJSON stays small).
PAGES_API_URL = "/api/v2/pages/"
# The map API's filters, as the form on the map page names them.
MAP_FILTERS = ("sdg", "topic", "country", "region", "status", "year_from", "year_to")


@require_safe
def case_map(request):
    """The map page: markers for every published case, filterable by everything the map API
    accepts (SDG, topic, country, region, status, start years), and, as their own layer, every
    upcoming event in person."""
    sdgs = list(SDG.objects.order_by("number"))
    topics = list(Topic.objects.order_by("name"))
    # Only countries that have a case on the map: a list of 250 would mostly find nothing.
    codes = (
        CasePage.objects.live()
        .public()
        .filter(latitude__isnull=False)
        .order_by()
        .values_list("country", flat=True)
        .distinct()
    )
    selected = {name: request.GET.get(name, "") for name in MAP_FILTERS}
    country_names = sorted(((code, countries.name(code)) for code in codes if code), key=_by_name)
    return render(
        request,
        "map/map.html",
        {
            "sdgs": sdgs,
            "topics": topics,
            "countries": country_names,
            "regions": [
                (
                    code,
                    gettext(name),
                    [
                        (sub, gettext(sub_name))
                        for sub, (sub_name, parent) in SUBREGIONS.items()
                        if parent == code
                    ],
                )
                for code, name in REGION_CHOICES
            ],
            "statuses": Status.choices,
            # The map API names SDGs by number, topics by slug and countries by code; the
            # popups show names.
            "map_labels": {
                "sdgColours": {sdg.number: sdg.colour for sdg in sdgs},
                "sdgTitles": {sdg.number: sdg.local_title for sdg in sdgs},
                "topicNames": {topic.slug: topic.local_name for topic in topics},
                "countryNames": dict(country_names),
                "messages": {
                    "loading": gettext("Loading cases…"),
                    "one": gettext("%(count)s case on the map"),
                    "many": gettext("%(count)s cases on the map"),
                    "failed": gettext("The cases could not be loaded. Please try again later."),
                    "badFilter": gettext("This filter cannot be used: %(message)s"),
                    "clusterHint": gettext("cases here, zoom in"),
                    "sdgs": gettext("Sustainable Development Goals"),
                },
                # The events layer's words (the script adds the numbers).
                "oneEvent": gettext("1 upcoming event on the map"),
                "manyEvents": gettext("%(count)s upcoming events on the map"),
                "eventsHere": gettext("events here, zoom in"),
            },
            "map_api_url": MAP_API_URL,
            "pages_api_url": PAGES_API_URL,
            "events_api_url": EVENTS_API_URL,
            "selected_layer": request.GET.get("layer", "")
            if request.GET.get("layer") in LAYERS
            else "",
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
            "selected": selected,
            "selected_count": sum(1 for value in selected.values() if value),
        },
    )


def _by_name(item):
    return str(item[1]).lower()


@require_safe
def sdg_stylesheet(request):
    """/sdg-colours.css: a class per goal (.sdg-7) setting --sdg-colour and --sdg-text, the
    goal's colour and black or white text that reads on it. Badges, dots and markers take
    their colours from it, so pages need no inline styles (the Content-Security-Policy
    forbids them) and the colours stay data that editors keep in the admin."""
    rules = [
        f".sdg-{sdg.number} {{ --sdg-colour: {sdg.colour}; --sdg-text: {contrast_text(sdg.colour)}; }}"
        for sdg in SDG.objects.order_by("number")
        if HEX_COLOUR.match(sdg.colour or "")
    ]
    response = HttpResponse("\n".join(rules) + "\n", content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=3600)
    return response


@require_safe
def robots_txt(request):
    """/robots.txt: crawl the public pages, not the admin, search results (every query would
    be a page), personal status pages or the raw API; the sitemap lists every public page."""
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /submissions/",
        "Allow: /api/v2/docs/",
        "Disallow: /api/",
        "",
        f"Sitemap: {sitemap}",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=86400)
    return response


@require_safe
def favicon(request):
    """/favicon.ico, for browsers and crawlers that ask for it without reading the page's
    <link rel="icon">: the site's icon (its static address carries a hash in production)."""
    return redirect(static("img/favicon-32.png"))
