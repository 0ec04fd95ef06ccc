"""Urban science: articles by researchers, and the researchers who write them."""

from django import forms
from django.core.validators import RegexValidator
from django.db import models
from django.template.response import TemplateResponse

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.listing import page_listing
from core.models import TitleOrderMixin
from home.blocks import BodyBlock
from taxonomy.models import Topic
from taxonomy.serializers import SDGListField, TopicListField

from .serializers import AuthorListField, RelatedPageListField


class Researcher(index.Indexed, models.Model):
    """A person who writes science articles; a snippet so one record serves many articles."""

    name = models.CharField(max_length=200)
    affiliation = models.CharField(max_length=255, blank=True)
    orcid = models.CharField(
        "ORCID iD",
        max_length=19,
        blank=True,
        validators=[
            RegexValidator(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$", "Use the form 0000-0002-1825-0097.")
        ],
    )
    bio = models.TextField(blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("affiliation"),
        FieldPanel("orcid"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("affiliation"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def as_api(self):
        return {"name": self.name, "affiliation": self.affiliation, "orcid": self.orcid}


class ArticleType(models.TextChoices):
    REFLECTION = "reflection", "Reflection"
    INTERVIEW = "interview", "Interview"
    RESEARCH_SUMMARY = "research_summary", "Research summary"
    STUDENT_PROJECT = "student_project", "Student project"


class ArticleIndexPage(Page):
    """Lists published science articles; where the Science review workflow sits."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count_per_parent = 1

    def serve(self, request, *args, **kwargs):
        """Published articles through the search service (as the case index lists cases):
        a search box, filters by SDG, topic, article type and year with counts, pagination.
        A bad filter in the address is the visitor's mistake: 400 with the message."""
        request.is_preview = False
        listing = page_listing(request, "article")
        context = {**self.get_context(request, *args, **kwargs), **listing}
        return TemplateResponse(
            request,
            self.get_template(request, *args, **kwargs),
            context,
            status=400 if "error" in listing else 200,
        )


class ArticleTopic(ItemBase):
    tag = models.ForeignKey(Topic, related_name="article_items", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="topic_items", on_delete=models.CASCADE
    )


class ArticlePage(TitleOrderMixin, Page):
    """A piece of urban science: a reflection, interview, research summary or student project."""

    article_type = models.CharField(max_length=20, choices=ArticleType.choices)
    summary = models.CharField(max_length=300, help_text="Plain text, at most 300 characters.")
    body = StreamField(BodyBlock(), blank=True)
    publication_date = models.DateField()
    reference = models.TextField(blank=True, help_text="How to cite this article.")
    doi = models.CharField(
        "DOI",
        max_length=100,
        blank=True,
        validators=[RegexValidator(r"^10\.\d{4,9}/\S+$", "Use the form 10.1234/abcd.")],
    )
    sdgs = ParentalManyToManyField(
        "taxonomy.SDG", related_name="articles", blank=True, verbose_name="SDGs"
    )
    topics = ClusterTaggableManager(through=ArticleTopic, blank=True)
    related_cases = ParentalManyToManyField("cases.CasePage", related_name="articles", blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("article_type"),
                FieldPanel("publication_date"),
                InlinePanel("authors", label="Author", min_num=1),
            ],
            heading="Article",
        ),
        FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 3})),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics"),
                FieldPanel("related_cases"),
            ],
            heading="What it is about",
        ),
        MultiFieldPanel([FieldPanel("reference"), FieldPanel("doi")], heading="Reference"),
    ]

    search_fields = Page.search_fields + [
        index.AutocompleteField("title"),
        index.FilterField("sort_title"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("sdgs", [index.SearchField("title"), index.FilterField("number")]),
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
        index.FilterField("article_type"),
        index.FilterField("publication_date"),
    ]

    api_fields = [
        APIField("article_type"),
        APIField("summary"),
        APIField("body"),
        APIField("publication_date"),
        APIField("authors", serializer=AuthorListField()),
        APIField("sdgs", serializer=SDGListField()),
        APIField("topics", serializer=TopicListField()),
        APIField("related_cases", serializer=RelatedPageListField()),
        APIField("reference"),
        APIField("doi"),
    ]

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "science article"

    def live_related_cases(self):
        """The related cases a visitor may see: live and public ones only.

        Read through `.all()`, which also works for a draft or a preview, whose related cases
        are held in memory rather than in the database."""
        from cases.models import CasePage  # cases' models refer to this module's by name

        ids = [case.pk for case in self.related_cases.all()]
        found = CasePage.objects.live().public().filter(pk__in=ids).prefetch_related("sdgs")
        by_id = {case.pk: case for case in found}
        return [by_id[pk] for pk in ids if pk in by_id]


class ArticleAuthor(Orderable):
    page = ParentalKey(ArticlePage, related_name="authors", on_delete=models.CASCADE)
    researcher = models.ForeignKey(Researcher, related_name="+", on_delete=models.PROTECT)

    panels = [FieldPanel("researcher")]
