from django.db import models
from django.db.models import Count, Max

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from articles.models import ArticlePage
from cases.models import CasePage
from partners.services import founding_partners

from .blocks import BodyBlock

# Where the calls to action lead when the submission pages are not (yet) in the page tree:
# the paths the submission pages are published at by default.
SUBMIT_CASE_SLUG = "submit-a-case"
SURVEY_SLUGS = ("tell-us-how-you-share", "survey")


class HomePage(Page):
    """The site root: introduces the platform and leads to cases, science and the map."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    spotlight_sdg = models.ForeignKey(
        "taxonomy.SDG",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="SDG in the spotlight",
        help_text="The home page shows the latest cases towards this goal. Leave empty to hide the block.",
    )
    spotlight_intro = models.CharField(
        max_length=300,
        blank=True,
        help_text="A sentence introducing the spotlight, e.g. why this goal matters this month.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("spotlight_sdg"), FieldPanel("spotlight_intro")],
            heading="Cases in the spotlight",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    LATEST_CASES = 6
    SPOTLIGHT_CASES = 3
    LATEST_ARTICLES = 3

    def get_context(self, request, *args, **kwargs):
        # A fixed number of queries whatever the number of cases: one aggregate for the
        # figures, one query (plus one prefetch of SDGs) per list.
        context = super().get_context(request, *args, **kwargs)
        cases = CasePage.objects.live().public()
        figures = cases.aggregate(count=Count("pk"), last_update=Max("last_published_at"))
        context["case_count"] = figures["count"]
        context["last_update"] = figures["last_update"]
        # Cards show the case's picture: its image and renditions come with the list.
        cards = cases.select_related("main_image").prefetch_related(
            "sdgs", "main_image__renditions"
        )
        context["latest_cases"] = cards.order_by("-first_published_at")[: self.LATEST_CASES]
        context["spotlight_cases"] = (
            cards.filter(sdgs=self.spotlight_sdg_id).order_by("-first_published_at")[
                : self.SPOTLIGHT_CASES
            ]
            if self.spotlight_sdg_id
            else []
        )
        context["latest_articles"] = (
            ArticlePage.objects.live()
            .public()
            .order_by("-publication_date", "-pk")
            .prefetch_related("sdgs")[: self.LATEST_ARTICLES]
        )
        context["founding_partners"] = founding_partners()
        context.update(self.call_to_action_urls(request))
        return context

    def call_to_action_urls(self, request):
        """Links for "Submit a case" and "Tell us how you share": the live pages editors placed
        under the home page, else the submission form's default address and the contact page."""
        slugs = [SUBMIT_CASE_SLUG, *SURVEY_SLUGS, "contact"]
        pages = {
            p.slug: p for p in Page.objects.live().public().child_of(self).filter(slug__in=slugs)
        }
        survey = next((pages[s] for s in SURVEY_SLUGS if s in pages), pages.get("contact"))
        return {
            "submit_url": pages[SUBMIT_CASE_SLUG].get_url(request)
            if SUBMIT_CASE_SLUG in pages
            else "/submit-a-case/",
            "survey_url": survey.get_url(request) if survey else "/submit-a-case/",
        }


class StandardPage(Page):
    """A plain content page: About, Objectives, Research questions, Principles, Contact."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
