"""Factories for the content model. Pages go into the real tree and are published through a
revision, the way an editor publishes them; `live=False` leaves a draft that was never published."""

import datetime

from wagtail.models import Locale

import factory

from articles.models import ArticleAuthor, ArticleIndexPage, ArticlePage, Researcher
from cases.models import CaseActor, CaseIndexPage, CasePage
from taxonomy.models import SDG, Topic


class _PageFactory(factory.Factory):
    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *, parent=None, live=True, sdgs=(1,), topics=(), **fields):
        children = {name: fields.pop(name) for name in cls._child_relations if name in fields}
        page = model_class(**fields)
        page.sdgs = list(SDG.objects.filter(number__in=sdgs))
        page.topics.set(list(Topic.objects.filter(slug__in=topics)))
        cls.add_children(page, **children)
        page.live = False
        (parent or cls.default_parent()).add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
            page.refresh_from_db()
        return page

    @classmethod
    def add_children(cls, page, **children):
        pass


class CasePageFactory(_PageFactory):
    class Meta:
        model = CasePage

    _child_relations = ("actors",)

    title = factory.Sequence(lambda n: f"Community solar cooperative {n}")
    summary = "A cooperative puts solar panels on social housing roofs."
    city = "Amsterdam"
    country = "NL"
    latitude = 52.37403
    longitude = 4.88969
    status = "running"
    start_year = 2020

    @staticmethod
    def default_parent():
        return CaseIndexPage.for_language()

    @classmethod
    def add_children(cls, page, actors=()):
        for order, actor in enumerate(actors):
            page.actors.add(CaseActor(sort_order=order, **actor))


class ResearcherFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Researcher

    name = factory.Sequence(lambda n: f"Researcher {n}")
    affiliation = "University of Nairobi"


class ArticlePageFactory(_PageFactory):
    class Meta:
        model = ArticlePage

    _child_relations = ("authors", "related_cases")

    title = factory.Sequence(lambda n: f"What cities learn from each other {n}")
    article_type = "reflection"
    summary = "How urban professionals share what works."
    publication_date = datetime.date(2026, 3, 1)

    @staticmethod
    def default_parent():
        return ArticleIndexPage.objects.filter(locale=Locale.get_default()).get()

    @classmethod
    def add_children(cls, page, authors=(), related_cases=()):
        for order, researcher in enumerate(authors):
            page.authors.add(ArticleAuthor(sort_order=order, researcher=researcher))
        page.related_cases = list(related_cases)
