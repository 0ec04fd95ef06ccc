"""What happens to partners and partner requests: the public listing, taking in a request (one
transaction, with the confirmation email queued), the moderators' decision, and removing
contact data that is no longer needed."""

import datetime

from django.db import transaction
from django.utils import timezone

from .emails import queue_email
from .models import EmailKind, Partner, PartnerRequest, PartnershipType, RequestStatus


def public_partners():
    """Partners an editor published: the only ones any page or endpoint shows."""
    return Partner.objects.live().select_related("logo")


def founding_partners():
    return public_partners().filter(partnership_type=PartnershipType.FOUNDING)


def partners_by_type_and_sector():
    """[(partnership type label, [(sector label, [partner, ...]), ...]), ...] in the order of
    the partnership types and sectors, leaving out empty groups. One query."""
    from cases.models import Sector

    grouped = {}
    for partner in public_partners().order_by("name"):
        grouped.setdefault(partner.partnership_type, {}).setdefault(partner.sector, []).append(
            partner
        )
    return [
        (
            kind,
            label,
            [
                (sector_label, grouped[kind][sector])
                for sector, sector_label in Sector.choices
                if sector in grouped[kind]
            ],
        )
        for kind, label in PartnershipType.choices
        if kind in grouped
    ]


@transaction.atomic
def submit_request(data):
    """Store a validated request (status received) and queue the confirmation email for
    after the commit. All or nothing."""
    request = PartnerRequest.objects.create(
        organisation=data["organisation"],
        sector=data["sector"],
        country=data["country"],
        website=data.get("website", ""),
        contact_name=data["contact_name"],
        contact_email=data["contact_email"],
        contribution=data["contribution"],
    )
    queue_email(request, EmailKind.RECEIVED)
    return request


class AlreadyDecided(Exception):
    """The request was accepted or declined before (perhaps by another moderator)."""


def _lock_undecided(pk):
    request = PartnerRequest.objects.select_for_update().filter(pk=pk).first()
    if request is None or request.status != RequestStatus.RECEIVED:
        raise AlreadyDecided
    return request


@transaction.atomic
def accept_request(pk, user, partnership_type=PartnershipType.PRACTICE):
    """Accept a request: a draft partner record (name, sector, country, website; never the
    contact person) for the editors to complete and publish, and an email to the contact."""
    request = _lock_undecided(pk)
    partner = Partner(
        name=request.organisation,
        sector=request.sector,
        country=request.country,
        website=request.website,
        partnership_type=partnership_type,
        since_year=timezone.now().year,
        live=False,
    )
    partner.save()
    partner.save_revision(user=user)
    request.status = RequestStatus.ACCEPTED
    request.partner = partner
    request.decided_by = user
    request.decided_at = timezone.now()
    request.save()
    queue_email(request, EmailKind.ACCEPTED)
    return request


@transaction.atomic
def decline_request(pk, user):
    request = _lock_undecided(pk)
    request.status = RequestStatus.DECLINED
    request.decided_by = user
    request.decided_at = timezone.now()
    request.save()
    queue_email(request, EmailKind.DECLINED)
    return request


@transaction.atomic
def purge_contact_data(older_than_days, *, now=None):
    """Remove the contact person of requests decided more than `older_than_days` ago. Returns
    how many were anonymised; their unsent emails can no longer be sent."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=older_than_days)
    return (
        PartnerRequest.objects.exclude(status=RequestStatus.RECEIVED)
        .filter(decided_at__lt=cutoff, anonymised_at__isnull=True)
        .update(
            contact_name="(removed)",
            contact_email="removed@invalid",
            anonymised_at=now,
        )
    )
