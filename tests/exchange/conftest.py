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
