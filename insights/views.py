"""The insights page (/insights/) and the CSV download of each of its tables."""

import csv
import hashlib
import io

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.templatetags.static import static

from wagtail.api.v2.utils import BadRequestError

from taxonomy import regions
from taxonomy.models import SDG

from . import services
from .filters import InsightFilters

ATLAS = "vendor/world-atlas/countries-110m.json"


def _filter_choices(filters):
    return {
        "sdgs": [
            (sdg.number, str(sdg), sdg.number in filters.sdg)
            for sdg in SDG.objects.order_by("number")
        ],
        "regions": [(code, name, code in filters.region) for code, name in regions.REGION_CHOICES]
        + [(code, f"– {name}", code in filters.region) for code, name in regions.SUBREGION_CHOICES],
    }


def insights_page(page, request):
    """Every figure as a chart, a table and a CSV link, for the filters in the address. A bad
    filter is the visitor's mistake: 400, with the message above the filters."""
    context = page.get_context(request)
    status = 200
    try:
        filters, figures = services.page_figures(request.GET, static(ATLAS))
    except BadRequestError as error:
        status = 400
        context["filter_error"] = str(error)
        filters, figures = services.page_figures({}, static(ATLAS))
    context.update(
        {
            "filters": filters,
            "figures": figures,
            "choices": _filter_choices(filters),
            "querystring": filters.querystring(),
            "api_names": services.FIGURES,
        }
    )
    return TemplateResponse(request, "insights/insights_page.html", context, status=status)


def insights_csv(page, request, key):
    """One table of the page as CSV, for the same filters."""
    try:
        table = services.find_table(key, request.GET, static(ATLAS))
    except BadRequestError as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    if table is None:
        raise Http404("No such table.")
    handle = io.StringIO()
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow([str(column) for column in table.columns])
    for row in table.cells():
        writer.writerow(["" if value is None else value for value, _gap in row])
    response = HttpResponse(handle.getvalue(), content_type="text/csv; charset=utf-8")
    filters = InsightFilters.from_querydict(request.GET).querystring()
    suffix = f"-{hashlib.sha256(filters.encode()).hexdigest()[:8]}" if filters else ""
    response["Content-Disposition"] = f'attachment; filename="closercities-{key}{suffix}.csv"'
    return response
