"""Facet counts and result orders, checked against counts and orders computed independently
from the database for many filter combinations (property-based, with hypothesis), on the
configured backend."""

import datetime
import itertools

from django.http import QueryDict

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import ArticlePage
from cases.models import CasePage
from cityevents.models import EventPage
from search import services

SDGS = [1, 3, 5, 7, 11]
TOPICS = ["health", "mobility", "energy", "housing"]
COUNTRIES = ["KE", "PE", "FI", "IN"]  # Africa, Americas, Europe, Asia
STATUSES = ["pilot", "running", "completed"]
YEARS = [2014, 2017, 2020, 2023]
ARTICLE_TYPES = ["reflection", "interview", "research_summary", "student_project"]
WORD = "quokka"  # in some summaries only
VIDEO = "https://www.youtube.com/watch?v=closercities1"
# Facets that page types bring of their own (search/registry.py): has_video from cases (some
# below have a video), article_type from science articles, document_type from the library (no
# documents here: never counted). A record without one of them (another type's page) has no
# value in it.
EXTRA_FACETS = ("has_video", "article_type", "document_type")
# Title starts in mixed case, with two titles that differ only in case (a tie for "title").
TITLE_STARTS = ["zebra", "Apple", "mango", "Kiwi", "apple", "banana", "Cherry"]


@pytest.fixture
def varied_pages(search_index, case_factory, article_factory, event_factory):
    """Fourteen cases, four articles and four events (one online only, without a country)
    that combine the facet values in many ways, plus drafts that must never be counted."""
    combos = itertools.cycle(
        zip(
            itertools.cycle(COUNTRIES),
            itertools.cycle(STATUSES),
            itertools.cycle(YEARS),
            itertools.cycle(TOPICS),
            strict=False,
        )
    )
    for number in range(14):
        country, status, year, topic = next(combos)
        sdgs = [SDGS[number % 5], SDGS[(number * 2 + 1) % 5]]
        topics = [topic] if number % 3 else [topic, TOPICS[(number + 1) % 4]]
        case_factory(
            title=f"{TITLE_STARTS[number % 7]} case" + (f" {number}" if number % 7 != 4 else ""),
            summary=f"Case number {number}" + (f" about the {WORD}" if number % 4 == 0 else ""),
            country=country,
            status=status,
            # Two cases without a start year: they come last in the start-year order.
            start_year=None if number in (5, 11) else year,
            sdgs=sdgs,
            topics=topics,
            # Every third case is a video case study (the has_video facet).
            video=[("embed", VIDEO)] if number % 3 == 0 else [],
        )
    for number in range(4):
        article_factory(
            title=f"{TITLE_STARTS[(number + 3) % 7]} article {number}",
            article_type=ARTICLE_TYPES[number % 3],
            summary=f"Article number {number}" + (f" on the {WORD}" if number % 2 else ""),
            sdgs=[SDGS[number]],
            topics=[TOPICS[number]],
            publication_date=datetime.date(YEARS[number], 6, 1),
        )
    for number in range(4):
        online_only = number == 3
        event_factory(
            title=f"Event {number}",
            summary=f"Event number {number}" + (f" with a {WORD}" if number % 2 == 0 else ""),
            sdgs=[SDGS[(number + 2) % 5]],
            topics=[TOPICS[(number + 1) % 4]],
            country="" if online_only else COUNTRIES[number],
            city="" if online_only else "Somewhere",
            in_person=not online_only,
            online=online_only,
            latitude=None,
            longitude=None,
            start=datetime.datetime(YEARS[number], 3, 1, 9, tzinfo=datetime.UTC),
            end=datetime.datetime(YEARS[number], 3, 1, 17, tzinfo=datetime.UTC),
        )
    case_factory(title="Draft", summary=f"Draft {WORD}", live=False, sdgs=SDGS, topics=TOPICS)
    event_factory(title="Draft event", summary=f"Draft {WORD}", live=False, sdgs=SDGS)
    search_index.refresh()


def _records():
    """Every live page as plain facts, read straight from the database."""
    records = []
    for page in CasePage.objects.live().prefetch_related("sdgs", "topics"):
        records.append(
            {
                "id": page.pk,
                "sdg": {sdg.number for sdg in page.sdgs.all()},
                "topic": {topic.slug for topic in page.topics.all()},
                "country": {page.country.code},
                "region": {page.region, page.subregion},
                "region_only": page.region,
                "type": {"case"},
                "status": {page.status},
                "year": page.start_year,
                "has_video": {"true" if page.has_video else "false"},
                "text": f"{page.title} {page.summary}".lower(),
                **_order_keys(page, page.start_year),
            }
        )
    for page in ArticlePage.objects.live().prefetch_related("sdgs", "topics"):
        records.append(
            {
                "id": page.pk,
                "sdg": {sdg.number for sdg in page.sdgs.all()},
                "topic": {topic.slug for topic in page.topics.all()},
                "country": set(),
                "region": set(),
                "region_only": None,
                "type": {"article"},
                "status": set(),
                "year": page.publication_date.year,
                "article_type": {page.article_type},
                "text": f"{page.title} {page.summary}".lower(),
                **_order_keys(page, None),
            }
        )
    for page in EventPage.objects.live().prefetch_related("sdgs", "topics"):
        records.append(
            {
                "id": page.pk,
                "sdg": {sdg.number for sdg in page.sdgs.all()},
                "topic": {topic.slug for topic in page.topics.all()},
                "country": {page.country.code} if page.country else set(),
                "region": {page.region, page.subregion} - {""},
                "region_only": page.region or None,
                "type": {"event"},
                "status": set(),
                "year": page.start.year,
                "text": f"{page.title} {page.summary}".lower(),
                **_order_keys(page, None),
            }
        )
    return records


