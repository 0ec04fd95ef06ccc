"""What the map, statistics and open-data endpoints compute, from live, public pages only.

Views and the `export_open_data` command call these functions; they never build querysets
themselves, so "only live, public content" is decided here once.
"""

import io

from wagtail.models import Site

from articles.models import ArticlePage
from cases.models import CasePage, CaseTopic
from core import csv
from taxonomy import regions

from . import filters, geojson, languages
from .stats import statistics  # noqa: F401 (the stats endpoint's service)


def public_cases():
    return CasePage.objects.live().public()


def public_articles():
    return ArticlePage.objects.live().public()


def filtered_cases(request):
    """Public cases matching the request's `sdg`, `topic`, `country`, `region`, `status`,
    `year_from`, `year_to` and `locale` (a bad value raises BadRequestError naming the
    parameter)."""
    return (
        public_cases()
        .filter(filters.conditions(request, CasePage))
        .filter(languages.condition(languages.requested(request)))
    )


class PageURLs:
    """Full page URLs from `url_path`, the way Wagtail builds them, without loading pages."""

    def __init__(self):
        self.roots = sorted(Site.get_site_root_paths(), key=lambda root: -len(root.root_path))

    def __call__(self, url_path):
        for root in self.roots:
            if url_path.startswith(root.root_path):
                return root.root_url + url_path[len(root.root_path) - 1 :]
        return None


def _sdgs_by_case(cases):
    through = CasePage.sdgs.through
    found = {}
    for case_id, number in (
        through.objects.filter(casepage__in=cases.values("pk"))
        .order_by("sdg_id")
        .values_list("casepage_id", "sdg_id")
    ):
        found.setdefault(case_id, []).append(number)
    return found


def _topics_by_case(cases):
    found = {}
    for case_id, slug in (
        CaseTopic.objects.filter(content_object__in=cases.values("pk"))
        .order_by("tag__slug")
        .values_list("content_object_id", "tag__slug")
    ):
        found.setdefault(case_id, []).append(slug)
    return found


# Map ------------------------------------------------------------------------------------------


def parse_bbox(request):
    """`bbox=minLon,minLat,maxLon,maxLat` in degrees, or None. minLon > maxLon is a box across
    the antimeridian."""
    raw = request.GET.get("bbox", "").strip()
    if not raw:
        return None
    message = f"bbox: '{raw}' is not minLon,minLat,maxLon,maxLat in degrees"
    parts = raw.split(",")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
    except ValueError:
        raise filters.BadRequestError(message) from None
    lons_ok = all(-180 <= lon <= 180 for lon in (min_lon, max_lon))
    lats_ok = all(-90 <= lat <= 90 for lat in (min_lat, max_lat)) and min_lat <= max_lat
    if not (lons_ok and lats_ok):
        raise filters.BadRequestError(
            message + " (longitudes -180 to 180, latitudes -90 to 90, minLat ≤ maxLat)"
        )
    return min_lon, min_lat, max_lon, max_lat


def map_features(request):
    """The GeoJSON FeatureCollection (as text) of the public cases with coordinates that
    match the filters, written by the database (see `geojson`)."""
    bbox = parse_bbox(request)
    cases = filtered_cases(request).filter(latitude__isnull=False, longitude__isnull=False)
    if bbox:
        min_lon, min_lat, max_lon, max_lat = bbox
        cases = cases.filter(latitude__gte=min_lat, latitude__lte=max_lat)
        if min_lon <= max_lon:
            cases = cases.filter(longitude__gte=min_lon, longitude__lte=max_lon)
        else:
            cases = cases.exclude(longitude__gt=max_lon, longitude__lt=min_lon)
    return geojson.feature_collection(cases, {"locale": languages.requested(request)})


# Statistics -----------------------------------------------------------------------------------


# Open data ------------------------------------------------------------------------------------

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}

