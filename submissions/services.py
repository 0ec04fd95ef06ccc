"""Multi-step operations on submissions: taking in a case (one transaction), recording workflow
transitions, anonymising old submitter data, storing survey answers."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from wagtail.images import get_image_model
from wagtail.models import Collection, PageLogEntry, Revision, TaskState, WorkflowState
from wagtail.rich_text import RichText

from cases.assessment import ASSESSMENT_FIELDS
from cases.models import CaseActor, CaseIndexPage, CasePage, Status
from exchange.learned_from import apply_to_submitted_case
from home.locale_trees import ensure_locale_trees
from taxonomy.models import SDG

from .models import (
    FINISHED_STATUSES,
    NotificationKind,
    Submission,
    SubmissionStatus,
    SurveyResponse,
)
from .notifications import queue_notification
from .permissions import SUBMITTED_IMAGES_COLLECTION, submitted_images_collection


def as_text_paragraphs(text):
    """Text from the public as rich text that shows exactly what was typed: every character
    escaped, blank lines starting new paragraphs. Moderators can then edit it as usual."""
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return RichText("".join(f"<p>{escape(p).replace(chr(10), '<br/>')}</p>" for p in paragraphs))


PUBLIC_USERNAME = "the-public"


def public_submitter():
    """The account that stands for the public in Wagtail's workflow history, timeline and
    moderator emails ("submitted … by the public"). Inactive, with no password and no email
    address: it can never log in or receive mail."""
    user, created = get_user_model().objects.get_or_create(
        username=PUBLIC_USERNAME, defaults={"first_name": "the public", "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


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
        facilitating_conditions=data.get("facilitating_conditions", ""),
        target_groups=data.get("target_groups", ""),
        scale=data.get("scale") or "",
        start_year=data.get("start_year"),
        end_year=data.get("end_year"),
        status=data.get("status") or Status.RUNNING,
        **{name: data.get(name) or "" for name in ASSESSMENT_FIELDS},
        body=[("text", as_text_paragraphs(data["description"]))],
        links=[("link", {"url": url, "title": ""}) for url in data.get("links", [])],
        live=False,
    )
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
            description=data.get("image_description", ""),
            file=data["image"],
            collection=submitted_images_collection(),
        )
        page.image_credit = data.get("image_credit", "")
        page.image_licence = data.get("image_licence", "")
    return page


@transaction.atomic
def submit_case(data):
    """Take in a validated case: a Submission (status received), a draft case page under the
    case index of the language it is written in (`language`: its own page tree) carrying the
    content, and the index's workflow ("Case review") started on it. All or nothing. The
    confirmation email is queued for after the commit."""
    index = _case_index(data.get("language"))
    submission = Submission.objects.create(
        title=data["title"],
        submitter_name=data["submitter_name"],
        submitter_email=data["submitter_email"],
        submitter_organisation=data.get("submitter_organisation", ""),
    )
    page = _build_case_page(data)
    index.add_child(instance=page)
    public = public_submitter()
    page.save_revision(user=public, log_action=True)
    submission.page = page
    submission.save(update_fields=["page"])
    submission.log.create(status=SubmissionStatus.RECEIVED)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user=public)
    queue_notification(submission, NotificationKind.CONFIRMATION)
    return submission


def _case_index(language):
    """The case index of `language`'s tree, creating that tree (the platform's pages in that
    language) when a deployment added the language but has not set its pages up yet."""
    index = CaseIndexPage.for_language(language)
    if language and index is not None and index.locale.language_code != language:
        ensure_locale_trees()
        index = CaseIndexPage.for_language(language)
    return index


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


def is_scheduled(page_id):
    """An approved revision waits for its publishing date."""
    return Revision.page_revisions.filter(
        object_id=str(page_id), approved_go_live_at__isnull=False
    ).exists()


def confirm_published(page_id):
    """Run after the commit of a publish: the submission says "published" (and the submitter
    is emailed) only if the case page really is live now; an approval with a publishing date
    to come is recorded as such."""
    submission = submission_for_page(page_id)
    page = CasePage.objects.filter(pk=page_id).first()
    if submission is None or page is None or submission.status == SubmissionStatus.APPROVED:
        return None
    user, comment = _who_approved(page)
    with transaction.atomic():
        if page.live:
            return record_transition(
                page_id,
                SubmissionStatus.APPROVED,
                user=user,
                comment=comment,
                notify=NotificationKind.APPROVED,
            )
        if is_scheduled(page_id):
            return record_transition(
                page_id, SubmissionStatus.SCHEDULED, user=user, comment=comment
            )
    return None


def _who_approved(page):
    """Who published the page last, and the approval's comment when a review approved it."""
    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish")
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )
    user = entry.user if entry else None
    state = page.workflow_states.order_by("-created_at", "-pk").first()
    comment = ""
    if state is not None and state.status == WorkflowState.STATUS_APPROVED:
        approved = state.task_states.filter(status=TaskState.STATUS_APPROVED)
        task_state = approved.order_by("-finished_at", "-pk").first()
        if task_state is not None:
            user = user or task_state.finished_by
            comment = task_state.get_comment()
    return user, comment


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
