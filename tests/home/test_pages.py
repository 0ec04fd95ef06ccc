"""The visitor website rendered through Django's test client: what a reader sees on each page,
and how many SQL queries the busy pages cost."""

import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from home.models import HomePage
from taxonomy.models import SDG
from tests.factories import ResearcherFactory

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _add_cases(case_factory, count, **fields):
    return [
        case_factory(sdgs=[(n % 17) + 1, 11], topics=["mobility"], **fields) for n in range(count)
    ]


def _set_spotlight(number, intro=""):
    home = HomePage.objects.get()
    home.spotlight_sdg = SDG.objects.get(number=number)
    home.spotlight_intro = intro
    home.save_revision().publish()
    return home


def test_home_shows_the_live_number_of_cases_and_the_last_update(client, case_factory):
    _add_cases(case_factory, 3)
    case_factory(title="A draft nobody may see", live=False)
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<strong class="figure-number">3</strong>' in html
    assert "last update" in html
    assert "A draft nobody may see" not in html


def test_home_lists_latest_cases_and_science_with_calls_to_action(
    client, case_factory, article_factory
):
    case_factory(title="Heat action plan in Ahmedabad")
    article_factory(title="Why heat plans work", authors=[ResearcherFactory()])
    html = client.get("/").content.decode()
    assert "Heat action plan in Ahmedabad" in html
    assert "Why heat plans work" in html
    assert ">Submit a case</a>" in html
    assert ">Tell us how you share</a>" in html


def test_spotlight_shows_cases_towards_the_sdg_editors_chose(client, case_factory):
    case_factory(title="Wetland restoration", sdgs=[14])
    case_factory(title="Bus corridor", sdgs=[11])
    _set_spotlight(14, intro="Oceans need cities.")
    html = client.get("/").content.decode()
    spotlight = html.split('class="spotlight', 1)[1].split("</section>", 1)[0]
    assert "In the spotlight: SDG 14" in spotlight
    assert "Oceans need cities." in spotlight
    assert "Wetland restoration" in spotlight
    assert "Bus corridor" not in spotlight


def test_no_spotlight_block_when_editors_chose_no_sdg(client, case_factory):
    case_factory(sdgs=[14])
    assert 'class="spotlight' not in client.get("/").content.decode()


def test_home_renders_with_a_fixed_number_of_queries(
    client, case_factory, article_factory, django_assert_num_queries
):
    _set_spotlight(11)
    _add_cases(case_factory, 5)
    article_factory()
    client.get("/")  # warm the per-process caches (site root paths, content types)
    few = _queries(client, "/")
    _add_cases(case_factory, 25)
    article_factory()
    with django_assert_num_queries(few):
        client.get("/")


def test_case_page_shows_the_facts_panel_with_actors_by_sector(client, case_factory):
    case = case_factory(
        title="Participatory budgeting in Porto Alegre",
        city="Porto Alegre",
        country="BR",
        scale="city",
        status="scaled_up",
        start_year=1989,
        end_year=2004,
        sdgs=[16, 10],
        topics=["governance"],
        actors=[
            {"organisation": "Porto Alegre City Council", "sector": "government", "role": "Lead"},
            {"organisation": "Residents' forum", "sector": "civil_society", "role": ""},
        ],
        lessons_learned="Start <b>small</b>.",
        barriers="Fragmented departments.",
        facilitating_conditions="Political backing.",
    )
    html = client.get(case.url).content.decode()
    facts = html.split('class="facts"', 1)[1].split("</aside>", 1)[0]
    for text in ("Porto Alegre", "Brazil", "City", "Scaled up", "1989–2004", "Governance"):
        assert text in facts
    assert "<dt>Government</dt><dd>Porto Alegre City Council" in facts
    assert "<dt>Civil society</dt><dd>Residents&#x27; forum" in facts
    # SDG badges in the goals' colours (classes from /sdg-colours.css), linking to the
    # goal's cases.
    assert 'class="sdg-badge sdg-16" href="/cases/?sdg=16"' in html
    # Text from the public is shown as text.
    assert "Start &lt;b&gt;small&lt;/b&gt;." in html
    assert "Fragmented departments." in html and "Political backing." in html
    # The small map is an enhancement: the facts are there without it.
    assert 'id="case-map"' in html and 'data-lat="52.374030"' in html


