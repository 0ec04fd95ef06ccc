"""Charts and tables of the figures about cases."""

from django.utils.translation import gettext as _

from . import specs
from .base import Panel, Table


def coverage(data, atlas_url=None):
    regions = [region["name"] for region in data["regions"]]
    titles = {sdg["number"]: f"{sdg['number']}. {sdg['title']}" for sdg in data["sdgs"]}
    counts = {(cell["sdg"], cell["region"]): cell["count"] for cell in data["cells"]}
    rows, gaps = [], set()
    for r, sdg in enumerate(data["sdgs"]):
        row = [titles[sdg["number"]]]
        for c, region in enumerate(data["regions"], start=1):
            count = counts[(sdg["number"], region["code"])]
            row.append(count)
            if count == 0:
                gaps.add((r, c))
        rows.append(row)
    names = {region["code"]: region["name"] for region in data["regions"]}
    values = [
        {"sdg": titles[cell["sdg"]], "region": names[cell["region"]], "count": cell["count"]}
        for cell in data["cells"]
    ]
    spec = specs.heatmap(
        _("Cases per SDG and world region; empty cells are gaps."),
        values,
        "region",
        "sdg",
        _("Region"),
        _("SDG"),
        regions,
        list(titles.values()),
    )
    table = Table(
        "coverage", _("Cases per SDG (rows) and region (columns)"), [_("SDG"), *regions], rows, gaps
    )
    return [Panel("coverage", _("SDGs by world region"), spec, table)]


def countries(data, atlas_url):
    rows = [[row["name"], row["country"], row["count"]] for row in data["countries"]]
    table = Table("countries", _("Cases per country"), [_("Country"), _("Code"), _("Cases")], rows)
    spec = specs.choropleth(_("Map of the world: cases per country."), data["countries"], atlas_url)
    return [Panel("countries", _("Cases by country"), spec, table)]


def timeline(data, atlas_url=None):
    months = data["published_per_month"]
    years = data["by_start_year"]
    return [
        Panel(
            "timeline-months",
            _("Published per month"),
            specs.columns(
                _("Cases published per month."), months, "month", "ordinal", title=_("Month")
            ),
            Table(
                "timeline-months",
                _("Cases first published per month"),
                [_("Month"), _("Cases")],
                [[row["month"], row["count"]] for row in months],
            ),
        ),
        Panel(
            "timeline-years",
            _("By start year"),
            specs.columns(
                _("Cases by the year they started."),
                years,
                "year",
                "ordinal",
                title=_("Start year"),
            ),
            Table(
                "timeline-years",
                _("Cases by start year"),
                [_("Start year"), _("Cases")],
                [[row["year"], row["count"]] for row in years]
                + ([[_("Not given"), data["no_start_year"]]] if data["no_start_year"] else []),
            ),
        ),
    ]


def maturity(data, atlas_url=None):
    panels = [
        Panel(
            "maturity",
            _("Status"),
            specs.bar(_("Cases by status."), data["status"], "status", "label", title=_("Status")),
            Table(
                "maturity",
                _("Cases by status"),
                [_("Status"), _("Cases")],
                [[row["label"], row["count"]] for row in data["status"]],
            ),
        )
    ]
    for name, answers in data["assessment"].items():
        values = [{**row, "label": row["value"] or _("Not given")} for row in answers]
        title = _("Self-assessment: %(field)s") % {"field": name}
        panels.append(
            Panel(
                f"maturity-{name}",
                title,
                specs.bar(title, values, "value", "label", title=name),
                Table(
                    f"maturity-{name}",
                    title,
                    [name, _("Cases")],
                    [[row["label"], row["count"]] for row in values],
                ),
            )
        )
    return panels


def sectors(data, atlas_url=None):
    spec = specs.bar(
        _("Actors by sector."),
        data["sectors"],
        "sector",
        "label",
        count="actors",
        title=_("Sector"),
    )
    table = Table(
        "sectors",
        _("Actors by sector, and the cases they take part in"),
        [_("Sector"), _("Actors"), _("Cases")],
        [[row["label"], row["actors"], row["cases"]] for row in data["sectors"]],
    )
    return [Panel("sectors", _("Sectors of the actors"), spec, table)]
