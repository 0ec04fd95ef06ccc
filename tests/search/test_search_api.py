"""`/api/v2/search/` and `/api/v2/search/suggest/` as a consumer sees them, on the configured
backend (database by default, the real engine under `make test-all`)."""

import datetime

from wagtail.models import PageViewRestriction

import pytest

SEARCH = "/api/v2/search/"
RESULT_KEYS = {
    "id",
    "type",
    "title",
    "url",
    "api_url",
    "summary",
    "snippet",
    "sdgs",
    "topics",
    "country",
    "city",
    "start_year",
    "publication_date",
    "article_type",
    "authors",
    "image",
}
FACET_NAMES = {"sdg", "topic", "country", "region", "type", "status", "year", "article_type"}
# Facets page types bring of their own (search/registry.py): video case studies, the library.
FACET_NAMES |= {"has_video", "document_type"}


@pytest.fixture
def corpus(search_index, case_factory, article_factory):
    """Four cases and an article, with distinct SDGs, topics, places, statuses and years."""
    pages = {
        "nairobi": case_factory(
            title="Community health workers in Nairobi",
            summary="Health workers visit informal settlements door to door.",
            city="Nairobi",
            country="KE",
            sdgs=[3, 8],
            topics=["health"],
            status="running",
            start_year=2018,
        ),
        "lima": case_factory(
            title="Bus rapid transit in Lima",
            summary="A bus rapid transit corridor improves mobility for commuters.",
            city="Lima",
            country="PE",
            sdgs=[11],
            topics=["mobility"],
            status="scaled_up",
            start_year=2012,
        ),
        "bogota": case_factory(
            title="Women's safe mobility in Bogotá",
            summary="Safer night buses and lighting so women can use public transport.",
            city="Bogotá",
            country="CO",
            sdgs=[5, 11],
            topics=["mobility", "safety-security"],
            status="pilot",
            start_year=2021,
        ),
        "helsinki": case_factory(
            title="Energy cooperative in Helsinki",
            summary="Residents own the solar panels on their housing blocks.",
            city="Helsinki",
            country="FI",
            sdgs=[7, 8],
            topics=["energy", "housing"],
            status="completed",
            start_year=2015,
        ),
        "article": article_factory(
            title="What cities learn about mobility",
            summary="A reflection on how mobility projects travel between cities.",
            sdgs=[11],
            topics=["mobility"],
            publication_date=datetime.date(2024, 5, 1),
        ),
    }
    search_index.refresh()
    return pages


def _get(client, query=""):
    response = client.get(SEARCH + ("?" + query if query else ""))
    assert response.status_code == 200, response.content
    return response.json()


def _titles(data):
    return sorted(item["title"] for item in data["results"])


def _counts(data, facet):
    return {item["value"]: item["count"] for item in data["facets"][facet]}


@pytest.mark.django_db
def test_browse_returns_the_documented_shape(client, corpus):
    data = _get(client)
    assert {"count", "page", "page_size", "results", "facets"} <= set(data)
    assert data["count"] == 5
    assert (data["page"], data["page_size"]) == (1, 20)
    assert set(data["facets"]) == FACET_NAMES
    for item in data["results"]:
        # Cases also say whether they are video case studies.
        assert set(item) == RESULT_KEYS | ({"has_video"} if item["type"] == "case" else set())
    for items in data["facets"].values():
        for item in items:
            assert {"value", "label", "count", "selected"} <= set(item)

    nairobi = next(item for item in data["results"] if item["city"] == "Nairobi")
    assert nairobi["type"] == "case"
    assert nairobi["country"] == {"code": "KE", "name": "Kenya"}
    assert nairobi["start_year"] == 2018
    assert [sdg["number"] for sdg in nairobi["sdgs"]] == [3, 8]
    assert nairobi["topics"] == [{"name": "Health", "slug": "health"}]
    assert nairobi["url"].endswith(corpus["nairobi"].url)
    assert nairobi["api_url"].endswith(f"/api/v2/pages/{corpus['nairobi'].pk}/")

    article = next(item for item in data["results"] if item["type"] == "article")
    assert (article["country"], article["city"], article["start_year"]) == (None, None, None)


@pytest.mark.django_db
def test_text_search_finds_and_marks_the_words(client, corpus):
    data = _get(client, "q=rapid+transit")
    assert _titles(data) == ["Bus rapid transit in Lima"]
    assert "<mark>rapid</mark> <mark>transit</mark>" in data["results"][0]["snippet"]


@pytest.mark.django_db
def test_facets_are_disjunctive(client, corpus):
    data = _get(client, "sdg=8")
    assert _titles(data) == [
        "Community health workers in Nairobi",
        "Energy cooperative in Helsinki",
    ]
    sdg = _counts(data, "sdg")
    # SDG 8's own selection does not narrow its facet: SDG 11 still shows what it would add.
    assert sdg[8] == 2
    assert sdg[11] == 3
    assert sdg[5] == 1
    assert next(item for item in data["facets"]["sdg"] if item["value"] == 8)["selected"]
    # Other facets count within the selection.
    assert _counts(data, "country") == {"KE": 1, "FI": 1}
    assert _counts(data, "type") == {"case": 2, "article": 0, "event": 0, "library": 0}


