"""Events: their fields and filters on the pages listing (`type=events.EventPage`), and the
events' layer of the map."""

from cityevents.models import EventType

from .parameters import REGION_ITEM, SDG_ITEM, TOPIC_ITEM, comma_list, one_of
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
MOMENT_SCHEMA = {
    "type": "string",
    "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?$",
}
EVENT_TYPES = comma_list(one_of(EventType.values))
PAGE_FILTERS = [
    query(
        "event_type",
        f"Event type(s): {', '.join(EventType.values)}, separated by commas for OR.",
        EVENT_TYPES,
    ),
    query("starts_after", f"Events that start at or after this moment. {MOMENT}", MOMENT_SCHEMA),
    query("starts_before", f"Events that start before this moment. {MOMENT}", MOMENT_SCHEMA),
]
LISTING_FILTERS = [
    query("event_type", "Event type(s), as on the pages listing.", EVENT_TYPES),
    query(
        "sdg",
        "SDG number(s), 1 to 17, separated by commas for OR.",
        comma_list(SDG_ITEM),
    ),
    query("topic", "Topic slug(s), separated by commas for OR.", comma_list(TOPIC_ITEM)),
    query(
        "region",
        "UN M49 region or sub-region code(s), e.g. 150 (Europe).",
        comma_list(REGION_ITEM),
    ),
    query(
        "attendance", "online or in_person.", {"type": "string", "enum": ["online", "in_person"]}
    ),
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
                query(
                    "when",
                    "upcoming (default), past or all.",
                    {"type": "string", "enum": ["upcoming", "past", "all"]},
                ),
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