def test_related_cases_put_the_most_similar_first_and_hide_drafts(client, case_factory):
    case = case_factory(
        title="Cycle lanes in Utrecht", sdgs=[11, 13], topics=["mobility"], scale="city"
    )
    case_factory(title="Solar roofs in Lima", sdgs=[7], topics=["energy"], country="PE")
    case_factory(
        title="Bus corridor in Lima", sdgs=[11], country="PE", latitude=-12.0, longitude=-77.0
    )
    case_factory(title="Cycle lanes in Rotterdam", sdgs=[11, 13], topics=["mobility"], scale="city")
    case_factory(title="Draft cycle lanes", sdgs=[11, 13], topics=["mobility"], live=False)
    related = [page.title for page in case.related_cases()]
    assert related == ["Cycle lanes in Rotterdam", "Bus corridor in Lima"]
    # Unpublishing a related case takes it off the list at once, cache or not.
    rotterdam = case.related_cases()[0]
    rotterdam.unpublish()
    assert [page.title for page in case.related_cases()] == ["Bus corridor in Lima"]
    rotterdam.save_revision().publish()
    html = client.get(case.url).content.decode()
    section = html.split("Learn from similar projects", 1)[1]
    assert section.index("Cycle lanes in Rotterdam") < section.index("Bus corridor in Lima")
    assert "Draft cycle lanes" not in html
    assert "Solar roofs in Lima" not in html


def test_nearby_cases_of_the_same_scale_rank_above_distant_ones(case_factory):
    case = case_factory(title="Origin", sdgs=[11], country="KE", latitude=-1.29, longitude=36.82)
    case_factory(title="Far away", sdgs=[11], country="CL", latitude=-33.4, longitude=-70.6)
    case_factory(title="Next door", sdgs=[11], country="TZ", latitude=-3.37, longitude=36.68)
    assert [page.title for page in case.related_cases()] == ["Next door", "Far away"]


def test_case_page_renders_with_a_fixed_number_of_queries(
    client, case_factory, django_assert_num_queries
):
    case = case_factory(sdgs=[11], topics=["mobility"])
    _add_cases(case_factory, 3)
    client.get(case.url)
    cache.clear()  # measure the uncached page, with the similarity ranking
    few = _queries(client, case.url)
    _add_cases(case_factory, 20)
    cache.clear()
    with django_assert_num_queries(few):
        client.get(case.url)


def test_article_page_shows_authors_affiliations_and_live_related_cases(
    client, case_factory, article_factory
):
    live_case = case_factory(title="Heat action plan in Ahmedabad")
    draft_case = case_factory(title="Unpublished heat plan", live=False)
    article = article_factory(
        title="What heat plans teach",
        authors=[
            ResearcherFactory(name="Amina Okafor", affiliation="University of Lagos"),
            ResearcherFactory(name="Lars Berg", affiliation="KTH Stockholm"),
        ],
        related_cases=[live_case, draft_case],
        doi="10.5555/heat.1",
    )
    html = client.get(article.url).content.decode()
    assert "Amina Okafor" in html and "University of Lagos" in html
    assert "Lars Berg" in html and "KTH Stockholm" in html
    assert "Heat action plan in Ahmedabad" in html
    assert "Unpublished heat plan" not in html
    assert 'href="https://doi.org/10.5555/heat.1"' in html


def test_science_index_is_paginated(client, article_factory):
    researcher = ResearcherFactory()
    for n in range(26):
        article_factory(title=f"Article number {n:02d}", authors=[researcher])
    first = client.get("/science/").content.decode()
    assert "26 results" in first
    assert "Page 1 of 2" in first
    second = client.get("/science/?page=2").content.decode()
    assert "Page 2 of 2" in second
    cards = 'class="search-result search-result-article"'
    assert first.count(cards) == 20 and second.count(cards) == 6


def test_standard_pages_render(client):
    from home.models import StandardPage

    page = StandardPage.objects.get(slug="about")
    page.intro = "<p>What we do.</p>"
    page.save_revision().publish()
    response = client.get("/about/")
    assert response.status_code == 200
    assert "What we do." in response.content.decode()


def test_unknown_address_gets_the_friendly_not_found_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'action="/search/"' in html