@pytest.mark.django_db
def test_values_in_a_facet_combine_with_or_and_facets_with_and(client, corpus):
    data = _get(client, "sdg=8&sdg=5")
    assert data["count"] == 3
    data = _get(client, "sdg=11&country=CO")
    assert _titles(data) == ["Women's safe mobility in Bogotá"]
    assert _counts(data, "country") == {"PE": 1, "CO": 1}
    data = _get(client, "topic=mobility&type=case")
    assert data["count"] == 2
    assert _counts(data, "type") == {"case": 2, "article": 1, "event": 0, "library": 0}


@pytest.mark.django_db
def test_region_status_and_year_filters(client, corpus):
    assert _titles(_get(client, "region=002")) == ["Community health workers in Nairobi"]
    # South America (a sub-region) as well as the Americas.
    assert _get(client, "region=005")["count"] == 2
    assert _get(client, "region=019")["count"] == 2
    assert _titles(_get(client, "status=completed")) == ["Energy cooperative in Helsinki"]
    # Cases by start year, articles by publication year, as on /api/v2/pages/.
    data = _get(client, "year_from=2019")
    assert _titles(data) == ["What cities learn about mobility", "Women's safe mobility in Bogotá"]
    assert _counts(data, "year") == {2012: 1, 2015: 1, 2018: 1, 2021: 1, 2024: 1}
    assert _get(client, "year_from=2012&year_to=2015")["count"] == 2


@pytest.mark.django_db
def test_facet_values_are_what_the_pages_api_accepts(client, corpus):
    data = _get(client, "type=case")
    for facet in ("sdg", "topic", "country", "region", "status"):
        for item in data["facets"][facet]:
            if not item["count"]:
                continue
            pages = client.get(
                f"/api/v2/pages/?type=cases.CasePage&{facet}={item['value']}&limit=100"
            )
            assert pages.status_code == 200, (facet, item, pages.content)
            assert pages.json()["meta"]["total_count"] == item["count"], (facet, item)


@pytest.mark.django_db
def test_order_and_pagination(client, corpus):
    first = _get(client, "order=newest&page_size=2")
    second = _get(client, "order=newest&page_size=2&page=2")
    third = _get(client, "order=newest&page_size=2&page=3")
    assert first["count"] == 5
    assert [len(first["results"]), len(second["results"]), len(third["results"])] == [2, 2, 1]
    ids = [item["id"] for data in (first, second, third) for item in data["results"]]
    assert len(set(ids)) == 5
    # Newest first: the article was published last.
    assert first["results"][0]["title"] == "What cities learn about mobility"
    assert _get(client, "page=9")["results"] == []


@pytest.mark.django_db
def test_order_by_start_year_and_by_title(client, corpus):
    by_start = [item["title"] for item in _get(client, "order=start_year")["results"]]
    # Cases from the earliest start year; the article has none, so it comes last.
    assert by_start == [
        "Bus rapid transit in Lima",
        "Energy cooperative in Helsinki",
        "Community health workers in Nairobi",
        "Women's safe mobility in Bogotá",
        "What cities learn about mobility",
    ]
    by_title = [item["title"] for item in _get(client, "order=title")["results"]]
    assert by_title == sorted(by_title, key=str.lower)
    assert by_title[0] == "Bus rapid transit in Lima"
    # The order survives paging: page 2 of one-per-page is the second title.
    assert _get(client, "order=title&page_size=1&page=2")["results"][0]["title"] == by_title[1]


@pytest.mark.django_db
def test_article_results_show_date_type_and_authors_and_filter_by_type(
    client, search_index, article_factory
):
    from tests.factories import ResearcherFactory

    article_factory(
        title="Interview on heat",
        article_type="interview",
        publication_date=datetime.date(2025, 9, 14),
        authors=[ResearcherFactory(name="Amina Okafor"), ResearcherFactory(name="Lars Berg")],
    )
    article_factory(title="Reflection on water", article_type="reflection")
    search_index.refresh()
    data = _get(client, "article_type=interview")
    assert [item["title"] for item in data["results"]] == ["Interview on heat"]
    item = data["results"][0]
    assert item["publication_date"] == "2025-09-14"
    assert item["article_type"] == "interview"
    assert item["authors"] == ["Amina Okafor", "Lars Berg"]
    # The article-type facet is disjunctive like the others: the reflection still counts.
    assert _counts(data, "article_type") == {"interview": 1, "reflection": 1}


