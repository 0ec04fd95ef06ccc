"""Knowledge flows: the public knowledge-transfer links of the exchange app, by kind, by the
channel the knowledge travelled through, and between world regions. An empty, valid answer
while the exchange app is not installed."""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from taxonomy import regions

from .. import sources

KINDS = {
    "learned_from": _("Learned from"),
    "adapted_from": _("Adapted from"),
    "inspired_by": _("Inspired by"),
}
CHANNELS = {
    "conference": _("Conference"),
    "website": _("Website"),
    "this_platform": _("This platform"),
    "study_visit": _("Study visit"),
    "network": _("Network"),
    "training": _("Training"),
    "living_lab": _("Living lab"),
    "colleague": _("Colleague"),
    "publication": _("Publication"),
    "other": _("Other"),
}
UNKNOWN = ""


def _places(row, end):
    """(region, sub-region) of one end of a link: given, or derived from its country."""
    region = row.get(f"{end}_region") or ""
    derived_region, subregion = regions.for_country(row.get(f"{end}_country") or "")
    if region in regions.SUBREGIONS:  # a sub-region code given as the region
        return regions.SUBREGIONS[region][1], region
    return region or derived_region, subregion


def _matches(row, filters):
    if filters.sdg and not set(filters.sdg) & set(row["sdgs"]):
        return False
    if filters.region:
        ends = {code for end in ("source", "target") for code in _places(row, end)}
        if not ends & set(filters.region):
            return False
    year = row.get("year")
    if filters.year_from and (year is None or year < filters.year_from):
        return False
    return not (filters.year_to and (year is None or year > filters.year_to))


def _tally(rows, key, labels):
    counts = {}
    for row in rows:
        value = row.get(key) or UNKNOWN
        counts[value] = counts.get(value, 0) + 1
    values = list(labels) + sorted(value for value in counts if value not in labels)
    return [
        {
            key: value,
            "label": str(labels.get(value, value or _("Unknown"))),
            "count": counts.get(value, 0),
        }
        for value in values
        if value in labels or counts.get(value)
    ]


def flows(filters):
    rows = [row for row in sources.knowledge_links() if _matches(row, filters)]
    pairs = {}
    for row in rows:
        pair = (_places(row, "source")[0] or UNKNOWN, _places(row, "target")[0] or UNKNOWN)
        pairs[pair] = pairs.get(pair, 0) + 1
    codes = list(regions.REGIONS)
    if any(UNKNOWN in pair for pair in pairs):
        codes.append(UNKNOWN)
    return {
        "available": apps.is_installed("exchange"),
        "links": len(rows),
        "by_kind": _tally(rows, "kind", KINDS),
        "by_channel": _tally(rows, "channel", CHANNELS),
        "between_regions": [
            {
                "source_region": source,
                "target_region": target,
                "count": pairs.get((source, target), 0),
            }
            for source in codes
            for target in codes
        ],
        "regions": [
            {"code": code, "name": regions.region_name(code) or str(_("Unknown"))} for code in codes
        ],
    }
