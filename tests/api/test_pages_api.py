"""The pages API as an external consumer sees it: anonymous HTTP against published content."""

from wagtail.models import PageViewRestriction

import pytest

CASES = "/api/v2/pages/?type=cases.CasePage&fields=*"


@pytest.fixture
def nairobi(case_factory):
    return case_factory(
        title="Community health workers in Nairobi",
        city="Nairobi",
        country="KE",
        latitude=-1.28333,
        longitude=36.81667,
        sdgs=[3, 1],
        topics=["health", "poverty"],
        actors=[{"organisation": "Nairobi City County", "sector": "government", "role": "Lead"}],
    )


@pytest.fixture
def lima(case_factory):
    return case_factory(
        title="Bus rapid transit in Lima",
        city="Lima",
        country="PE",
        latitude=-12.04318,
        longitude=-77.02824,
        sdgs=[11],
        topics=["mobility"],
    )


def _titles(response):
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


@pytest.mark.django_db
def test_case_listing_carries_the_public_fields_expanded(client, nairobi):
    item = client.get(CASES).json()["items"][0]
    assert item["title"] == "Community health workers in Nairobi"
    assert item["sdgs"] == [
        {"number": 1, "title": "No Poverty", "colour": "#E5243B"},
        {"number": 3, "title": "Good Health and Well-being", "colour": "#4C9F38"},
    ]
    assert item["topics"] == [
        {"name": "Health", "slug": "health"},
        {"name": "Poverty", "slug": "poverty"},
    ]
    assert item["country"] == {"code": "KE", "name": "Kenya"}
    assert item["region"] == {
        "code": "002",
        "name": "Africa",
        "subregion": {"code": "014", "name": "Eastern Africa"},
    }
    assert item["location"] == {"lat": -1.28333, "lon": 36.81667}
    assert item["city"] == "Nairobi"
    assert item["summary"] == nairobi.summary
    assert [(a["organisation"], a["sector"], a["role"]) for a in item["actors"]] == [
        ("Nairobi City County", "government", "Lead")
    ]


@pytest.mark.django_db
def test_article_lists_authors_and_only_live_related_cases(
    client, article_factory, case_factory, nairobi
):
    from tests.factories import ResearcherFactory

    draft = case_factory(title="Unreviewed draft case", live=False)
    author = ResearcherFactory(name="Amina Okafor", affiliation="University of Lagos")
    article_factory(
        title="Learning from health workers",
        authors=[author],
        related_cases=[nairobi, draft],
        sdgs=[3],
    )
    item = client.get("/api/v2/pages/?type=articles.ArticlePage&fields=*").json()["items"][0]
    assert item["authors"] == [
        {"name": "Amina Okafor", "affiliation": "University of Lagos", "orcid": ""}
    ]
    assert [case["title"] for case in item["related_cases"]] == [nairobi.title]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sdg=3", ["Community health workers in Nairobi"]),
        ("sdg=11", ["Bus rapid transit in Lima"]),
        ("sdg=3&sdg=11", ["Bus rapid transit in Lima", "Community health workers in Nairobi"]),
        ("sdg=3,11", ["Bus rapid transit in Lima", "Community health workers in Nairobi"]),
        ("sdg=7", []),
        ("topic=mobility", ["Bus rapid transit in Lima"]),
        ("topic=Health", ["Community health workers in Nairobi"]),
        ("country=pe", ["Bus rapid transit in Lima"]),
        ("country=KE&sdg=11", []),
        ("country=KE&sdg=1&topic=poverty", ["Community health workers in Nairobi"]),
    ],
)
def test_taxonomy_filters_on_the_case_listing(client, nairobi, lima, query, expected):
    assert _titles(client.get(f"{CASES}&{query}")) == expected


@pytest.mark.django_db
def test_filters_work_without_a_type(client, nairobi, lima, article_factory):
    article_factory(title="Health in African cities", sdgs=[3])
    assert _titles(client.get("/api/v2/pages/?sdg=3")) == [
        "Community health workers in Nairobi",
        "Health in African cities",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [("sdg=99", "sdg"), ("sdg=abc", "sdg"), ("sdg=0", "sdg"), ("country=XX", "country")],
)
def test_bad_filter_values_get_a_400_naming_the_parameter(client, nairobi, query, parameter):
    response = client.get(f"{CASES}&{query}")
    assert response.status_code == 400
    assert response.json()["message"].startswith(f"{parameter}:")


@pytest.mark.django_db
def test_drafts_never_appear_in_listing_or_detail(client, case_factory, nairobi):
    draft = case_factory(title="Secret draft", live=False)
    assert _titles(client.get(CASES)) == [nairobi.title]
    assert _titles(client.get("/api/v2/pages/?sdg=1")) == [nairobi.title]
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


@pytest.mark.django_db
def test_unpublished_and_private_cases_disappear(client, nairobi, lima):
    nairobi.unpublish()
    PageViewRestriction.objects.create(page=lima, restriction_type="password", password="x")
    assert _titles(client.get(CASES)) == []
    assert client.get(f"/api/v2/pages/{nairobi.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{lima.pk}/").status_code == 404


