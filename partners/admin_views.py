"""The moderators' decision on a partner request, from the inbox's inspect view: accept (a draft
partner record is created for the editors to complete and publish) or decline. Either way the
contact person is emailed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .models import PartnerRequest, PartnershipType

PERMISSION = "partners.change_partnerrequest"


def _inspect_url(pk):
    return reverse("partners_partnerrequest_modeladmin_inspect", args=[pk])


def _decide(request, pk, decide):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    partner_request = get_object_or_404(PartnerRequest, pk=pk)
    try:
        return decide(partner_request)
    except services.AlreadyDecided:
        messages.warning(request, _("This request has already been decided."))
        return redirect(_inspect_url(pk))


@require_POST
def accept(request, pk):
    kind = request.POST.get("partnership_type", PartnershipType.PRACTICE)
    if kind not in PartnershipType.values:
        messages.error(request, _("Choose a partnership type."))
        return redirect(_inspect_url(pk))

    def decide(partner_request):
        accepted = services.accept_request(partner_request.pk, request.user, kind)
        messages.success(
            request,
            _("%(name)s is accepted: complete the partner record and publish it.")
            % {"name": accepted.organisation},
        )
        return redirect(
            reverse("wagtailsnippets_partners_partner:edit", args=[accepted.partner_id])
        )

    return _decide(request, pk, decide)


@require_POST
def decline(request, pk):
    def decide(partner_request):
        declined = services.decline_request(partner_request.pk, request.user)
        messages.success(request, _("%(name)s is declined.") % {"name": declined.organisation})
        return redirect(reverse("partners_partnerrequest_modeladmin_index"))

    return _decide(request, pk, decide)
