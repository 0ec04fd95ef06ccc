"""Events where urban professionals meet: workshops, focus groups, conferences, online events,
webinars and study visits, in person and/or online, and the index page that lists them."""

from functools import lru_cache

from django import forms
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.api import APIField
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from django_countries.fields import CountryField

from cases import serializers as case_serializers
from core.models import TitleOrderMixin
from core.related import live_related
from home.blocks import BodyBlock, DocumentBlock
from taxonomy import regions
from taxonomy.models import Topic
from taxonomy.serializers import SDGListField, TopicListField

from . import serializers, times


class EventType(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    FOCUS_GROUP = "focus_group", _("Focus group")
    CONFERENCE = "conference", _("Conference")
    ONLINE_EVENT = "online_event", _("Online event")
    WEBINAR = "webinar", _("Webinar")
    STUDY_VISIT = "study_visit", _("Study visit")


@lru_cache(maxsize=1)
def language_choices():
    """Languages an event may be held in: Django's list of languages, by their English name."""
    codes = [code for code, info in LANG_INFO.items() if "name" in info and "-" not in code]
    codes += ["zh-hans", "zh-hant"]
    return sorted(((code, LANG_INFO[code]["name"]) for code in codes), key=lambda c: c[1])


def language_name(code):
    return LANG_INFO.get(code, {}).get("name", code)


class EventIndexPage(Page):
    """/events/: upcoming events first, then past ones, with filters and pagination; also
    where the events' iCalendar, RSS and Atom feeds are linked from."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        """The listing, here rather than in `serve`, so the admin's preview shows it too."""
        from .listing import index_context

        return {**super().get_context(request, *args, **kwargs), **index_context(request)}

    def serve(self, request, *args, **kwargs):
        """A bad filter in the address is the visitor's mistake: 400 with the message."""
        context = self.get_context(request, *args, **kwargs)
        return TemplateResponse(
            request,
            self.get_template(request, *args, **kwargs),
            context,
            status=400 if "error" in context else 200,
        )


class EventTopic(ItemBase):
    tag = models.ForeignKey(Topic, related_name="event_items", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "events.EventPage", related_name="topic_items", on_delete=models.CASCADE
    )


class EventPageForm(WagtailAdminPageForm):
    """Start and end are typed as the venue's wall-clock time and stored as moments."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "time_zone" in self.fields:
            self.fields["time_zone"] = forms.ChoiceField(
                label=_("Time zone of the venue"),
                choices=times.time_zone_choices(),
                initial="UTC",
                help_text=_("Start and end are the times at the venue, in this time zone."),
            )
        for name in ("start", "end"):
            if name in self.fields:
                old = self.fields[name]
                self.fields[name] = times.WallClockDateTimeField(
                    label=old.label,
                    required=old.required,
                    help_text=old.help_text,
                    widget=AdminDateTimeInput(),
                )
                moment = getattr(self.instance, name, None)
                if moment is not None and self.instance.time_zone:
                    self.initial[name] = times.to_wall_clock(moment, self.instance.time_zone)
        if "languages" in self.fields:
            self.fields["languages"] = forms.MultipleChoiceField(
                label=_("Languages"),
                choices=language_choices(),
                required=False,
                widget=forms.SelectMultiple(attrs={"size": 6}),
            )

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        for name in ("start", "end"):
            wall_clock = cleaned.get(name)
            if wall_clock is None or not zone_name:
                continue
            try:
                cleaned[name] = times.to_moment(wall_clock, zone_name)
            except ValidationError as error:
                self.add_error(name, error)
        return cleaned


class EventPage(TitleOrderMixin, Page):
    """One event: what it is, when (in the venue's time zone), where (in person and/or
    online), who organises it, what it is about, and after it took place its report,
    documents and recording."""

    summary = models.CharField(
        _("summary"),
        max_length=300,
        help_text=_("Plain text, at most 300 characters. Shown in lists, feeds and search."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    event_type = models.CharField(_("type of event"), max_length=20, choices=EventType.choices)

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    time_zone = models.CharField(
        _("time zone of the venue"),
        max_length=64,
        default="UTC",
        validators=[times.validate_time_zone],
    )

    in_person = models.BooleanField(_("in person"), default=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    region = models.CharField(
        max_length=3, blank=True, editable=False, choices=regions.REGION_CHOICES
    )
    subregion = models.CharField(
        max_length=3, blank=True, editable=False, choices=regions.SUBREGION_CHOICES
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    online = models.BooleanField(_("online"), default=False)
    join_url = models.URLField(
        _("public join link"),
        blank=True,
        help_text=_("Where anyone can join online. Never a private meeting link."),
    )
    registration_url = models.URLField(_("registration link"), blank=True)

    organisers = ParentalManyToManyField(
        "partners.Partner", blank=True, related_name="events", verbose_name=_("organisers")
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    sdgs = ParentalManyToManyField(
        "taxonomy.SDG", related_name="events", blank=True, verbose_name=_("SDGs")
    )
    topics = ClusterTaggableManager(through=EventTopic, blank=True, verbose_name=_("topics"))
    related_cases = ParentalManyToManyField(
        "cases.CasePage", related_name="events", blank=True, verbose_name=_("related cases")
    )
    related_articles = ParentalManyToManyField(
        "articles.ArticlePage",
        related_name="events",
        blank=True,
        verbose_name=_("related science articles"),
    )

    report = StreamField(BodyBlock(), blank=True, verbose_name=_("report"))
    documents = StreamField([("document", DocumentBlock())], blank=True)
    recording = StreamField(
        [("video", EmbedBlock(max_width=800))],
        blank=True,
        max_num=1,
        verbose_name=_("recording"),
    )

    base_form_class = EventPageForm

    content_panels = Page.content_panels + [
        FieldPanel("event_type"),
        FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 3})),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("time_zone")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("in_person"),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("online"),
                FieldPanel("join_url"),
                FieldPanel("registration_url"),
            ],
            heading=_("Where and how to take part"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisers", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages"),
            ],
            heading=_("Who and in which languages"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics"),
                FieldPanel("related_cases"),
                FieldPanel("related_articles"),
            ],
            heading=_("What it is about"),
        ),
        MultiFieldPanel(
            [FieldPanel("report"), FieldPanel("documents"), FieldPanel("recording")],
            heading=_("After the event"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.FilterField("sort_title"),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.SearchField("city"),
        index.SearchField("report"),
        index.RelatedFields("sdgs", [index.SearchField("title"), index.FilterField("number")]),
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
        index.FilterField("event_type"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("country"),
        index.FilterField("region"),
        index.FilterField("subregion"),
        index.FilterField("in_person"),
        index.FilterField("online"),
    ]

    api_fields = [
        APIField("event_type"),
        APIField("summary"),
        APIField("body"),
        APIField("start"),
        APIField("end"),
        APIField("time_zone"),
        APIField("local_times", serializer=serializers.LocalTimesField()),
        APIField("in_person"),
        APIField("venue"),
        APIField("city"),
        APIField("country", serializer=case_serializers.CountryField()),
        APIField("region", serializer=case_serializers.RegionField()),
        APIField("location", serializer=case_serializers.LocationField()),
        APIField("online"),
        APIField("join_url"),
        APIField("registration_url"),
        APIField("organisers", serializer=serializers.OrganiserListField()),
        APIField("languages", serializer=serializers.LanguageListField()),
        APIField("sdgs", serializer=SDGListField()),
        APIField("topics", serializer=TopicListField()),
        APIField("related_cases", serializer=case_serializers.RelatedPageListField()),
        APIField("related_articles", serializer=case_serializers.RelatedPageListField()),
        APIField("report"),
        APIField("documents"),
        APIField("recording"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def live_related_cases(self):
        """The related cases a visitor may see (live and public), on a draft or preview too."""
        return live_related(self, "related_cases", prefetch=("sdgs",))

    def live_related_articles(self):
        """The related articles a visitor may see (live and public), on a draft or preview too."""
        return live_related(self, "related_articles")

    def clean(self):
        super().clean()
        errors = {}
        if not (self.in_person or self.online):
            errors["in_person"] = _("An event takes place in person, online, or both.")
        if self.in_person and not self.city:
            errors["city"] = _("Give the city of an event that takes place in person.")
        if self.in_person and not self.country:
            errors["country"] = _("Give the country of an event that takes place in person.")
        if (self.latitude is None) != (self.longitude is None):
            field = "longitude" if self.longitude is None else "latitude"
            errors[field] = _("Give both latitude and longitude, or neither.")
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end cannot be before the start.")
        known = {code for code, _name in language_choices()}
        if not isinstance(self.languages, list) or not set(self.languages) <= known:
            errors["languages"] = _("Choose languages from the list.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # Region and sub-region follow the country; editors never set them by hand.
        self.region, self.subregion = regions.for_country(self.country)
        return super().save(*args, **kwargs)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def zone(self):
        return times.zone(self.time_zone)

    def language_names(self):
        return [language_name(code) for code in self.languages or []]

    def public_organisers(self):
        return [partner for partner in self.organisers.all() if partner.live]
