"""The interactive map of every published case.

A plain view rather than a Wagtail page: it has no editorial content, lives at one fixed
address (/map/) that the rest of the site and partners link to, and reads everything it shows
from the public map API (/api/v2/map/), so there is nothing for editors to manage.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from taxonomy.models import SDG, Topic

MAP_API_URL = "/api/v2/map/"
EVENTS_API_URL = "/api/v2/map/events/"
LAYERS = ("", "cases", "events")


@require_safe
def case_map(request):
    """The map page: markers for every published case and, as their own layer, every upcoming
    event in person, filterable by SDG and topic."""
    sdgs = list(SDG.objects.order_by("number"))
    topics = list(Topic.objects.order_by("name"))
    return render(
        request,
        "map/map.html",
        {
            "sdgs": sdgs,
            "topics": topics,
            # The map API names SDGs by number and topics by slug; the popups show names.
            "map_labels": {
                "sdgColours": {sdg.number: sdg.colour for sdg in sdgs},
                "topicNames": {topic.slug: topic.name for topic in topics},
                # The events layer's words (the script adds the numbers).
                "oneEvent": _("1 upcoming event on the map"),
                "manyEvents": _("%(count)s upcoming events on the map"),
                "eventsHere": _("events here, zoom in"),
            },
            "map_api_url": MAP_API_URL,
            "events_api_url": EVENTS_API_URL,
            "selected_layer": request.GET.get("layer", "")
            if request.GET.get("layer") in LAYERS
            else "",
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
            "selected_sdg": request.GET.get("sdg", ""),
            "selected_topic": request.GET.get("topic", ""),
        },
    )
