"""Events: their fields and filters on the pages listing (`type=events.EventPage`), and the
events' layer of the map."""

from cityevents.models import EventType

from .schema import (
    DATETIME,
    ERROR,
    INTEGER,
    NUMBER,
    RELATED_PAGE,
    STRING,
    THROTTLED,
    array,
    nullable,
    obj,
    operation,
    query,
)

BOOLEAN = {"type": "boolean"}
ORGANISER = obj(
    {
        "id": INTEGER,
        "name": STRING,
        "sector": STRING,
        "country": nullable(STRING),
        "website": STRING,
        "partnership_type": STRING,
    }
)
# The fields of an event page (added to the pages listing's and detail's page schema).
PAGE_FIELDS = {
    "event_type": {"enum": EventType.values},
    "start": DATETIME,
    "end": DATETIME,
    "time_zone": STRING,
    "local_times": obj({"start": DATETIME, "end": DATETIME}),
    "in_person": BOOLEAN,
    "venue": STRING,
    "online": BOOLEAN,
    "join_url": STRING,
    "registration_url": STRING,
    "organisers": array(ORGANISER),
    "languages": array(obj({"code": STRING, "name": STRING})),
    "related_articles": array(RELATED_PAGE),
    "report": array({"type": "object"}),
    "documents": array({"type": "object"}),
    "recording": array({"type": "object"}),
}
MOMENT = (
    "A date (2026-05-01, midnight UTC) or a date and time in ISO 8601 (2026-05-01T09:00:00Z; "
    "UTC without an offset)."
)
# Filters of the pages listing that only events have; with any of them only events are listed.
PAGE_FILTERS = [
    query(
        "event_type",
        f"Event type(s): {', '.join(EventType.values)}. Repeat or separate with commas for OR.",
    ),
    query("starts_after", f"Events that start at or after this moment. {MOMENT}"),
    query("starts_before", f"Events that start before this moment. {MOMENT}"),
]
LISTING_FILTERS = [
    query("event_type", "Event type(s), as on the pages listing."),
    query("sdg", "SDG number(s), 1 to 17. Repeat or separate with commas for OR."),
    query("topic", "Topic slug(s)."),
    query("region", "UN M49 region or sub-region code(s), e.g. 150 (Europe)."),
    query("attendance", "online or in_person."),
]
EVENT_FEATURE = obj(
    {
        "type": {"const": "Feature"},
        "id": INTEGER,
        "geometry": obj(
            {
                "type": {"const": "Point"},
                "coordinates": {"type": "array", "items": NUMBER, "minItems": 2, "maxItems": 2},
            }
        ),
        "properties": obj(
            {
                "id": INTEGER,
                "title": STRING,
                "url": nullable(STRING),
                "event_type": {"enum": EventType.values},
                "event_type_label": STRING,
                "start": DATETIME,
                "end": DATETIME,
                "time_zone": STRING,
                "local_start": DATETIME,
                "city": STRING,
                "country": STRING,
                "online": BOOLEAN,
                "sdgs": array(INTEGER),
                "topics": array(STRING),
            }
        ),
    }
)


def paths():
    return {
        "/api/v2/map/events/": operation(
            "Events on the map",
            "A GeoJSON FeatureCollection of published events in person with coordinates: "
            "upcoming ones unless `when` says otherwise. Not cached by the server, since "
            "which events are upcoming changes with the clock.",
            [
                *LISTING_FILTERS,
                query("when", "upcoming (default), past or all."),
            ],
            {
                "200": {
                    "description": "OK",
                    "content": {
                        "application/geo+json": {
                            "schema": obj(
                                {
                                    "type": {"const": "FeatureCollection"},
                                    "features": array(EVENT_FEATURE),
                                }
                            )
                        }
                    },
                },
                "400": ERROR,
                "429": THROTTLED,
            },
            "events",
            "map_events",
        ),
    }
