"""The platform's own reads: the map, live statistics and the open-data exports."""

from .parameters import BBOX, BBOX_NOTE, FILTERS, locale_filter
from .schema import (
    DATETIME,
    INTEGER,
    LOCALE_META,
    NUMBER,
    STRING,
    array,
    nullable,
    obj,
    operation,
    read,
)

FEATURE = obj(
    {
        "type": {"const": "Feature"},
        "id": INTEGER,
        "geometry": obj(
            {
                "type": {"const": "Point"},
                "coordinates": {
                    "type": "array",
                    "items": NUMBER,
                    "minItems": 2,
                    "maxItems": 2,
                },
            }
        ),
        "properties": obj(
            {
                "id": INTEGER,
                "title": STRING,
                "url": nullable(STRING),
                "city": STRING,
                "country": STRING,
                "sdgs": array(INTEGER),
                "topics": array(STRING),
            }
        ),
    }
)
STATS = obj(
    {
        "cases": INTEGER,
        "articles": INTEGER,
        "countries": INTEGER,
        "last_updated": nullable(DATETIME),
        "by_sdg": array(obj({"sdg": INTEGER, "title": STRING, "count": INTEGER})),
        "by_topic": array(obj({"topic": STRING, "name": STRING, "count": INTEGER})),
        "by_country": array(obj({"country": STRING, "name": STRING, "count": INTEGER})),
        "by_region": array(obj({"region": STRING, "name": STRING, "count": INTEGER})),
        "meta": LOCALE_META,
    }
)
EXPORTED_CASE = obj(
    {
        "id": INTEGER,
        "title": STRING,
        "url": nullable(STRING),
        "country": STRING,
        "latitude": nullable(NUMBER),
        "longitude": nullable(NUMBER),
        "sdgs": array(INTEGER),
        "topics": array(STRING),
        "actors": array(STRING),
        "start_year": nullable(INTEGER),
        "end_year": nullable(INTEGER),
        "first_published_at": nullable(DATETIME),
        "last_published_at": nullable(DATETIME),
    }
)


def paths():
    return {
        "/api/v2/map/": operation(
            "Cases on the map",
            "A GeoJSON FeatureCollection of published cases with coordinates. " + BBOX_NOTE,
            [*FILTERS, BBOX, locale_filter()],
            read(
                obj(
                    {
                        "type": {"const": "FeatureCollection"},
                        "meta": LOCALE_META,
                        "features": array(FEATURE),
                    }
                ),
                content_type="application/geo+json",
            ),
            "platform",
            "map",
        ),
        "/api/v2/stats/": operation(
            "Live figures",
            "Published cases and articles, countries, the last update, and cases per SDG, topic, "
            "country and region; `meta.locale` says which language they count.",
            [locale_filter()],
            read(STATS),
            "platform",
            "stats",
        ),
        "/api/v2/export/cases.csv": operation(
            "All published cases as CSV",
            "Open data, public fields only; lists in a cell are separated by ';'. Licence: CC BY 4.0.",
            [],
            read({"type": "string"}, content_type="text/csv"),
            "open data",
            "export_cases_csv",
        ),
        "/api/v2/export/cases.json": operation(
            "All published cases as JSON",
            "Open data, public fields only, with the licence.",
            [],
            read(
                obj(
                    {
                        "licence": obj({"name": STRING, "title": STRING, "path": STRING}),
                        "count": INTEGER,
                        "cases": array(EXPORTED_CASE),
                    }
                )
            ),
            "open data",
            "export_cases_json",
        ),
    }