def test_server_error_page_is_friendly_and_needs_no_database(rf, django_assert_num_queries):
    from django.views.defaults import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_case_index_filters_by_sdg_through_the_facets(client, case_factory):
    case_factory(title="Solar roofs", sdgs=[7])
    case_factory(title="Cycle lanes", sdgs=[11])
    case_factory(title="Unpublished solar farm", sdgs=[7], live=False)
    everything = client.get("/cases/").content.decode()
    assert "2 results" in everything
    assert 'name="sdg" value="7"' in everything
    filtered = client.get("/cases/?sdg=7").content.decode()
    assert "1 result" in filtered
    assert "Solar roofs" in filtered and "Cycle lanes" not in filtered
    assert "Unpublished solar farm" not in filtered
    assert 'name="sdg" value="7" checked' in filtered


def test_case_index_only_lists_cases_even_when_asked_for_articles(
    client, case_factory, article_factory
):
    case_factory(title="Solar roofs", sdgs=[7])
    article_factory(title="An article on solar", sdgs=[7], authors=[ResearcherFactory()])
    html = client.get("/cases/?type=article").content.decode()
    assert "Solar roofs" in html and "An article on solar" not in html


def test_case_index_answers_a_bad_filter_with_400_naming_it(client, case_factory):
    case_factory()
    response = client.get("/cases/?sdg=99")
    assert response.status_code == 400
    assert "sdg: &#x27;99&#x27; is not an SDG number" in response.content.decode()


def test_case_index_is_paginated(client, case_factory):
    _add_cases(case_factory, 23)
    first = client.get("/cases/").content.decode()
    assert "Page 1 of 2" in first
    assert "Page 2 of 2" in client.get("/cases/?page=2").content.decode()


def test_case_index_renders_with_a_fixed_number_of_queries(
    client, case_factory, django_assert_num_queries
):
    _add_cases(case_factory, 5, country="KE")
    client.get("/cases/?sdg=11")
    cache.clear()  # measure the uncached page: the search and its facet counts
    few = _queries(client, "/cases/?sdg=11")
    _add_cases(case_factory, 25, country="PE")
    cache.clear()
    with django_assert_num_queries(few):
        client.get("/cases/?sdg=11")


def test_case_index_shows_a_newly_published_case_at_once(client, case_factory):
    case_factory(title="Solar roofs", sdgs=[7])
    assert "1 result" in client.get("/cases/?sdg=7").content.decode()
    case_factory(title="Solar schools", sdgs=[7])
    html = client.get("/cases/?sdg=7").content.decode()
    assert "2 results" in html and "Solar schools" in html
    cached = client.get("/cases/?sdg=7")
    assert cached.content.decode().count("Solar schools") == html.count("Solar schools")


def test_calls_to_action_lead_to_the_submission_and_survey_pages(client):
    html = client.get("/").content.decode()
    assert '<a class="button" href="/submit-a-case/">Submit a case</a>' in html
    assert 'href="/tell-us-how-you-share/">Tell us how you share</a>' in html


def test_map_page_uses_the_tile_setting_and_only_local_scripts(client, settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    response = client.get("/map/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert 'data-api-url="/api/v2/map/"' in html
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert scripts == [
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/leaflet.markercluster/leaflet.markercluster.js",
        "/static/js/map-flows.js",  # the knowledge flows layer (exchange), before map.js
        "/static/js/map.js",
    ]
    assert '<option value="13">SDG 13: Climate Action</option>' in html
    assert '<option value="mobility">Mobility</option>' in html


def test_map_page_keeps_the_filters_from_the_address(client, case_factory):
    case_factory(country="KE", latitude=-1.29, longitude=36.82)
    case_factory(country="PE", latitude=-12.0, longitude=-77.0)
    case_factory(country="CL", latitude=None, longitude=None)  # not on the map
    query = "sdg=7&topic=energy&country=KE&region=014&status=pilot&year_from=2010&year_to=2020"
    html = client.get("/map/?" + query).content.decode()
    assert '<option value="7" selected>' in html
    assert '<option value="energy" selected>' in html
    assert '<option value="KE" selected>Kenya</option>' in html
    assert '<option value="014" selected>Eastern Africa</option>' in html
    assert '<option value="pilot" selected>Pilot</option>' in html
    assert 'name="year_from" min="1900" max="2100"' in html and 'value="2010"' in html
    assert "(7 selected)" in html
    # Countries with a case on the map, by name; no others.
    countries = re.findall(r'<option value="([A-Z]{2})"', html)
    assert countries == ["KE", "PE"]
