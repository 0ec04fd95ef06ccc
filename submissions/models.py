"""What comes in from the public: case submissions (with their status history and the emails owed
to the submitter), survey answers, the pages that hold the forms, and the Case review task."""

import logging
import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState

logger = logging.getLogger(__name__)


def new_token():
    return secrets.token_urlsafe(32)


class SubmissionStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    # Recorded only once the case page is live, never from the approval alone.
    APPROVED = "approved", _("Approved and published")
    # Approved with a publishing date in the future: live from that date.
    SCHEDULED = "scheduled", _("Approved, to be published")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Review cancelled")


FINISHED_STATUSES = (
    SubmissionStatus.APPROVED,
    SubmissionStatus.REJECTED,
    SubmissionStatus.WITHDRAWN,
)


class Submission(models.Model):
    """A case sent in by someone from the public. The content lives in a draft case page; this
    record keeps who sent it (private, only in the admin), where it stands and its history."""

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    page = models.ForeignKey(
        "cases.CasePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
        verbose_name=_("case page"),
    )
    title = models.CharField(_("title"), max_length=255)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.RECEIVED,
    )
    submitter_name = models.CharField(_("submitter name"), max_length=200)
    submitter_email = models.EmailField(_("submitter email"))
    submitter_organisation = models.CharField(
        _("submitter organisation"), max_length=200, blank=True
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last change"), auto_now=True)
    anonymised_at = models.DateTimeField(_("submitter data removed"), null=True, blank=True)
    publish_error = models.TextField(
        _("publishing problem"),
        blank=True,
        help_text=_("Why the last approval did not publish the case; empty once it is live."),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

    def __str__(self):
        return self.title

    @property
    def is_finished(self):
        return self.status in FINISHED_STATUSES

    def set_status(self, status, *, user=None, comment=""):
        """Move to `status`, keeping who and when in the status log."""
        self.status = status
        fields = ["status", "updated_at"]
        if self.publish_error:  # a new decision supersedes a failed approval
            self.publish_error = ""
            fields.append("publish_error")
        self.save(update_fields=fields)
        self.log.create(status=status, user=user, comment=comment)


class SubmissionStatusLog(models.Model):
    """One step in a submission's history: the new status, who moved it there and when."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="log")
    status = models.CharField(max_length=20, choices=SubmissionStatus.choices)
    at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("status change")

    def __str__(self):
        return f"{self.get_status_display()} at {self.at:%Y-%m-%d %H:%M}"


class NotificationKind(models.TextChoices):
    CONFIRMATION = "confirmation", _("Submission received")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Published")
    REJECTED = "rejected", _("Not accepted")


class Delivery(models.Model):
    """What every stored email shares: when it was sent, how often that was tried, the last
    error. The background task that sends it retries while the mail server fails."""

    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]


class Notification(Delivery):
    """An email owed to a submitter. Kept until it is sent, so a mail server that is down delays
    the email but never loses it; the background task retries it."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    comment = models.TextField(blank=True)

    class Meta(Delivery.Meta):
        pass

    def __str__(self):
        return f"{self.get_kind_display()}: {self.submission}"


class OutgoingEmail(Delivery):
    """Any other email the site sends (Wagtail's moderation notifications, password resets),
    stored by `submissions.mail.QueuedEmailBackend` in the transaction that wrote it and sent
    after the commit by the same retried task path as the emails to submitters."""

    message = models.JSONField()

    class Meta(Delivery.Meta):
        verbose_name = _("outgoing email")

    def __str__(self):
        return str(self.message.get("subject", ""))


class CaseReviewTask(AbstractGroupApprovalTask):
    """A group approval task with a final "Reject" besides Wagtail's own actions.

    Wagtail's group approval offers "Approve" and "Request changes" (its `reject`, which leaves
    the workflow waiting for changes). A case that should never be published needs a final
    answer, so "Reject" marks the task rejected and ends the workflow.
    """

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions:
            actions = [*actions, ("decline", _("Reject"), True)]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        """Do what the moderator chose, once. The task state is locked and read again first, so a
        second answer to a review that was just decided (a double click, the editor's autosave
        carrying the approval, two moderators at once) changes nothing. An approval whose
        publishing fails is rolled back whole: the case stays in review, and the reason is kept
        on its submission for the moderators to see before they approve again."""
        with transaction.atomic():
            task_state = (
                TaskState.objects.select_for_update()
                .filter(pk=task_state.pk, status=TaskState.STATUS_IN_PROGRESS)
                .first()
            )
            if task_state is None:
                logger.info("Review action %r on a task that is no longer in progress", action_name)
                return None
            task_state = task_state.specific
            if action_name == "decline":
                task_state.reject(user=user, update=False, **kwargs)
                task_state.workflow_state.cancel(user=user)
            elif action_name == "approve":
                self._approve(task_state, user, **kwargs)
            else:
                super().on_action(task_state, user, action_name, **kwargs)
        return None

    def _approve(self, task_state, user, **kwargs):
        try:
            with transaction.atomic():
                super().on_action(task_state, user, "approve", **kwargs)
        except Exception as error:  # noqa: BLE001 - whatever stopped the publish is reported
            logger.exception("Approving %s did not publish it", task_state.workflow_state)
            Submission.objects.filter(page_id=task_state.workflow_state.object_id).update(
                publish_error=f"{type(error).__name__}: {error}"[:2000], updated_at=timezone.now()
            )

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve, request changes to or reject a case")

    class Meta:
        verbose_name = _("case review task")
        verbose_name_plural = _("case review tasks")


class SubmitCasePage(RoutablePageMixin, Page):
    """The public form where anyone can share an urban project. Editors word the introduction
    and the thank-you text; the fields are fixed because external tools rely on them."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after a case is sent, above the link to its status page."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thank_you_text")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("case submission form")

    @path("")
    def form(self, request):
        from .views import serve_case_form

        return serve_case_form(self, request)

    @path("thanks/")
    def thanks(self, request):
        from .views import serve_thanks

        return serve_thanks(self, request, "submissions/submit_case_page.html")


class SurveyPage(RoutablePageMixin, Page):
    """The "Tell us how you share" research questionnaire."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thank_you_text")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("survey")

    @path("")
    def form(self, request):
        from .views import serve_survey_form

        return serve_survey_form(self, request)

    @path("thanks/")
    def thanks(self, request):
        from .views import serve_thanks

        return serve_thanks(self, request, "submissions/survey_page.html")


class SurveyResponse(models.Model):
    """One anonymous answer to the "Tell us how you share" questionnaire, for researchers."""

    sector = models.CharField(max_length=20)
    country = models.CharField(max_length=2, blank=True)
    learning_channels = models.JSONField(default=list)
    what_learned = models.TextField(blank=True)
    motivations = models.JSONField(default=list)
    barriers = models.JSONField(default=list)
    learning_levels = models.JSONField(default=list)
    comments = models.TextField(blank=True)
    # Free text leaves the admin (in research data releases) only with this consent.
    consent_share_text = models.BooleanField(
        _("may share own words with researchers"), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("survey response")

    def __str__(self):
        return f"Survey response {self.pk} ({self.created_at:%Y-%m-%d})"
