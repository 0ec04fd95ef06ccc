"""The policy library: documents that cities and their partners publish, as pages that editors
moderate like cases, listed and searched with the same facets; and the text of their PDFs."""

from django import forms
from django.conf import global_settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from django_countries.fields import CountryField

from cases.models import Sector
from cases.serializers import CountryField as CountrySerializer
from cases.serializers import RegionField, RelatedPageListField
from core.listing import page_listing
from core.models import TitleOrderMixin
from core.related import live_related
from taxonomy import regions
from taxonomy.models import Topic
from taxonomy.serializers import SDGListField, TopicListField

from .proposals import DocumentProposal, ProposeDocumentPage  # noqa: F401 (Django's models)

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]
LANGUAGES = sorted(global_settings.LANGUAGES, key=lambda item: str(item[1]))
# Full text kept for search: enough for any policy document's words.
MAX_TEXT_LENGTH = 200_000


class DocumentType(models.TextChoices):
    POLICY = "policy", _("Policy")
    STRATEGY = "strategy", _("Strategy")
    PLAN = "plan", _("Plan")
    REGULATION = "regulation", _("Regulation")
    EVALUATION = "evaluation", _("Evaluation")
    TOOLKIT = "toolkit", _("Toolkit")
    REPORT = "report", _("Report")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC0 = "cc0-1.0", "CC0 1.0"
    OGL = "ogl-3.0", _("Open Government Licence 3.0")
    PUBLIC_DOMAIN = "public-domain", _("Public domain")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")
    OTHER = "other", _("Other (see the document)")


class LibraryIndexPage(Page):
    """Lists the library's published documents with the search facets, and where the Library
    review workflow sits."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.LibraryItemPage"]
    max_count = 1

    class Meta:
        verbose_name = _("policy library")

    def serve(self, request, *args, **kwargs):
        """Published documents through the search service (the same one as the case index):
        facet filters, counts and pagination; 400 with the message for a bad filter."""
        request.is_preview = False
        listing = page_listing(request, "library")
        context = {**self.get_context(request, *args, **kwargs), **listing}
        return TemplateResponse(
            request,
            self.get_template(request, *args, **kwargs),
            context,
            status=400 if "error" in listing else 200,
        )


class LibraryItemTopic(ItemBase):
    tag = models.ForeignKey(Topic, related_name="library_items", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "library.LibraryItemPage", related_name="topic_items", on_delete=models.CASCADE
    )


class LibraryItemPage(TitleOrderMixin, Page):
    """One policy or strategy document: what it is, who issued it where and when, the file (or
    where it is published), its licence and the cases it relates to."""

    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("Plain text, at most 300 characters. Shown in lists and search."),
    )
    document_type = models.CharField(
        _("type of document"), max_length=20, choices=DocumentType.choices
    )
    organisation = models.CharField(_("issuing organisation"), max_length=200)
    organisation_sector = models.CharField(
        _("sector of the organisation"), max_length=20, choices=Sector.choices
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    region = models.CharField(
        max_length=3, blank=True, editable=False, choices=regions.REGION_CHOICES
    )
    subregion = models.CharField(
        max_length=3, blank=True, editable=False, choices=regions.SUBREGION_CHOICES
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=YEAR_VALIDATORS, help_text=_("The year it was issued.")
    )
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGES, default="en")
    sdgs = ParentalManyToManyField(
        "taxonomy.SDG", related_name="library_items", blank=True, verbose_name="SDGs"
    )
    topics = ClusterTaggableManager(through=LibraryItemTopic, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("file"),
        help_text=_("A PDF, ODT or DOCX file. The text of a PDF is searched too."),
    )
    external_url = models.URLField(
        _("address of the document"),
        blank=True,
        help_text=_("Where the document is published, when the file is not kept here."),
    )
    licence = models.CharField(_("licence"), max_length=30, choices=Licence.choices, blank=True)
    related_cases = ParentalManyToManyField(
        "cases.CasePage", related_name="library_items", blank=True, verbose_name=_("related cases")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 3})),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("year")]),
                FieldRowPanel([FieldPanel("organisation"), FieldPanel("organisation_sector")]),
                FieldRowPanel([FieldPanel("language"), FieldPanel("licence")]),
            ],
            heading=_("The document"),
        ),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("external_url")], heading=_("File or address")
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("city"), FieldPanel("country")])], heading=_("Where")
        ),
        MultiFieldPanel(
            [
                FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics"),
                FieldPanel("related_cases"),
            ],
            heading=_("What it is about"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.FilterField("sort_title"),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.SearchField("organisation"),
        index.SearchField("city"),
        index.SearchField("document_text"),
        index.RelatedFields("sdgs", [index.SearchField("title"), index.FilterField("number")]),
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
        index.FilterField("document_type"),
        index.FilterField("country"),
        index.FilterField("region"),
        index.FilterField("subregion"),
        index.FilterField("year"),
        index.FilterField("language"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("document_type"),
        APIField("organisation"),
        APIField("organisation_sector"),
        APIField("city"),
        APIField("country", serializer=CountrySerializer()),
        APIField("region", serializer=RegionField()),
        APIField("year"),
        APIField("language"),
        APIField("sdgs", serializer=SDGListField()),
        APIField("topics", serializer=TopicListField()),
        APIField("document"),
        APIField("external_url"),
        APIField("licence"),
        APIField("related_cases", serializer=RelatedPageListField()),
    ]

    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("library document")

    def clean(self):
        super().clean()
        if not self.document_id and not self.external_url:
            raise ValidationError(
                {"document": _("Choose the file, or give the address where it is published.")}
            )

    def save(self, *args, **kwargs):
        # Region and sub-region follow the country, as for cases.
        self.region, self.subregion = regions.for_country(self.country)
        return super().save(*args, **kwargs)

    def document_text(self):
        """The words of the document's file (PDFs), for search; empty until they are read."""
        if not self.document_id:
            return ""
        row = DocumentText.objects.filter(document_id=self.document_id).only("text").first()
        return row.text if row else ""

    def live_related_cases(self):
        """The related cases a visitor may see (live and public), on a draft or preview too."""
        return live_related(self, "related_cases")

    @property
    def link(self):
        """Where a reader gets the document: its file here, else its address elsewhere."""
        return self.document.url if self.document_id else self.external_url


class DocumentText(models.Model):
    """The text of a document's file, read in the background after it is uploaded (PDFs, by
    pypdf), so library documents are found by what they say."""

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="library_text"
    )
    text = models.TextField(blank=True)
    pages = models.PositiveIntegerField(default=0)
    read_at = models.DateTimeField(auto_now=True)
    problem = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("document text")

    def __str__(self):
        return f"Text of document {self.document_id}"
