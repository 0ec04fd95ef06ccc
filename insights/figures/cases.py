"""The figures about cases: coverage (SDG × region), countries, time, maturity and the sectors
of actors. Every count is of live, public cases matching the filters, as the pages API counts
them (tests/insights/test_agreement.py compares the two)."""

import datetime

from django.db.models import Count
from django.db.models.functions import TruncMonth

from django_countries import countries

from cases.models import CaseActor, CasePage, Sector, Status
from taxonomy import regions
from taxonomy.models import SDG

from .. import sources
from ..filters import InsightFilters


def _region_list(codes):
    return [
        {"code": code, "name": regions.region_name(code) or regions.subregion_name(code)}
        for code in codes
    ]


def coverage(filters):
    """One cell per SDG and UN M49 region, zero counts included: how many cases work towards
    the SDG in the region. Filtering by SDG or region narrows the axes to the chosen ones."""
    sdgs = list(SDG.objects.order_by("number"))
    if filters.sdg:
        sdgs = [sdg for sdg in sdgs if sdg.number in filters.sdg]
    codes = list(filters.region) or list(regions.REGIONS)
    # The year range narrows the cases; SDG and region become the cells.
    dated = sources.public_cases(
        InsightFilters(year_from=filters.year_from, year_to=filters.year_to)
    )
    through = CasePage.sdgs.through.objects.filter(
        casepage__in=dated.values("pk"), sdg_id__in=[sdg.number for sdg in sdgs]
    )
    counts = {}
    for level in ("region", "subregion"):
        rows = through.values_list("sdg_id", f"casepage__{level}").annotate(count=Count("pk"))
        for number, code, count in rows.order_by():
            counts[(number, code)] = count
    return {
        "cells": [
            {"sdg": sdg.number, "region": code, "count": counts.get((sdg.number, code), 0)}
            for sdg in sdgs
            for code in codes
        ],
        "regions": _region_list(codes),
        "sdgs": [sdg.as_api() for sdg in sdgs],
        "cases": sources.public_cases(filters).count(),
    }


def _months(first, last):
    month = datetime.date(first.year, first.month, 1)
    while month <= last:
        yield month
        month = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)


def timeline(filters):
    """Cases published per month (first publication) and cases by the year they started."""
    cases = sources.public_cases(filters)
    per_month = {
        row["month"].date() if hasattr(row["month"], "date") else row["month"]: row["count"]
        for row in cases.annotate(month=TruncMonth("first_published_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
        if row["month"] is not None
    }
    months = list(_months(min(per_month), max(per_month))) if per_month else []
    per_year = dict(
        cases.exclude(start_year=None)
        .values_list("start_year")
        .annotate(count=Count("pk"))
        .order_by("start_year")
    )
    years = range(min(per_year), max(per_year) + 1) if per_year else []
    return {
        "published_per_month": [
            {"month": f"{month:%Y-%m}", "count": per_month.get(month, 0)} for month in months
        ],
        "by_start_year": [{"year": year, "count": per_year.get(year, 0)} for year in years],
        "no_start_year": cases.filter(start_year=None).count(),
        "cases": cases.count(),
    }


def country_cases(filters):
    """Cases per country, with the codes a map needs (ISO numeric for the world atlas)."""
    cases = sources.public_cases(filters)
    rows = cases.values_list("country", "region", "subregion").annotate(count=Count("pk"))
    found = [
        {
            "country": code,
            "name": str(countries.name(code)) or code,
            "numeric": countries.numeric(code, padded=True) or "",
            "region": region,
            "subregion": subregion,
            "count": count,
        }
        for code, region, subregion, count in rows.order_by()
    ]
    found.sort(key=lambda row: (-row["count"], row["name"]))
    return {"countries": found, "cases": cases.count()}


def maturity(filters):
    """Cases by status (idea to completed), and by each self-assessment answer where cases
    carry those fields."""
    cases = sources.public_cases(filters)
    by_status = dict(cases.values_list("status").annotate(count=Count("pk")).order_by())
    assessment = {}
    for name, values in sources.assessment_fields().items():
        counts = dict(cases.values_list(name).annotate(count=Count("pk")).order_by())
        assessment[name] = [{"value": value, "count": counts.get(value, 0)} for value in values]
        assessment[name].append({"value": "", "count": counts.get("", 0) + counts.get(None, 0)})
    return {
        "status": [
            {"status": value, "label": str(label), "count": by_status.get(value, 0)}
            for value, label in Status.choices
        ],
        "assessment": assessment,
        "cases": cases.count(),
    }


def sectors(filters):
    """The sectors of the organisations behind cases: how many actors, and in how many cases."""
    cases = sources.public_cases(filters)
    actors = CaseActor.objects.filter(page__in=cases.values("pk"))
    counts = {
        sector: (total, in_cases)
        for sector, total, in_cases in actors.values_list("sector")
        .annotate(total=Count("pk"), in_cases=Count("page", distinct=True))
        .order_by()
    }
    return {
        "sectors": [
            {
                "sector": value,
                "label": str(label),
                "actors": counts.get(value, (0, 0))[0],
                "cases": counts.get(value, (0, 0))[1],
            }
            for value, label in Sector.choices
        ],
        "cases": cases.count(),
    }
