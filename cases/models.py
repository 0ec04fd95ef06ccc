"""Urban practice: cases submitted by cities, NGOs and researchers, and the index that lists them."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from django_countries.fields import CountryField

from core.listing import page_listing
from core.models import TitleOrderMixin
from home.blocks import BodyBlock, DocumentBlock, LinkBlock
from taxonomy import regions
from taxonomy.models import Topic
from taxonomy.serializers import SDGListField, TopicListField

from . import serializers
from .assessment import ASSESSMENT_FIELDS, assessment_field
from .related import related_cases
from .video import caption_text

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


class Scale(models.TextChoices):
    NEIGHBOURHOOD = "neighbourhood", "Neighbourhood"
    CITY = "city", "City"
    METROPOLITAN = "metropolitan", "Metropolitan"
    REGIONAL = "regional", "Regional"
    NATIONAL = "national", "National"


class Status(models.TextChoices):
    IDEA = "idea", "Idea"
    PILOT = "pilot", "Pilot"
    RUNNING = "running", "Running"
    SCALED_UP = "scaled_up", "Scaled up"
    COMPLETED = "completed", "Completed"


class ImageLicence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC0 = "cc0-1.0", _("CC0 1.0 (public domain)")
    PERMISSION = "permission", _("Used with the rights holder's permission")


class Sector(models.TextChoices):
    GOVERNMENT = "government", "Government"
    ACADEMIA = "academia", "Academia"
    PRIVATE = "private", "Private sector"
    CIVIL_SOCIETY = "civil_society", "Civil society"
    NGO = "ngo", "NGO"
    URBAN_NETWORK = "urban_network", "Urban network"


class CaseIndexPage(Page):
    """Lists published cases; the parent of every case and where the Case review workflow sits."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cases.CasePage"]
    max_count_per_parent = 1

    @classmethod
    def for_language(cls, language=None):
        """The case index of `language`'s page tree (the default language's when that tree
        has none): where a case written in that language is created."""
        indexes = cls.objects.select_related("locale").order_by("path")
        found = indexes.filter(locale__language_code=language).first() if language else None
        return found or indexes.filter(locale=Locale.get_default()).first() or indexes.first()

    def serve(self, request, *args, **kwargs):
        """Published cases through the search service: facet filters, counts and pagination.
        A bad filter in the address is the visitor's mistake: 400 with the message; text to
        search while the search engine is down: 503 with a message."""
        request.is_preview = False
        listing = page_listing(request, "case")
        context = {**self.get_context(request, *args, **kwargs), **listing}
        status = 503 if "unavailable" in listing else 400 if "error" in listing else 200
        return TemplateResponse(
            request, self.get_template(request, *args, **kwargs), context, status=status
        )


class CaseTopic(ItemBase):
    tag = models.ForeignKey(Topic, related_name="case_items", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "cases.CasePage", related_name="topic_items", on_delete=models.CASCADE
    )


class CasePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "sdgs" in self.fields:
            self.fields["sdgs"].error_messages["required"] = (
                "Choose at least one Sustainable Development Goal."
            )


