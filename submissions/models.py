"""What comes in from the public: case submissions (with their status history and the emails owed
to the submitter), survey answers, the pages that hold the forms, and the Case review task."""

import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import AbstractGroupApprovalTask, Page


def new_token():
    return secrets.token_urlsafe(32)


class SubmissionStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    APPROVED = "approved", "Approved and published"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Review cancelled"


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
    )
    title = models.CharField(max_length=255)
    status = models.CharField(
        max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.RECEIVED
    )
    submitter_name = models.CharField(max_length=200)
    submitter_email = models.EmailField()
    submitter_organisation = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def is_finished(self):
        return self.status in FINISHED_STATUSES

    def set_status(self, status, *, user=None, comment=""):
        """Move to `status`, keeping who and when in the status log."""
        self.status = status
        self.save(update_fields=["status", "updated_at"])
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
        verbose_name = "status change"

    def __str__(self):
        return f"{self.get_status_display()} at {self.at:%Y-%m-%d %H:%M}"


class NotificationKind(models.TextChoices):
    CONFIRMATION = "confirmation", "Submission received"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    APPROVED = "approved", "Published"
    REJECTED = "rejected", "Not accepted"


class Notification(models.Model):
    """An email owed to a submitter. Kept until it is sent, so a mail server that is down delays
    the email but never loses it; the background task retries it."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.submission}"


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

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "decline":
            task_state.reject(user=user, update=False, **kwargs)
            task_state.workflow_state.cancel(user=user)
        else:
            super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve, request changes to or reject a case")

    class Meta:
        verbose_name = "case review task"
        verbose_name_plural = "case review tasks"


class SubmitCasePage(Page):
    """The public form where anyone can share an urban project. Editors word the introduction
    and the thank-you text; the fields are fixed because external tools rely on them."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown after a case is sent, above the link to its status page.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thank_you_text")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "case submission form"

    def serve(self, request, *args, **kwargs):
        from .views import serve_case_form

        return serve_case_form(self, request)


class SurveyPage(Page):
    """The "Tell us how you share" research questionnaire."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thank_you_text")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "survey"

    def serve(self, request, *args, **kwargs):
        from .views import serve_survey_form

        return serve_survey_form(self, request)


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
        verbose_name = "survey response"

    def __str__(self):
        return f"Survey response {self.pk} ({self.created_at:%Y-%m-%d})"
