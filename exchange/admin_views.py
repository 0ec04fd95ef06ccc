"""Admin screens that are more than a listing: a moderator's decision on an adoption report,
and the researchers' export of the network with the anonymous "request" edges."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin import messages

from . import exports, services, snapshot
from .models import AdoptionReport, ReviewStatus

ACTIONS = {
    "approve": _("Approve this adoption report? It will show on the case and in the network."),
    "reject": _("Reject this adoption report? It will not be published."),
    "draft": _("Make a draft case for the adopting city from this report?"),
}


def adoption_action(request, pk, action):
    """GET asks for confirmation, POST does it (approve, reject, or make a draft case)."""
    if action not in ACTIONS:
        raise Http404
    if not request.user.has_perm("exchange.change_adoptionreport"):
        raise PermissionDenied
    report = get_object_or_404(AdoptionReport.objects.select_related("case"), pk=pk)
    if request.method != "POST":
        return render(
            request,
            "exchange/admin/confirm_adoption.html",
            {"report": report, "action": action, "question": ACTIONS[action]},
        )
    if action == "draft":
        page = services.adoption_to_draft_case(report, request.user)
        messages.success(request, _("Draft case created. Complete it, then submit it for review."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    status = ReviewStatus.APPROVED if action == "approve" else ReviewStatus.REJECTED
    services.review_adoption(report, status, request.user)
    messages.success(
        request, _("Adoption report %(status)s.") % {"status": report.get_status_display().lower()}
    )
    return redirect(reverse("exchange_adoptionreport_modeladmin_index"))


def research_network_graphml(request):
    """The whole public network plus the anonymous contact requests, as GraphML, for
    researchers (and anyone who may see the contact-request records)."""
    if not request.user.has_perm("exchange.view_contactrequestrecord"):
        raise PermissionDenied
    data = snapshot.build(include_requests=True)
    response = HttpResponse(
        exports.graphml(data), content_type="application/graphml+xml; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="closercities-research-network.graphml"'
    response["Cache-Control"] = "private, no-store"
    return response