@pytest.mark.django_db
def test_case_results_carry_a_card_sized_picture_with_alt_text(client, search_index, case_factory):
    from tests.images import make_image

    image = make_image(title="Trees", alt="A street shaded by young trees")
    case_factory(title="Street trees in Seville", main_image=image)
    case_factory(title="Cycle lanes in Utrecht")
    search_index.refresh()
    items = {item["title"]: item for item in _get(client, "order=title")["results"]}
    picture = items["Street trees in Seville"]["image"]
    assert picture["alt"] == "A street shaded by young trees"
    assert (picture["width"], picture["height"]) == (640, 360)
    assert picture["url"].startswith("http://testserver/")
    assert items["Cycle lanes in Utrecht"]["image"] is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("sdg=99", "sdg"),
        ("sdg=abc", "sdg"),
        ("page=0", "page"),
        ("page_size=101", "page_size"),
        ("page_size=0", "page_size"),
        ("year_from=abc", "year_from"),
        ("year_from=2020&year_to=2010", "year_to"),
        ("country=XX", "country"),
        ("region=999", "region"),
        ("type=blog", "type"),
        ("status=finished", "status"),
        ("topic=not+a+slug", "topic"),
        ("order=random", "order"),
        ("article_type=blog", "article_type"),
        ("page=600", "page"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_bad_values_get_a_400_naming_the_parameter(client, search_index, query, parameter):
    response = client.get(SEARCH + "?" + query)
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter
    assert body["message"].startswith(parameter + ":")


@pytest.mark.django_db
def test_unknown_parameters_are_ignored(client, corpus):
    assert _get(client, "colour=blue&fields=*")["count"] == 5


@pytest.mark.django_db
def test_drafts_unpublished_and_private_pages_never_leak(client, corpus, case_factory):
    case_factory(title="Secret zeppelin draft", summary="zeppelin", live=False, sdgs=[17])
    live = corpus["lima"]
    live.title = "Zeppelin change awaiting review"
    live.save_revision()  # a draft of a live page: the published version stays what is served
    corpus["bogota"].unpublish()
    PageViewRestriction.objects.create(
        page=corpus["helsinki"], restriction_type="password", password="x"
    )
    corpus["helsinki"].save_revision().publish()
    from tests.search.conftest import SearchIndex

    SearchIndex().refresh()

    data = _get(client)
    assert _titles(data) == [
        "Bus rapid transit in Lima",
        "Community health workers in Nairobi",
        "What cities learn about mobility",
    ]
    assert _counts(data, "sdg")[17] == 0
    assert "CO" not in _counts(data, "country")
    assert "FI" not in _counts(data, "country")
    assert _get(client, "q=zeppelin")["count"] == 0
    titles = [item["title"] for item in client.get(SEARCH + "suggest/?q=zep").json()["results"]]
    assert titles == []
    titles = [item["title"] for item in client.get(SEARCH + "suggest/?q=ener").json()["results"]]
    assert titles == []


@pytest.mark.django_db
def test_suggest_returns_up_to_ten_titles(client, search_index, case_factory):
    for number in range(12):
        case_factory(title=f"Urban gardens {number}")
    case_factory(title="Rural roads")
    search_index.refresh()
    response = client.get(SEARCH + "suggest/?q=urb")
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 10
    assert all(item["title"].startswith("Urban gardens") for item in results)
    assert set(results[0]) == {"id", "type", "title", "url"}
    assert client.get(SEARCH + "suggest/?q=").json()["results"] == []


@pytest.mark.django_db
def test_responses_are_not_cached_by_proxies(client, corpus):
    response = client.get(SEARCH)
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_text_from_editors_is_escaped_in_the_snippet(client, search_index, case_factory):
    case_factory(title="Markup test", summary="<script>alert(1)</script> clean water kiosks")
    search_index.refresh()
    snippet = _get(client, "q=kiosks")["results"][0]["snippet"]
    assert "<script>" not in snippet
    assert "&lt;script&gt;" in snippet
    assert "<mark>kiosks</mark>" in snippet


@pytest.mark.django_db
def test_a_search_takes_a_small_fixed_number_of_queries(
    client, search_index, case_factory, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(query):
        search_index.refresh()
        client.get(SEARCH + "?" + query)  # warm the per-process caches (site root, types)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(SEARCH + "?" + query).status_code == 200
        return len(captured)

    countries = ["KE", "PE", "FI", "IN", "BR", "NL"]
    case_factory(sdgs=[1], topics=["health"], country="KE")
    small = queries("q=cooperative&sdg=1&sdg=2&topic=health&page_size=50")
    for number in range(8):
        case_factory(
            sdgs=[1 + number, 2],
            topics=["health", "energy"],
            country=countries[number % 6],
            start_year=2010 + number,
        )
    large = queries("q=cooperative&sdg=1&sdg=2&topic=health&page_size=50")
    assert small == large
    with django_assert_max_num_queries(30):
        client.get(SEARCH + "?q=cooperative&sdg=1&country=KE&status=running&year_from=2000")


@pytest.mark.django_db
# (A NUL character is not text anyone types: the input guard answers 400 naming `q`, see
# tests/core/test_input_guard.py.)
@pytest.mark.parametrize("text", ['"', 'water"', "AND OR NOT", ")(*", "title:water", "-"])
def test_query_syntax_typed_by_visitors_is_just_text(client, corpus, text):
    assert client.get(SEARCH, {"q": text}).status_code == 200
    assert client.get(SEARCH + "suggest/", {"q": text}).status_code == 200
    assert client.get("/search/", {"q": text}).status_code == 200
