"""The interactive map of every published case.

A plain view rather than a Wagtail page: it has no editorial content, lives at one fixed
address (/map/) that the rest of the site and partners link to, and reads everything it shows
from the public map API (/api/v2/map/), so there is nothing for editors to manage.
"""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe

from taxonomy.models import SDG, Topic

MAP_API_URL = "/api/v2/map/"


@require_safe
def case_map(request):
    """The map page: markers for every published case, filterable by SDG and topic."""
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
            },
            "map_api_url": MAP_API_URL,
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
            "selected_sdg": request.GET.get("sdg", ""),
            "selected_topic": request.GET.get("topic", ""),
        },
    )
