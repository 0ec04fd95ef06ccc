from wagtail.models import PageViewRestriction

import pytest

from exchange.models import AdoptionReport, ExternalSource, KnowledgeLink, ReviewStatus

ADOPTIONS_API = "/api/v2/exchange/adoptions/"
CONTACT_API = "/api/v2/exchange/contact/"


def link(
    target, source=None, *, external=None, kind="learned_from", channel="conference", year=2020
):
    """A knowledge-transfer link published the way editors publish one: on the target case,
    through a new revision."""
    item = KnowledgeLink(kind=kind, channel=channel, year=year, description="The method.")
    if source is not None:
        item.source_case = source
    else:
        item.source_external = external
    target.knowledge_sources.add(item)
    if target.live:
        target.save_revision().publish()
    else:
        target.save()
    return target.knowledge_sources.order_by("-pk").first()


def external(title="World Urban Forum", city="Katowice", country="PL"):
    return ExternalSource.objects.create(
        title=title, url="https://wuf.example.org/", city=city, country=country
    )


def adoption(case, status=ReviewStatus.APPROVED, **fields):
    values = {
        "city": "Lyon",
        "country": "FR",
        "organisation_sector": "government",
        "what_was_used": "The tenant meetings.",
        "stage": "adapting",
        "year": 2024,
        "status": status,
        "contact_email": "adopter.private@example.org",
        **fields,
    }
    return AdoptionReport.objects.create(case=case, **values)


@pytest.fixture
def moderator(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("mod", "mod@example.org", "pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


CITIES = [
    ("Nairobi", "KE", [11, 3], ["mobility"]),
    ("Lima", "PE", [1, 11], ["housing"]),
    ("Utrecht", "NL", [11, 13], ["mobility", "climate"]),
    ("Hanoi", "VN", [2], ["food"]),
    ("Tunis", "TN", [16], ["governance"]),
    ("Toronto", "CA", [10, 8], ["migration"]),
]


@pytest.fixture
def varied_network(case_factory):
    cases = [
        case_factory(title=f"Case in {city}", city=city, country=country, sdgs=sdgs, topics=topics)
        for city, country, sdgs, topics in CITIES
    ]
    draft = case_factory(title="Draft", live=False, sdgs=[11])
    private = case_factory(title="Private", country="KE", sdgs=[11])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    forum = external()
    plan = [
        (0, 1, "learned_from", "conference", 2015),
        (0, 2, "adapted_from", "study_visit", 2019),
        (1, 2, "inspired_by", "website", None),
        (2, 3, "learned_from", "this_platform", 2022),
        (3, 4, "adapted_from", "network", 2012),
        (4, 0, "inspired_by", "conference", 2024),
        (5, 3, "learned_from", "website", 2018),
    ]
    for source, target, kind, channel, year in plan:
        link(cases[target], cases[source], kind=kind, channel=channel, year=year)
    link(cases[5], external=forum, kind="inspired_by", channel="conference", year=2016)
    link(cases[1], draft)
    link(cases[2], private)
    link(draft, cases[0])
    adoption(cases[0], city="Lyon", country="FR", year=2023)
    adoption(cases[2], city="Gdańsk", country="PL", year=None)
    adoption(cases[2], city="Lyon", country="FR", status=ReviewStatus.PENDING)
    adoption(private, city="Lyon", country="FR")
    return cases
