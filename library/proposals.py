"""Documents proposed by the public: the form page, and the private record of who proposed
which draft library page and where its review stands. The document itself is a draft
`LibraryItemPage` that moderators review like any other page."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


def new_token():
    return secrets.token_urlsafe(32)


class ProposalStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    CHANGES_REQUESTED = "changes_requested", _("Being reviewed")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Not added")


class DocumentProposal(models.Model):
    """Who proposed a document (private, only in the admin), the draft page it became, and
    where its review stands."""

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    page = models.ForeignKey(
        "library.LibraryItemPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    title = models.CharField(max_length=255)
    status = models.CharField(
        max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.RECEIVED
    )
    proposer_name = models.CharField(max_length=200)
    proposer_email = models.EmailField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("document proposal")

    def __str__(self):
        return self.title


class ProposeDocumentPage(Page):
    """The public form where anyone can propose a policy or strategy document for the library.
    Editors word the introduction and the thank-you text."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thank_you_text")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("document proposal form")

    def serve(self, request, *args, **kwargs):
        from .views import serve_proposal_form

        return serve_proposal_form(self, request)
