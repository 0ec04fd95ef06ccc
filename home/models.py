from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from articles.models import ArticlePage
from cases.models import CasePage

from .blocks import BodyBlock


class HomePage(Page):
    """The site root: introduces the platform and leads to cases, science and the map."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        cases = CasePage.objects.live().public()
        context["case_count"] = cases.count()
        context["last_update"] = (
            cases.order_by("-last_published_at").values_list("last_published_at", flat=True).first()
        )
        context["latest_cases"] = cases.order_by("-first_published_at").prefetch_related("sdgs")[:6]
        context["latest_articles"] = (
            ArticlePage.objects.live()
            .public()
            .order_by("-publication_date")
            .prefetch_related("sdgs")[:3]
        )
        return context


class StandardPage(Page):
    """A plain content page: About, Objectives, Research questions, Principles, Contact."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
