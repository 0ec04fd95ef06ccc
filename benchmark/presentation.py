"""The result page's tables: the answer's figures with labels in the visitor's language, and
the largest count of each table (the scale of its bars)."""

from django.utils.translation import gettext as _

from django_countries import countries

from cases.assessment import ASSESSMENT
from cases.models import Scale, Sector, Status
from taxonomy.models import SDG


def _table(caption, labels, counts, yours):
    yours = set(yours if isinstance(yours, list) else [yours])
    rows = [
        {"label": labels.get(value, value), "count": count, "yours": value in yours}
        for value, count in counts.items()
    ]
    return {"caption": caption, "rows": rows, "most": max([1, *(r["count"] for r in rows)])}


def tables(result):
    """The comparison as tables: status, sectors, SDGs and each self-assessment question."""
    comparison = result["comparison"]
    sdg_names = {str(sdg.number): str(sdg) for sdg in SDG.objects.all()}
    sdgs = dict(comparison["sdgs"]["peers"])
    for number in comparison["sdgs"]["you"]:
        sdgs.setdefault(str(number), 0)
    sdgs = dict(sorted(sdgs.items(), key=lambda item: int(item[0])))
    found = [
        _table(
            _("Status"),
            dict(Status.choices),
            comparison["status"]["peers"],
            comparison["status"]["you"],
        ),
        _table(
            _("Sectors taking part"),
            dict(Sector.choices),
            comparison["sectors"]["peers"],
            comparison["sectors"]["you"],
        ),
        _table(_("SDGs"), sdg_names, sdgs, [str(n) for n in comparison["sdgs"]["you"]]),
    ]
    for name, (label, choices) in ASSESSMENT.items():
        found.append(
            _table(
                str(label),
                dict(choices.choices),
                comparison["assessment"][name]["peers"],
                comparison["assessment"][name]["you"],
            )
        )
    return found


def described(data):
    """What the visitor described, as (label, value) pairs for the page."""
    scale, status = dict(Scale.choices), dict(Status.choices)
    return [
        (_("City"), data.get("city") or ""),
        (_("Country"), countries.name(data.get("country") or "")),
        (_("Scale"), scale.get(data.get("scale") or "", "")),
        (_("Status"), status.get(data.get("status") or "", "")),
        (_("Start year"), data.get("start_year") or ""),
    ]
