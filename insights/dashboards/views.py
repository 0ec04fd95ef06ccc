"""The dashboards' admin views: a date-range form, the panels, and each panel as CSV."""

import csv
import io

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from wagtail.admin.paginator import WagtailPaginator
from wagtail.models import Page

from .. import rollups
from ..models import PageFeedback, WillUse
from . import other_panels, search_panels
from .base import Period

SECTIONS = {
    "search": (_("Search analytics"), search_panels.panels),
    "submissions": (_("Submissions, survey and “Was this useful?”"), other_panels.panels),
}
DASHBOARD_PERMISSION = "insights.view_research_dashboards"


def csv_response(panel, period):
    handle = io.StringIO()
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow([str(column) for column in panel.columns])
    for row in panel.rows:
        writer.writerow(
            [
                "<5"
                if value is None and i and _is_count(panel, i)
                else ("" if value is None else value)
                for i, value in enumerate(row)
            ]
        )
    response = HttpResponse(handle.getvalue(), content_type="text/csv; charset=utf-8")
    name = f"closercities-{panel.key}-{period.date_from}-{period.date_to}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _is_count(panel, index):
    return panel.key in ("survey", "feedback")


def _queue_rollups(period):
    """Roll up the finished days of the period that are not yet (in the background)."""
    if rollups.missing_days(period.date_from, period.date_to):
        from ..tasks import refresh_search_rollups

        transaction.on_commit(refresh_search_rollups.enqueue)
        return True
    return False


def dashboard(request, section):
    if not request.user.has_perm(DASHBOARD_PERMISSION):
        raise PermissionDenied
    if section not in SECTIONS:
        raise Http404
    title, build = SECTIONS[section]
    period, errors = Period.from_querydict(request.GET)
    pending = _queue_rollups(period) if section == "search" else False
    if pending:
        # Queued above; with an immediate task backend it ran already.
        pending = bool(rollups.missing_days(period.date_from, period.date_to))
    panels = build(period)
    export = request.GET.get("export")
    if export and not errors:
        panel = next((panel for panel in panels if panel.key == export), None)
        if panel is not None:
            return csv_response(panel, period)
    return render(
        request,
        "insights/admin/dashboard.html",
        {
            "title": title,
            "section": section,
            "sections": {key: value[0] for key, value in SECTIONS.items()},
            "period": period,
            "errors": errors,
            "form_values": {
                "from": request.GET.get("from", period.date_from.isoformat()),
                "to": request.GET.get("to", period.date_to.isoformat()),
            },
            "panels": panels,
            "pending": pending,
        },
        status=400 if errors else 200,
    )


def feedback_report(request):
    """Counts of "Was this useful?" per page, for editors and researchers."""
    if not request.user.has_perm("insights.view_pagefeedback"):
        raise PermissionDenied
    counts = {f"will_{value}": Count("pk", filter=Q(will_use=value)) for value in WillUse.values}
    rows = (
        PageFeedback.objects.values("page_id")
        .annotate(
            answers=Count("pk"),
            yes=Count("pk", filter=Q(useful=True)),
            no=Count("pk", filter=Q(useful=False)),
            **counts,
        )
        .order_by("-answers", "page_id")
    )
    columns = [
        _("Page"),
        _("Answers"),
        _("Yes"),
        _("No"),
        *(label for _v, label in WillUse.choices),
    ]
    if request.GET.get("export") == "csv":
        titles = dict(Page.objects.values_list("pk", "title").filter(pk__in=rows.values("page_id")))
        panel_rows = [
            [
                titles.get(row["page_id"], row["page_id"]),
                row["answers"],
                row["yes"],
                row["no"],
                *(row[f"will_{v}"] for v in WillUse.values),
            ]
            for row in rows
        ]
        from .base import Panel

        return csv_response(
            Panel("feedback-per-page", "", columns, panel_rows), Period(*_all_time())
        )
    page = WagtailPaginator(rows, 50).get_page(request.GET.get("p"))
    titles = dict(
        Page.objects.filter(pk__in=[row["page_id"] for row in page]).values_list("pk", "title")
    )
    items = [
        {
            "page_id": row["page_id"],
            "title": titles.get(row["page_id"], row["page_id"]),
            "counts": [
                row["answers"],
                row["yes"],
                row["no"],
                *(row[f"will_{v}"] for v in WillUse.values),
            ],
        }
        for row in page
    ]
    return render(
        request,
        "insights/admin/feedback_report.html",
        {"title": _("Was this useful?"), "columns": columns, "items": items, "page_obj": page},
    )


def _all_time():
    from django.utils import timezone

    first = PageFeedback.objects.order_by("created_at").values_list("created_at", flat=True).first()
    today = timezone.now().date()
    return (first.date() if first else today), today