@pytest.mark.django_db
def test_changes_awaiting_publication_are_not_served(client, nairobi):
    nairobi.title = "Edited but not published"
    nairobi.save_revision()
    assert _titles(client.get(CASES)) == ["Community health workers in Nairobi"]


@pytest.fixture
def helsinki(case_factory):
    return case_factory(
        title="Car-free neighbourhood in Helsinki",
        city="Helsinki",
        country="FI",
        sdgs=[11, 13],
        topics=["mobility"],
        status="completed",
        start_year=2012,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("region=002", ["Community health workers in Nairobi"]),
        ("region=019", ["Bus rapid transit in Lima"]),
        ("region=154", ["Car-free neighbourhood in Helsinki"]),
        ("region=005,014", ["Bus rapid transit in Lima", "Community health workers in Nairobi"]),
        ("status=completed", ["Car-free neighbourhood in Helsinki"]),
        ("status=running&region=002", ["Community health workers in Nairobi"]),
        ("year_from=2015", ["Bus rapid transit in Lima", "Community health workers in Nairobi"]),
        ("year_to=2015", ["Car-free neighbourhood in Helsinki"]),
        ("year_from=2010&year_to=2012", ["Car-free neighbourhood in Helsinki"]),
        ("year_from=2021", []),
        ("topic=mobility&region=150", ["Car-free neighbourhood in Helsinki"]),
    ],
)
def test_region_status_and_year_filters(client, nairobi, lima, helsinki, query, expected):
    assert _titles(client.get(f"{CASES}&{query}")) == expected


@pytest.mark.django_db
def test_year_filters_date_articles_by_publication(client, nairobi, article_factory):
    import datetime

    article_factory(title="Old science", publication_date=datetime.date(2011, 5, 1))
    article_factory(title="New science", publication_date=datetime.date(2025, 5, 1))
    assert _titles(client.get("/api/v2/pages/?type=articles.ArticlePage&year_to=2020")) == [
        "Old science"
    ]
    # Without a type, cases are dated by their start year and articles by publication.
    assert _titles(client.get("/api/v2/pages/?year_from=2019")) == [
        "Community health workers in Nairobi",
        "New science",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("region=999", "region"),
        ("region=africa", "region"),
        ("status=finished", "status"),
        ("year_from=abc", "year_from"),
        ("year_to=20000", "year_to"),
        ("year_from=2020&year_to=2010", "year_to"),
        ("limit=101", "limit"),
        ("limit=-1", "limit"),
        ("offset=x", "offset"),
    ],
)
def test_more_bad_values_get_a_400_naming_the_parameter(client, nairobi, query, parameter):
    response = client.get(f"{CASES}&{query}")
    assert response.status_code == 400
    assert response.json()["message"].startswith(parameter)


@pytest.mark.django_db
def test_limit_is_capped_at_100(client, nairobi):
    assert client.get(f"{CASES}&limit=100").status_code == 200
    response = client.get(f"{CASES}&limit=101")
    assert response.status_code == 400
    # Refused by the input guard against the description (api/parameters.py), naming it.
    assert response.json()["parameter"] == "limit"
    assert response.json()["message"].startswith("limit:")
    assert "at most 100" in response.json()["message"]


@pytest.mark.django_db
def test_case_lists_its_live_articles_as_related(client, article_factory, nairobi):
    article = article_factory(title="Learning from health workers", related_cases=[nairobi])
    article_factory(title="Unreviewed article", related_cases=[nairobi], live=False)
    item = client.get(CASES).json()["items"][0]
    assert item["related_articles"] == [
        {"id": article.pk, "title": article.title, "url": article.get_full_url()}
    ]
    detail = client.get(f"/api/v2/pages/{nairobi.pk}/").json()
    assert [related["title"] for related in detail["related_articles"]] == [article.title]


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", ["cases.CasePage", "articles.ArticlePage"])
def test_listing_queries_do_not_grow_with_limit(client, case_factory, article_factory, page_type):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ResearcherFactory

    cases = [
        case_factory(
            sdgs=[1, 3],
            topics=["health", "mobility"],
            actors=[{"organisation": f"Actor {n}", "sector": "ngo", "role": "Lead"}],
        )
        for n in range(6)
    ]
    researchers = [ResearcherFactory(), ResearcherFactory()]
    for _ in range(6):
        article_factory(authors=researchers, related_cases=cases[:3], sdgs=[3, 11])
    counts = []
    for limit in (1, 50):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/api/v2/pages/?type={page_type}&fields=*&limit={limit}")
        assert len(response.json()["items"]) == min(limit, 6)
        counts.append(len(queries))
    # 13 with languages: the site's root in the other languages and their root paths (Wagtail,
    # two), and every page's translations (one for the whole listing).
    assert counts[0] == counts[1] <= 13, counts