# (name, Frictionless type, description): the public fields of a case, in export order.
CASE_FIELDS = [
    ("id", "integer", "The case's page id; /api/v2/pages/<id>/ gives the full record."),
    ("title", "string", "Title of the case."),
    ("url", "string", "Web address of the case on the platform."),
    ("summary", "string", "Plain-text summary, at most 300 characters."),
    ("city", "string", "City where the case took place."),
    ("country", "string", "ISO 3166-1 alpha-2 country code."),
    ("country_name", "string", "English name of the country."),
    ("region", "string", "UN M49 region code."),
    ("region_name", "string", "UN M49 region name."),
    ("subregion", "string", "UN M49 sub-region code."),
    ("subregion_name", "string", "UN M49 sub-region name."),
    ("latitude", "number", "Latitude in degrees (WGS 84), empty when unknown."),
    ("longitude", "number", "Longitude in degrees (WGS 84), empty when unknown."),
    ("sdgs", "string", "SDG numbers the case works towards, separated by ';'."),
    ("topics", "string", "Topic slugs, separated by ';'."),
    ("status", "string", "idea, pilot, running, scaled_up or completed."),
    ("scale", "string", "neighbourhood, city, metropolitan, regional or national."),
    ("start_year", "integer", "Year the case started."),
    ("end_year", "integer", "Year the case ended."),
    ("actors", "string", "Organisations involved, as 'organisation (sector)', separated by ';'."),
    ("target_groups", "string", "Who the case is for."),
    ("lessons_learned", "string", "What others can learn from it."),
    ("barriers", "string", "Barriers met."),
    ("facilitating_conditions", "string", "Conditions that helped."),
    ("first_published_at", "datetime", "When the case was first published (UTC)."),
    ("last_published_at", "datetime", "When the case was last published (UTC)."),
]
LIST_FIELDS = {"sdgs", "topics", "actors"}


def case_records():
    """Every public case as a dict of CASE_FIELDS; `sdgs`, `topics` and `actors` are lists."""
    cases = public_cases().order_by("pk").prefetch_related("actors")
    sdgs, topics, url = _sdgs_by_case(cases), _topics_by_case(cases), PageURLs()
    for case in cases:
        yield {
            "id": case.pk,
            "title": case.title,
            "url": url(case.url_path),
            "summary": case.summary,
            "city": case.city,
            "country": case.country.code,
            "country_name": str(case.country.name),
            "region": case.region,
            "region_name": regions.region_name(case.region),
            "subregion": case.subregion,
            "subregion_name": regions.subregion_name(case.subregion),
            "latitude": case.latitude,
            "longitude": case.longitude,
            "sdgs": sdgs.get(case.pk, []),
            "topics": topics.get(case.pk, []),
            "status": case.status,
            "scale": case.scale,
            "start_year": case.start_year,
            "end_year": case.end_year,
            "actors": [f"{actor.organisation} ({actor.sector})" for actor in case.actors.all()],
            "target_groups": case.target_groups,
            "lessons_learned": case.lessons_learned,
            "barriers": case.barriers,
            "facilitating_conditions": case.facilitating_conditions,
            "first_published_at": _iso(case.first_published_at),
            "last_published_at": _iso(case.last_published_at),
        }


def _iso(moment):
    return moment.isoformat() if moment else None


def _csv_value(name, value):
    if value is None:
        return ""
    if name in LIST_FIELDS:
        return ";".join(str(item) for item in value)
    return value


def write_cases_csv(handle):
    writer = csv.Writer(handle)
    writer.writerow([name for name, _, _ in CASE_FIELDS])
    for record in case_records():
        writer.writerow([_csv_value(name, record[name]) for name, _, _ in CASE_FIELDS])


def cases_csv():
    handle = io.StringIO()
    write_cases_csv(handle)
    return handle.getvalue()


def cases_json():
    cases = list(case_records())
    return {"licence": LICENCE, "count": len(cases), "cases": cases}


def data_package(resource_path="cases.csv"):
    """The Frictionless Data Package descriptor (datapackage.json) of the open data."""
    return {
        "profile": "tabular-data-package",
        "name": "closer-cities-cases",
        "title": "Closer Cities: urban practice cases",
        "description": "The published cases of the Closer Cities platform: urban projects from "
        "cities, NGOs and researchers, with the SDGs and topics they address. Public fields only.",
        "licenses": [LICENCE],
        "resources": [
            {
                "name": "cases",
                "description": csv.NEUTRALISED_NOTE,
                "path": resource_path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {"name": name, "type": kind, "description": description}
                        | ({"format": "any"} if kind == "datetime" else {})
                        for name, kind, description in CASE_FIELDS
                    ],
                    "primaryKey": ["id"],
                },
            }
        ],
    }
