"""Multi-step operations on submissions: taking in a case (one transaction), recording workflow
transitions, anonymising old submitter data, storing survey answers."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.rich_text import RichText

from cases.models import CaseActor, CaseIndexPage, CasePage, Status
from exchange.learned_from import apply_to_submitted_case
from taxonomy.models import SDG

from .models import (
    FINISHED_STATUSES,
    NotificationKind,
    Submission,
    SubmissionStatus,
    SurveyResponse,
)
from .notifications import queue_notification

SUBMITTED_IMAGES_COLLECTION = "Submitted images"


def as_text_paragraphs(text):
    """Text from the public as rich text that shows exactly what was typed: every character
    escaped, blank lines starting new paragraphs. Moderators can then edit it as usual."""
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return RichText("".join(f"<p>{escape(p).replace(chr(10), '<br/>')}</p>" for p in paragraphs))


def _submitted_images_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=SUBMITTED_IMAGES_COLLECTION).first()
    return existing or root.add_child(name=SUBMITTED_IMAGES_COLLECTION)


def _build_case_page(data):
    page = CasePage(
        title=data["title"],
        summary=data["summary"],
        city=data["city"],
        country=data["country"],
        latitude=data.get("latitude"),
        longitude=data.get("longitude"),
        lessons_learned=data.get("lessons_learned", ""),
        barriers=data.get("barriers", ""),
        start_year=data.get("start_year"),
        status=data.get("status") or Status.RUNNING,
        body=[("text", as_text_paragraphs(data["description"]))],
        live=False,
    )
    if data.get("website"):
        page.links = [("link", {"url": data["website"], "title": ""})]
    page.sdgs = list(SDG.objects.filter(number__in=data["sdgs"]))
    page.topics.set(data.get("topics", []))
    for order, actor in enumerate(data.get("actors", [])):
        page.actors.add(CaseActor(sort_order=order, **actor))
    # Knowledge exchange: links to what it learned from, and the contact address if agreed.
    apply_to_submitted_case(page, data)
    if data.get("image"):
        # Kept in their own collection so editors (and the images API) can tell them apart
        # from published material until the case is approved.
        page.main_image = get_image_model().objects.create(
            title=data["title"][:255],
            file=data["image"],
            collection=_submitted_images_collection(),
        )
    return page


@transaction.atomic
def submit_case(data):
    """Take in a validated case: a Submission (status received), a draft case page under the
    case index carrying the content, and the index's workflow ("Case review") started on it.
    All or nothing. The confirmation email is queued for after the commit."""
    index = CaseIndexPage.objects.get()
    submission = Submission.objects.create(
        title=data["title"],
        submitter_name=data["submitter_name"],
        submitter_email=data["submitter_email"],
        submitter_organisation=data.get("submitter_organisation", ""),
    )
    page = _build_case_page(data)
    index.add_child(instance=page)
    page.save_revision(log_action=True)
    submission.page = page
    submission.save(update_fields=["page"])
    submission.log.create(status=SubmissionStatus.RECEIVED)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user=None)
    queue_notification(submission, NotificationKind.CONFIRMATION)
    return submission


def submission_for_page(page_id):
    return Submission.objects.filter(page_id=page_id).first()


def record_transition(page_id, status, *, user=None, comment="", notify=None):
    """Keep a submission in step with the workflow on its page, emailing the submitter
    when `notify` names a kind of email."""
    submission = submission_for_page(page_id)
    if submission is None or submission.status == status:
        return None
    submission.set_status(status, user=user, comment=comment)
    if status == SubmissionStatus.APPROVED:
        _release_submitted_image(page_id)
    if notify:
        queue_notification(submission, notify, comment=comment)
    return submission


def _release_submitted_image(page_id):
    """Once the case is published its image joins the main collection, like any other."""
    image_id = CasePage.objects.filter(pk=page_id).values_list("main_image_id", flat=True).first()
    if image_id:
        get_image_model().objects.filter(
            pk=image_id, collection__name=SUBMITTED_IMAGES_COLLECTION
        ).update(collection=Collection.get_first_root_node())


@transaction.atomic
def purge_submitter_data(older_than_days, *, now=None):
    """Anonymise the name, email and organisation of finished submissions last changed more
    than `older_than_days` ago. Returns how many were anonymised."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=older_than_days)
    old = Submission.objects.filter(
        status__in=FINISHED_STATUSES, updated_at__lt=cutoff, anonymised_at__isnull=True
    )
    # Unsent emails to these people can no longer be sent.
    count = old.update(
        submitter_name="(removed)",
        submitter_email="removed@invalid",
        submitter_organisation="",
        anonymised_at=now,
    )
    return count


def save_survey_response(data):
    """Store one anonymous survey answer."""
    return SurveyResponse.objects.create(
        sector=data["sector"],
        country=data.get("country", ""),
        learning_channels=data["learning_channels"],
        what_learned=data.get("what_learned", ""),
        motivations=data.get("motivations", []),
        barriers=data.get("barriers", []),
        learning_levels=data.get("learning_levels", []),
        comments=data.get("comments", ""),
        consent_share_text=bool(data.get("consent_share_text")),
    )
