"""Factories for the content model. Pages go into the real tree and are published through a
revision, the way an editor publishes them; `live=False` leaves a draft that was never published."""

import datetime

from wagtail.models import Locale

import factory

from articles.models import ArticleAuthor, ArticleIndexPage, ArticlePage, Researcher
from cases.models import CaseActor, CaseIndexPage, CasePage
from cityevents.models import EventIndexPage, EventPage
from library.models import LibraryIndexPage, LibraryItemPage
from partners.models import Partner
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


class LibraryItemPageFactory(_PageFactory):
    class Meta:
        model = LibraryItemPage

    _child_relations = ("related_cases",)

    title = factory.Sequence(lambda n: f"Urban mobility strategy {n}")
    summary = "How the city plans walking, cycling and public transport to 2035."
    document_type = "strategy"
    organisation = "City of Utrecht"
    organisation_sector = "government"
    city = "Utrecht"
    country = "NL"
    year = 2023
    language = "en"
    external_url = "https://example.org/strategy.pdf"

    @staticmethod
    def default_parent():
        return LibraryIndexPage.objects.filter(locale=Locale.get_default()).get()

    @classmethod
    def add_children(cls, page, related_cases=()):
        page.related_cases = list(related_cases)


class PartnerFactory(factory.django.DjangoModelFactory):
    """A partner an editor published (live=False leaves a draft nobody outside the admin sees)."""

    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    sector = "urban_network"
    country = "NL"
    website = "https://partner.example.org/"
    partnership_type = "network"
    since_year = 2024
    description = "A network of cities that share what works."
    live = True


def _in_days(days, hour):
    today = datetime.datetime.now(datetime.UTC).replace(minute=0, second=0, microsecond=0)
    return today.replace(hour=hour) + datetime.timedelta(days=days)


class EventPageFactory(_PageFactory):
    """An upcoming event at a venue in Amsterdam: 30 days from now, 08:00–15:00 UTC."""

    class Meta:
        model = EventPage

    _child_relations = ("organisers", "related_cases", "related_articles")

    title = factory.Sequence(lambda n: f"Peer learning workshop {n}")
    summary = "City officers compare how they cool neighbourhoods in summer."
    event_type = "workshop"
    start = factory.LazyFunction(lambda: _in_days(30, 8))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=7))
    time_zone = "Europe/Amsterdam"
    in_person = True
    venue = "Pakhuis de Zwijger"
    city = "Amsterdam"
    country = "NL"
    latitude = 52.3676
    longitude = 4.9041

    @staticmethod
    def default_parent():
        return EventIndexPage.objects.filter(locale=Locale.get_default()).get()

    @classmethod
    def add_children(cls, page, organisers=(), related_cases=(), related_articles=()):
        page.organisers = list(organisers)
        page.related_cases = list(related_cases)
        page.related_articles = list(related_articles)
