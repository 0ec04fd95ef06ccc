from django.core.cache import cache

import pytest

API = "/api/v2/benchmark/"
PAGE = "/benchmark/"


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    # The rate limit counts in Django's cache, which outlives a test's database transaction.
    cache.clear()
    yield
    cache.clear()


def payload(**overrides):
    data = {
        "title": "Rooftop gardens on social housing",
        "description": "Tenants grow vegetables on the roofs of their housing blocks.",
        "city": "Rotterdam",
        "country": "NL",
        "sdgs": [11, 2],
        "topics": [],
        "scale": "neighbourhood",
        "status": "pilot",
        "start_year": 2021,
        "actors": [{"sector": "civil_society"}, {"sector": "private"}],
        "evidence": "anecdotal",
        "participation": "co_designed",
        "funding": "one_off",
        "documentation": "internal",
        "transfer": "none",
    }
    data.update(overrides)
    return data


@pytest.fixture
def post(client):
    def send(**overrides):
        return client.post(API, payload(**overrides), content_type="application/json")

    return send


@pytest.fixture
def peers(case_factory):
    """Six live cases like the payload (SDG 11, the Netherlands), with their own lessons and
    self-assessment, a draft and a private one that must never be peers."""
    from wagtail.models import PageViewRestriction

    made = []
    for n in range(6):
        made.append(
            case_factory(
                title=f"Community garden {n}",
                sdgs=(11,),
                country="NL",
                scale="neighbourhood",
                status="running" if n % 2 else "completed",
                start_year=2010 + n,
                end_year=2020 if n % 2 == 0 else None,
                lessons_learned=f"Lesson of garden {n}.",
                barriers=f"Barrier of garden {n}." if n < 3 else "",
                facilitating_conditions="A supportive council." if n == 0 else "",
                evidence="monitored" if n < 4 else "evaluated",
                participation="co_designed",
                actors=[{"organisation": f"Group {n}", "sector": "civil_society", "role": ""}],
            )
        )
    case_factory(title="SECRET draft garden", sdgs=(11,), country="NL", live=False)
    private = case_factory(title="SECRET private garden", sdgs=(11,), country="NL")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    return made