class CasePage(TitleOrderMixin, Page):
    """One urban project: what was done where, by whom, towards which SDGs, and what was learned."""

    summary = models.CharField(
        max_length=300, help_text="Plain text, at most 300 characters. Shown in lists and search."
    )
    body = StreamField(BodyBlock(), blank=True)
    main_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_credit = models.CharField(
        _("image credit"),
        max_length=255,
        blank=True,
        help_text=_("Who made the main image, e.g. “Photo: Ana Lima / City of Recife”."),
    )
    image_licence = models.CharField(
        _("image licence"), max_length=20, choices=ImageLicence.choices, blank=True
    )

    city = models.CharField(max_length=120)
    country = CountryField()
    region = models.CharField(
        max_length=3, blank=True, editable=False, choices=regions.REGION_CHOICES
    )
    subregion = models.CharField(
        max_length=3, blank=True, editable=False, choices=regions.SUBREGION_CHOICES
    )
    latitude = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )

    sdgs = ParentalManyToManyField("taxonomy.SDG", related_name="cases", verbose_name="SDGs")
    topics = ClusterTaggableManager(through=CaseTopic, blank=True)

    lessons_learned = models.TextField(blank=True)
    barriers = models.TextField(blank=True)
    facilitating_conditions = models.TextField(blank=True)
    target_groups = models.TextField(blank=True)

    scale = models.CharField(max_length=20, choices=Scale.choices, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RUNNING)
    start_year = models.PositiveSmallIntegerField(null=True, blank=True, validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(null=True, blank=True, validators=YEAR_VALIDATORS)

    # Self-assessment (cases/assessment.py): optional; editors fill them, submitters may.
    evidence = assessment_field("evidence")
    participation = assessment_field("participation")
    funding = assessment_field("funding")
    documentation = assessment_field("documentation")
    transfer = assessment_field("transfer")

    # Private: questions from other cities are relayed here (exchange/), never shown anywhere.
    contact_email = models.EmailField(
        blank=True,
        verbose_name="contact email (private)",
        help_text="Never published. Questions from other cities are forwarded to it by email.",
    )

    links = StreamField([("link", LinkBlock())], blank=True, verbose_name="website links")
    attachments = StreamField([("document", DocumentBlock())], blank=True)

    # A video case study: the player, and what is said in it for those who cannot or would
    # rather not watch (shown beside the player, and searched).
    video = StreamField(
        [("embed", EmbedBlock(max_width=800, label=_("Video link")))],
        blank=True,
        max_num=1,
        verbose_name=_("video"),
        help_text=_("The address of the video (YouTube, Vimeo, …); the page shows its player."),
    )
    video_captions = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("captions file"),
        help_text=_("A WebVTT (.vtt) or SubRip (.srt) file of what is said in the video."),
    )
    video_transcript = models.TextField(
        _("transcript"),
        blank=True,
        help_text=_("What is said in the video. Left empty, the captions file's text is shown."),
    )
    caption_text = models.TextField(blank=True, editable=False)
    has_video = models.BooleanField(_("has a video"), default=False, editable=False)

    base_form_class = CasePageForm

    content_panels = Page.content_panels + [
        FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 3})),
        FieldPanel("main_image"),
        FieldRowPanel([FieldPanel("image_credit"), FieldPanel("image_licence")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Where",
        ),
        MultiFieldPanel(
            [FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple), FieldPanel("topics")],
            heading="What it is about",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("scale")]),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("target_groups"),
            ],
            heading="Status and timeline",
        ),
        InlinePanel("actors", heading="Actors", label="Actor"),
        MultiFieldPanel(
            [
                FieldPanel("lessons_learned"),
                FieldPanel("barriers"),
                FieldPanel("facilitating_conditions"),
            ],
            heading="What others can learn",
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name in ASSESSMENT_FIELDS], heading=_("Self-assessment")
        ),
        MultiFieldPanel(
            [FieldPanel("video"), FieldPanel("video_captions"), FieldPanel("video_transcript")],
            heading=_("Video case study"),
        ),
        MultiFieldPanel(
            [FieldPanel("links"), FieldPanel("attachments")], heading="Links and files"
        ),
        # Knowledge exchange (exchange/): what this case learned from, and who to ask.
        InlinePanel("knowledge_sources", heading="Learned from", label="Source"),
        FieldPanel("contact_email"),
    ]

    search_fields = Page.search_fields + [
        index.AutocompleteField("title"),
        index.FilterField("sort_title"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("city"),
        index.SearchField("lessons_learned"),
        index.SearchField("barriers"),
        index.SearchField("facilitating_conditions"),
        index.SearchField("target_groups"),
        index.SearchField("video_transcript"),
        index.SearchField("caption_text"),
        index.RelatedFields("sdgs", [index.SearchField("title"), index.FilterField("number")]),
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
        index.FilterField("country"),
        index.FilterField("region"),
        index.FilterField("subregion"),
        index.FilterField("status"),
        index.FilterField("scale"),
        index.FilterField("start_year"),
        index.FilterField("end_year"),
        index.FilterField("has_video"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("main_image", serializer=ImageRenditionField("fill-800x450")),
        APIField("image_credit"),
        APIField("image_licence"),
        APIField("city"),
        APIField("country", serializer=serializers.CountryField()),
        APIField("region", serializer=serializers.RegionField()),
        APIField("location", serializer=serializers.LocationField()),
        APIField("sdgs", serializer=SDGListField()),
        APIField("topics", serializer=TopicListField()),
        APIField("actors"),
        APIField("lessons_learned"),
        APIField("barriers"),
        APIField("facilitating_conditions"),
        APIField("target_groups"),
        APIField("scale"),
        APIField("status"),
        APIField("start_year"),
        APIField("end_year"),
        *[APIField(name) for name in ASSESSMENT_FIELDS],
        APIField("links"),
        APIField("attachments"),
        APIField("has_video"),
        APIField("video"),
        APIField("video_captions"),
        APIField("transcript"),
        APIField(
            "related_articles", serializer=serializers.RelatedPageListField(source="articles")
        ),
    ]

    parent_page_types = ["cases.CaseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "case"

    def clean(self):
        super().clean()
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            field = "longitude" if self.longitude is None else "latitude"
            errors[field] = "Give both latitude and longitude, or neither."
        if self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = "The end year cannot be before the start year."
        if errors:
            raise ValidationError(errors)

    def related_cases(self, limit=4):
        """The "learn from similar projects" list: live cases with the same SDGs or topics,
        nearby ones and ones of the same scale first (see cases/related.py)."""
        return related_cases(self, limit=limit)

    @property
    def transcript(self):
        """What is said in the video: the editors' transcript, else the captions file's text."""
        return self.video_transcript or self.caption_text

    def set_derived_fields(self):
        """Region and sub-region follow the country; whether the case has a video and the
        text of its captions file follow the video fields. Editors never set them by hand."""
        self.region, self.subregion = regions.for_country(self.country)
        self.has_video = bool(self.video)
        self.caption_text = caption_text(self.video_captions) if self.video_captions_id else ""

    def save(self, *args, **kwargs):
        self.set_derived_fields()
        return super().save(*args, **kwargs)


class CaseActor(Orderable):
    """An organisation that took part in a case, with its sector and role."""

    page = ParentalKey(CasePage, related_name="actors", on_delete=models.CASCADE)
    organisation = models.CharField(max_length=200)
    sector = models.CharField(max_length=20, choices=Sector.choices)
    role = models.CharField(max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("sector")]),
        FieldPanel("role"),
    ]
    api_fields = [APIField("organisation"), APIField("sector"), APIField("role")]

    def __str__(self):
        return self.organisation
