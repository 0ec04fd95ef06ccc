"""The insight figures: for each name the API serves (`coverage`, `timeline`, `countries`,
`maturity`, `sectors`, `flows`, `survey`), the numbers as JSON and, for the page, one or more
panels: a Vega-Lite chart, an accessible table with the same numbers, and that table as CSV."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import cases, cases_panels, exchange, other_panels, visitors


@dataclass
class Figure:
    name: str
    title: str
    description: str
    build: object  # filters -> data (the API's answer)
    panels: object  # (data, atlas_url) -> [Panel]


FIGURES = {
    figure.name: figure
    for figure in (
        Figure(
            "coverage",
            _("Coverage: SDGs by world region"),
            _(
                "How many cases work towards each SDG in each UN M49 region. Empty cells are the gaps: no shared case yet."
            ),
            cases.coverage,
            cases_panels.coverage,
        ),
        Figure(
            "countries",
            _("Cases by country"),
            _("Where the cases come from."),
            cases.country_cases,
            cases_panels.countries,
        ),
        Figure(
            "timeline",
            _("Cases over time"),
            _("Cases published per month, and cases by the year they started."),
            cases.timeline,
            cases_panels.timeline,
        ),
        Figure(
            "maturity",
            _("Maturity"),
            _("How far the projects have come, from an idea to completed."),
            cases.maturity,
            cases_panels.maturity,
        ),
        Figure(
            "sectors",
            _("Sectors of the actors"),
            _("The organisations behind the cases, by sector."),
            cases.sectors,
            cases_panels.sectors,
        ),
        Figure(
            "flows",
            _("Knowledge flows"),
            _("Links between cases: how knowledge travelled, and between which regions."),
            exchange.flows,
            other_panels.flows,
        ),
        Figure(
            "survey",
            _("What visitors told us"),
            _(
                "Answers to our survey and to “Was this useful?”. Groups of fewer than 5 answers are hidden."
            ),
            visitors.survey,
            other_panels.survey,
        ),
    )
}
NAMES = tuple(FIGURES)
