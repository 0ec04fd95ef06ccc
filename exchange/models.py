"""Knowledge exchange between cities: who learned from whom (knowledge-transfer links), "I'm
applying this" (adoption reports), and the contact relay to the team behind a case (the
messages, kept until sent, and an anonymous record of each request for research)."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import Orderable

from django_countries.fields import CountryField

from cases.models import Sector

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]
LATITUDE_VALIDATORS = [MinValueValidator(-90), MaxValueValidator(90)]
LONGITUDE_VALIDATORS = [MinValueValidator(-180), MaxValueValidator(180)]
DESCRIPTION_LIMIT = 500
TEXT_LIMIT = 5000


def new_token():
    return secrets.token_urlsafe(32)


class Kind(models.TextChoices):
    """How a project took the knowledge over."""

    LEARNED_FROM = "learned_from", _("Learned from")
    ADAPTED_FROM = "adapted_from", _("Adapted from")
    INSPIRED_BY = "inspired_by", _("Inspired by")


# The kind of the edge an approved adoption report adds to the network (case → adopting city).
ADOPTED = "adopted"
EDGE_KINDS = [*Kind.values, ADOPTED]


class Channel(models.TextChoices):
    """How the knowledge travelled."""

    CONFERENCE = "conference", _("Conference")
    WEBSITE = "website", _("Website")
    THIS_PLATFORM = "this_platform", _("This platform")
    STUDY_VISIT = "study_visit", _("Study visit")
    NETWORK = "network", _("City network")
    TRAINING = "training", _("Training")
    LIVING_LAB = "living_lab", _("Living lab")
    COLLEAGUE = "colleague", _("Colleague")
    PUBLICATION = "publication", _("Publication")
    OTHER = "other", _("Other")


class Stage(models.TextChoices):
    CONSIDERING = "considering", _("Considering it")
    ADAPTING = "adapting", _("Adapting it")
    IMPLEMENTED = "implemented", _("Implemented it")


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ExternalSource(models.Model):
    """Something outside the platform a project learned from: a conference, a network, a
    publication, a project elsewhere. Public: it is a node of the network."""

    title = models.CharField(_("title"), max_length=255)
    url = models.URLField(_("web address"), blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=LATITUDE_VALIDATORS
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=LONGITUDE_VALIDATORS
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("url"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("external source")
        verbose_name_plural = _("external sources")

    def __str__(self):
        place = ", ".join(part for part in (self.city, self.country.name) if part)
        return f"{self.title} ({place})" if place else self.title


class KnowledgeLink(Orderable):
    """The target case learned from a source: another case on the platform or an external
    source. Edited on the target case (so it goes live with the case's moderation) and public
    only while both ends are live and public."""

    target = ParentalKey(
        "cases.CasePage",
        related_name="knowledge_sources",
        on_delete=models.CASCADE,
        verbose_name=_("case that learned"),
    )
    source_case = models.ForeignKey(
        "cases.CasePage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="knowledge_links_out",
        verbose_name=_("learned from this case"),
    )
    source_external = models.ForeignKey(
        ExternalSource,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="links",
        verbose_name=_("or from this external source"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    description = models.CharField(
        _("what was taken over"),
        max_length=DESCRIPTION_LIMIT,
        blank=True,
        help_text=_("Public. A sentence or two."),
    )

    panels = [
        PageChooserPanel("source_case", "cases.CasePage"),
        FieldPanel("source_external"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("channel"), FieldPanel("year")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("knowledge-transfer link")
        verbose_name_plural = _("knowledge-transfer links")
        indexes = [models.Index(fields=["source_case"], name="exchange_link_source_idx")]

    def __str__(self):
        return f"{self.source_label} → {self.target_id}"

    @property
    def source_label(self):
        if self.source_case_id:
            return str(self.source_case)
        return str(self.source_external) if self.source_external_id else "?"

    def clean(self):
        super().clean()
        if bool(self.source_case_id) == bool(self.source_external_id):
            raise ValidationError(
                _("Choose either a case on the platform or an external source, not both.")
            )
        if self.source_case_id and self.source_case_id == self.target_id:
            raise ValidationError({"source_case": _("A case cannot learn from itself.")})


class AdoptionReport(models.Model):
    """ "I'm applying this": someone from another city reports using a case. Moderators approve
    it (it then shows on the case and in the network as a link to the adopting city) or
    reject it. The contact address is private."""

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    case = models.ForeignKey(
        "cases.CasePage", on_delete=models.CASCADE, related_name="adoptions", verbose_name=_("case")
    )
    city = models.CharField(_("city"), max_length=120)
    country = CountryField(_("country"))
    # Where the adopting city is, for the map's knowledge flows (looked up from the city's
    # name when the report comes in; moderators may correct it).
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=LATITUDE_VALIDATORS
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=LONGITUDE_VALIDATORS
    )
    organisation_sector = models.CharField(
        _("sector of the organisation"), max_length=20, choices=Sector.choices
    )
    what_was_used = models.TextField(_("what was used"), max_length=TEXT_LIMIT)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    contact_email = models.EmailField(_("contact email (private)"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.PENDING
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    draft_case = models.ForeignKey(
        "cases.CasePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("draft case made from it"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("adoption report")
        verbose_name_plural = _("adoption reports")

    def __str__(self):
        return f"{self.case} → {self.city}, {self.country.code}"


class ContactMessage(models.Model):
    """A question from someone in another city to the team behind a case, relayed by email.
    Kept until it is sent (a mail server that is down delays it, never loses it); once sent,
    the asker's details and the message are erased."""

    case = models.ForeignKey(
        "cases.CasePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("case")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    country = CountryField(_("country"))
    message = models.TextField(_("message"), max_length=TEXT_LIMIT)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self):
        return f"{self.case} ({self.created_at:%Y-%m-%d})"


class ContactRequestRecord(models.Model):
    """For research: that someone asked the team behind a case, with the asker's sector and
    country and the date; no name, email or message."""

    case = models.ForeignKey(
        "cases.CasePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("case")
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    country = CountryField(_("country"))
    created_on = models.DateField(_("date"))

    class Meta:
        ordering = ["-created_on", "-pk"]
        verbose_name = _("contact request (anonymous)")
        verbose_name_plural = _("contact requests (anonymous)")

    def __str__(self):
        return f"{self.case_id}: {self.sector}, {self.country.code}, {self.created_on}"


class NetworkSnapshot(models.Model):
    """The public knowledge network of one content version, with its metrics, computed once
    (see exchange/snapshot.py) so that reading the network does not rebuild it every time.
    Public data only: the same nodes and edges as `/api/v2/network/`. Derived: it can be
    deleted at any time and is built again."""

    version = models.PositiveBigIntegerField(unique=True)
    # Which build this is: a process that keeps a snapshot in memory checks it is still the
    # stored one (after a database restore, a version number can come back with new content).
    token = models.CharField(max_length=32)
    built_at = models.DateTimeField(auto_now_add=True)
    # JSON text, compressed with zlib (a tenth of the size to write and read; not a JSONField:
    # read back in the order it was written).
    data = models.BinaryField()

    class Meta:
        verbose_name = _("network snapshot")
        verbose_name_plural = _("network snapshots")

    def __str__(self):
        return f"network of content version {self.version}"
