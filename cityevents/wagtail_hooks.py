"""Events in the one search service: `type=event` in the type facet, with the country and region
of events in person and the year of their start."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .models import EventPage


def describe(event):
    """What a search result shows of an event besides its title and summary."""
    return {
        "country": {"code": event.country.code, "name": str(event.country.name)}
        if event.in_person and event.country
        else None,
        "city": event.city if event.in_person and event.city else None,
        "starts_at": event.start.isoformat(),
        "event_type": event.event_type,
    }


@hooks.register("register_search_type")
def event_search_type():
    return {
        "key": "event",
        "model": EventPage,
        "label": _("Event"),
        "columns": {
            "country": "country",
            "region": "region",
            "subregion": "subregion",
            "year": "start__year",
        },
        "result_fields": ("city", "country", "in_person", "start", "event_type"),
        "describe": describe,
    }