def _order_keys(page, start_year):
    return {
        "published": page.first_published_at,
        "start_year": start_year,
        "title": page.title,
    }


def _expected_order(records, ids, order):
    """The ids in the order a visitor asked for: newest first (ties: higher id first), then
    sorted stably by start year (none last) or by title ignoring case."""
    chosen = [record for record in records if record["id"] in ids]
    chosen.sort(key=lambda r: (r["published"], r["id"]), reverse=True)
    if order == "start_year":
        chosen.sort(key=lambda r: (r["start_year"] is None, r["start_year"] or 0))
    elif order == "title":
        chosen.sort(key=lambda r: r["title"].lower())
    return [record["id"] for record in chosen]


def _matches(record, selection, year_range, q, skip=None):
    if q and q not in record["text"]:
        return False
    for facet, chosen in selection.items():
        if facet != skip and chosen and not (record.get(facet, set()) & set(chosen)):
            return False
    if skip != "year" and year_range != (None, None):
        low, high = year_range
        year = record["year"]
        if year is None or (low and year < low) or (high and year > high):
            return False
    return True


def _expected_counts(records, selection, year_range, q):
    expected = {}
    for facet in ("sdg", "topic", "country", "region", "type", "status", "year", *EXTRA_FACETS):
        counts = {}
        for record in records:
            if not _matches(record, selection, year_range, q, skip=facet):
                continue
            if facet == "year":
                values = {record["year"]} - {None}
            elif facet == "region":
                values = {record["region_only"]} - {None}
            else:
                values = record.get(facet, set())
            for value in values:
                counts[value] = counts.get(value, 0) + 1
        expected[facet] = counts
    return expected


selections = st.fixed_dictionaries(
    {
        "sdg": st.lists(st.sampled_from(SDGS), max_size=2, unique=True),
        "topic": st.lists(st.sampled_from(TOPICS), max_size=2, unique=True),
        "country": st.lists(st.sampled_from(COUNTRIES), max_size=2, unique=True),
        "region": st.lists(st.sampled_from(["002", "019", "150", "005"]), max_size=1, unique=True),
        "type": st.lists(st.sampled_from(["case", "article", "event"]), max_size=2, unique=True),
        "status": st.lists(st.sampled_from(STATUSES), max_size=2, unique=True),
        "has_video": st.lists(st.sampled_from(["true", "false"]), max_size=1, unique=True),
        "article_type": st.lists(st.sampled_from(ARTICLE_TYPES), max_size=2, unique=True),
    }
)
year_ranges = st.tuples(
    st.one_of(st.none(), st.sampled_from(YEARS)), st.one_of(st.none(), st.sampled_from(YEARS))
).filter(lambda r: r[0] is None or r[1] is None or r[0] <= r[1])


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    selection=selections,
    year_range=year_ranges,
    q=st.sampled_from(["", WORD]),
    order=st.sampled_from(services.ORDERS),
)
def test_facet_counts_match_the_database(varied_pages, selection, year_range, q, order):
    query = QueryDict(mutable=True)
    for facet, chosen in selection.items():
        query.setlist(facet, [str(value) for value in chosen])
    if year_range[0]:
        query["year_from"] = str(year_range[0])
    if year_range[1]:
        query["year_to"] = str(year_range[1])
    query["q"] = q
    query["order"] = order
    query["page_size"] = "100"
    result = services.search(services.SearchParams.from_querydict(query))

    records = _records()
    matching = {r["id"] for r in records if _matches(r, selection, year_range, q)}
    assert {item["id"] for item in result.results} == matching
    assert result.count == len(matching)
    if order != "relevance" or not q:  # relevance without text is newest first
        ids = [item["id"] for item in result.results]
        assert ids == _expected_order(records, matching, order), order

    expected = _expected_counts(records, selection, year_range, q)
    assert set(result.facets) >= {"sdg", "type", "year", "has_video"}
    for facet, items in result.facets.items():
        got = {item["value"]: item["count"] for item in items if item["count"]}
        assert got == expected[facet], facet
        for item in items:
            chosen = selection.get(facet, [])
            if facet != "year":
                assert item["selected"] == (item["value"] in chosen), (facet, item)
