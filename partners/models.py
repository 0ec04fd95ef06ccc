"""The organisations the platform works with (partners), the page that lists them, and requests
from organisations that want to become one.

A `Partner` is a snippet with a draft state: it shows on the site once an editor publishes it.
A `PartnerRequest` is what an organisation sends through "Become a partner"; its contact person
is personal data and stays in the admin inbox.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Page, RevisionMixin
from wagtail.search import index

from django_countries.fields import CountryField

from cases.models import Sector


class PartnershipType(models.TextChoices):
    FOUNDING = "founding", _("Founding partner")
    RESEARCH = "research", _("Research partner")
    NETWORK = "network", _("Network partner")
    FUNDING = "funding", _("Funding partner")
    PRACTICE = "practice", _("Practice partner")


class LivePartnerQuerySet(models.QuerySet):
    def live(self):
        """Partners an editor published: the only ones the public sees."""
        return self.filter(live=True)


class Partner(DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    """An organisation the platform works with: a government, university, urban network,
    company, civil-society group or NGO. Shown on /partners/, on the home page (founding
    partners) and on the events it organises."""

    name = models.CharField(_("name"), max_length=200)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    partnership_type = models.CharField(
        _("partnership type"), max_length=20, choices=PartnershipType.choices
    )
    since_year = models.PositiveSmallIntegerField(
        _("partner since"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("The year the partnership began."),
    )
    description = models.CharField(
        _("short description"),
        max_length=300,
        blank=True,
        help_text=_("Plain text, at most 300 characters: what the partner brings."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("sector"), FieldPanel("country")]),
        FieldPanel("website"),
        FieldRowPanel([FieldPanel("partnership_type"), FieldPanel("since_year")]),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("partnership_type"),
        index.FilterField("live"),
    ]

    objects = LivePartnerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name

    def as_api(self):
        """The public fields, as the events API shows a partner among an event's organisers."""
        return {
            "id": self.pk,
            "name": self.name,
            "sector": self.sector,
            "country": self.country.code or None,
            "website": self.website,
            "partnership_type": self.partnership_type,
        }


class PartnerIndexPage(Page):
    """/partners/: every published partner, grouped by partnership type and then by sector."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.BecomePartnerPage"]
    max_count = 1

    class Meta:
        verbose_name = _("partners page")

    def get_context(self, request, *args, **kwargs):
        from .services import partners_by_type_and_sector

        context = super().get_context(request, *args, **kwargs)
        context["groups"] = partners_by_type_and_sector()
        # The form in this page's language (its child).
        context["become_partner"] = BecomePartnerPage.objects.live().public().child_of(self).first()
        return context


class BecomePartnerPage(Page):
    """The "Become a partner" form. Editors word the introduction and the thank-you text; the
    fields are fixed, because the API (POST /api/v2/partners/requests/) takes the same ones."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after a request is sent, above the link to its status page."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thank_you_text")]

    parent_page_types = ["home.HomePage", "partners.PartnerIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("partner request form")

    def serve(self, request, *args, **kwargs):
        from .views import serve_request_form

        return serve_request_form(self, request)


def new_token():
    return secrets.token_urlsafe(32)


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class PartnerRequest(models.Model):
    """An organisation asking to become a partner. The contact person's name and email are
    personal data: they are shown only in the admin inbox, never on the site or in the API,
    and removed by `purge_submitter_data` once the request has been decided long enough."""

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    organisation = models.CharField(_("organisation"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    country = CountryField(_("country"))
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_email = models.EmailField(_("contact email"))
    contribution = models.TextField(_("what they would contribute"))
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    partner = models.ForeignKey(
        Partner,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
        verbose_name=_("partner record"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("partner request")
        verbose_name_plural = _("partner requests")

    def __str__(self):
        return self.organisation


class EmailKind(models.TextChoices):
    RECEIVED = "received", _("Request received")
    ACCEPTED = "accepted", _("Request accepted")
    DECLINED = "declined", _("Request declined")


class PartnerRequestEmail(models.Model):
    """An email owed to the contact person of a request. Stored in the transaction that
    caused it and sent after the commit by a background task, which retries it while the mail
    server is down (the same policy as the emails to submitters)."""

    request = models.ForeignKey(PartnerRequest, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField(max_length=20, choices=EmailKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.request}"
