"""What the insights page and the insights API compute, in one place: the filters from the
address, each figure's numbers, and the version of visitors' answers that cached survey
figures depend on."""

from django.db.models import Max

from . import sources
from .figures import FIGURES
from .filters import InsightFilters
from .models import PageFeedback

# Figures built from visitors' answers change without any page being published.
ANSWER_FIGURES = {"survey"}


def figure_data(name, querydict):
    """The numbers of one figure (a KeyError for an unknown name) for the filters in
    `querydict` (BadRequestError names a bad parameter)."""
    figure = FIGURES[name]
    return figure.build(InsightFilters.from_querydict(querydict))


def answers_version():
    """Changes whenever a survey answer or a "Was this useful?" answer comes in or changes, so
    cached survey figures are never older than the answers."""
    latest_survey = sources.survey_model().objects.aggregate(latest=Max("pk"))["latest"]
    latest_feedback = PageFeedback.objects.aggregate(latest=Max("updated_at"))["latest"]
    stamp = latest_feedback.timestamp() if latest_feedback else 0
    return f"s{latest_survey or 0}f{stamp:.6f}"


def cache_variant(name):
    return answers_version() if name in ANSWER_FIGURES else ""


def page_figures(querydict, atlas_url):
    """Every figure with its panels for the insights page: (filters, [(figure, data, panels)])."""
    filters = InsightFilters.from_querydict(querydict)
    found = []
    for figure in FIGURES.values():
        data = figure.build(filters)
        found.append((figure, data, figure.panels(data, atlas_url)))
    return filters, found


def find_table(key, querydict, atlas_url):
    """The table behind a CSV download key (e.g. "timeline-years"), or None."""
    name = key.split("-", 1)[0]
    if name not in FIGURES:
        return None
    figure = FIGURES[name]
    data = figure.build(InsightFilters.from_querydict(querydict))
    return next((panel.table for panel in figure.panels(data, atlas_url) if panel.key == key), None)
