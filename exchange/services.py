"""What happens to the public's input and to moderators' decisions: adoption reports (received,
approved, rejected, turned into a draft case) and questions relayed to the team behind a case.
Each is one transaction; emails leave after it commits. And what other apps read of the
exchange (`public_links`, for the research figures and releases of `insights`)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page

from cases.models import CaseIndexPage, CasePage
from submissions.services import as_text_paragraphs

from . import places, snapshot
from .models import (
    AdoptionReport,
    Channel,
    ContactMessage,
    ContactRequestRecord,
    Kind,
    KnowledgeLink,
    ReviewStatus,
)


def report_adoption(data):
    """Store an adoption report for review (nothing is public before a moderator approves)."""
    latitude, longitude = places.locate(data["city"], data["country"])
    return AdoptionReport.objects.create(
        case=data["case"],
        city=data["city"],
        country=data["country"],
        latitude=latitude,
        longitude=longitude,
        organisation_sector=data["organisation_sector"],
        what_was_used=data["what_was_used"],
        stage=data["stage"],
        year=data.get("year"),
        contact_email=data.get("contact_email", ""),
    )


@transaction.atomic
def review_adoption(report, status, user):
    """Approve or reject a report. Approved reports show on the case and in the network."""
    report.status = status
    report.reviewed_at = timezone.now()
    report.reviewed_by = user
    report.save(update_fields=["status", "reviewed_at", "reviewed_by"])
    return report


@transaction.atomic
def adoption_to_draft_case(report, user):
    """A draft case for the adopting city, prefilled from the report and the case it used,
    with a link saying what it learned from. Editors complete it and send it to review."""
    report = AdoptionReport.objects.select_for_update().get(pk=report.pk)
    if report.draft_case_id and Page.objects.filter(pk=report.draft_case_id).exists():
        return report.draft_case
    source = report.case
    what = " ".join(report.what_was_used.split())
    page = CasePage(
        title=_("%(title)s in %(city)s") % {"title": source.title, "city": report.city},
        summary=what[:300],
        city=report.city,
        country=report.country,
        start_year=report.year,
        body=[("text", as_text_paragraphs(report.what_was_used))],
        live=False,
        owner=user,
    )
    page.sdgs = list(source.sdgs.all())
    page.knowledge_sources.add(
        KnowledgeLink(
            source_case=source,
            kind=Kind.ADAPTED_FROM if report.stage != "considering" else Kind.INSPIRED_BY,
            channel=Channel.THIS_PLATFORM,
            year=report.year,
            description=what[:500],
        )
    )
    CaseIndexPage.for_language().add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    report.draft_case = page
    report.save(update_fields=["draft_case"])
    return page


@transaction.atomic
def relay_question(data):
    """Keep the question until it is sent to the case's contact (after the commit, by a
    background task), and record the request anonymously for research."""
    case = data["case"]
    message = ContactMessage.objects.create(
        case=case,
        name=data["name"],
        email=data["email"],
        organisation=data.get("organisation", ""),
        sector=data["sector"],
        country=data["country"],
        message=data["message"],
    )
    ContactRequestRecord.objects.create(
        case=case,
        sector=data["sector"],
        country=data["country"],
        created_on=timezone.now().date(),
    )
    transaction.on_commit(lambda: enqueue_delivery(message.pk))
    return message


def enqueue_delivery(message_id, *, run_after=None):
    from .tasks import send_contact_message

    task = send_contact_message.using(run_after=run_after) if run_after else send_contact_message
    return task.enqueue(message_id)


def pending_messages():
    return ContactMessage.objects.filter(sent_at__isnull=True).exclude(email="")


__all__ = [
    "ReviewStatus",
    "adoption_to_draft_case",
    "enqueue_delivery",
    "relay_question",
    "report_adoption",
    "review_adoption",
]


def public_links():
    """The public knowledge-transfer links (both ends live and public; adoptions are not
    links), for the research figures and data releases (`insights.sources.knowledge_links`
    documents the shape): one dict per link with the city, country and UN M49 region code of
    its source and of the case that learned, its kind, channel and year, and `sdgs`, the SDG
    numbers of the case that learned. Read from the network kept for the content version."""
    network = snapshot.current()
    nodes, kinds, rows = network.nodes, set(Kind.values), []
    for edge in network.raw["edges"]:
        if edge["kind"] not in kinds:
            continue
        source, target = nodes[edge["source"]], nodes[edge["target"]]
        rows.append(
            {
                "source_city": source["city"],
                "source_country": source["country"],
                "source_region": source["region"],
                "target_city": target["city"],
                "target_country": target["country"],
                "target_region": target["region"],
                "kind": edge["kind"],
                "channel": edge["channel"],
                "year": edge["year"],
                "sdgs": list(target["sdgs"]),
            }
        )
    return rows
