"""The case index and the science index as HTML (Django's test client, no JavaScript): the
collapsible filter panel, applied-filter chips, long facet lists cut to their top 8, the year
range, sort orders and page sizes, SDG badges that link to their cases, and pictures on cards."""

import datetime
import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories import ResearcherFactory
from tests.images import make_image

pytestmark = pytest.mark.django_db

COUNTRIES = ["KE", "PE", "FI", "IN", "BR", "NL", "GH", "VN", "CO", "ID"]


def _html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return response.content.decode()


def _between(html, start, end):
    return html.split(start, 1)[1].split(end, 1)[0]


def test_filters_are_a_disclosure_with_the_number_selected_and_the_button_on_top(
    client, case_factory
):
    case_factory(sdgs=[7], country="KE")
    html = _html(client, "/cases/?sdg=7&country=KE")
    panel = _between(html, '<details class="listing-filters"', "</details>\n    <section")
    # Closed in the HTML (JavaScript opens it on wide screens): results come first on phones.
    assert panel.startswith(' id="filters" data-remember-open>')
    assert '<span class="filters-count">(2 selected)</span>' in panel
    # The submit button comes before the first facet, not after all of them.
    assert panel.index('class="apply-filters"') < panel.index("<fieldset")
    # The results section follows the panel, and works without it being opened.
    assert "1 result" in html


def test_case_index_shows_chips_and_clear_all_as_search_does(client, case_factory):
    case_factory(title="Solar roofs", sdgs=[7], country="KE", topics=["energy"])
    case_factory(title="Bus lanes", sdgs=[11], country="PE")
    html = _html(client, "/cases/?sdg=7&topic=energy")
    chips = _between(html, 'aria-label="Applied filters"', "</ul>")
    assert "SDG 7: Affordable and Clean Energy" in chips
    assert "Topic: Energy" in chips
    # Each chip removes its own filter and keeps the other one; "clear all" keeps neither.
    assert 'href="?topic=energy"' in chips
    assert 'href="?sdg=7"' in chips
    assert 'class="clear-filters" href="?"' in chips
    # The content type is implied by the page: it is neither a chip nor in the links.
    assert "type=case" not in html


def test_long_facet_lists_show_the_top_eight_and_a_show_all_disclosure(client, case_factory):
    for number, code in enumerate(COUNTRIES):
        for _ in range(len(COUNTRIES) - number):  # KE has most cases, ID fewest
            case_factory(country=code, sdgs=[11])
    html = _html(client, "/cases/")
    fieldset = _between(html, '<fieldset class="facet facet-country">', "</fieldset>")
    shown, more = fieldset.split('<details class="facet-more"', 1)
    assert shown.count('name="country"') == 8
    assert more.count('name="country"') == 2
    assert "Show all 10" in more
    assert not more.startswith(" open")
    # The most frequent countries come first; a chosen one among the rest opens the list.
    assert shown.index('value="KE"') < shown.index('value="PE"')
    chosen = _html(client, "/cases/?country=ID")
    assert '<details class="facet-more" open>' in _between(
        chosen, '<fieldset class="facet facet-country">', "</fieldset>"
    )
    # The SDGs stay one list of 17 in goal order.
    sdgs = _between(html, '<fieldset class="facet facet-sdg">', "</fieldset>")
    assert sdgs.count('name="sdg"') == 17 and "facet-more" not in sdgs


def test_the_year_facet_is_a_from_to_range(client, case_factory):
    for year in (2012, 2015, 2015, 2021):
        case_factory(start_year=year)
    html = _html(client, "/cases/?year_from=2015")
    year = _between(html, '<fieldset class="facet facet-year">', "</fieldset>")
    assert "<legend>Start year</legend>" in year
    start = _between(year, 'name="year_from"', "</select>")
    assert re.findall(r'<option value="(\d*)"', start) == ["", "2012", "2015", "2021"]
    assert '<option value="2015" selected>' in start
    assert "3 results" in html
    assert "Year: 2015 or later" in html


def test_sort_orders_and_page_sizes(client, case_factory):
    case_factory(title="banana market", start_year=2019)
    case_factory(title="Apple orchards", start_year=2021)
    case_factory(title="Cherry trees", start_year=2009)
    titles = re.compile(r'<h3 class="card-title"><a href="[^"]+">([^<]+)</a>')

    def order(query):
        return titles.findall(_html(client, "/cases/?" + query))

    assert order("") == ["Cherry trees", "Apple orchards", "banana market"]  # newest first
    assert order("order=title") == ["Apple orchards", "banana market", "Cherry trees"]
    assert order("order=start_year") == ["Cherry trees", "banana market", "Apple orchards"]
    html = _html(client, "/cases/?order=title&page_size=2")
    assert re.findall(r'<option value="(\w+)"', _between(html, 'name="order"', "</select>")) == [
        "newest",
        "start_year",
        "title",
    ]
    assert '<option value="title" selected>' in html
    assert '<option value="2" selected>2</option>' in html  # a size from the address is kept
    assert len(titles.findall(html)) == 2 and "Page 1 of 2" in html
    # "Most relevant" is offered only with text to be relevant to.
    assert '<option value="relevance"' in _html(client, "/cases/?q=orchards")
    assert _html(client, "/cases/?order=best", status=400).count("order: &#x27;best&#x27;") == 1


def test_science_index_filters_by_sdg_topic_type_and_year_with_a_search_box(
    client, article_factory
):
    author = ResearcherFactory(name="Amina Okafor")
    article_factory(
        title="Solar schools",
        sdgs=[7],
        topics=["energy"],
        article_type="interview",
        publication_date=datetime.date(2024, 5, 2),
        authors=[author],
    )
    article_factory(title="Clean water kiosks", sdgs=[6], article_type="reflection")
    article_factory(title="Unpublished", sdgs=[7], live=False)
    html = _html(client, "/science/?sdg=7")
    assert "1 result" in html and "Solar schools" in html and "Clean water kiosks" not in html
    for facet in ("sdg", "topic", "article_type", "year"):
        assert f'class="facet facet-{facet}"' in html
    for facet in ("country", "region", "status", "type"):
        assert f'class="facet facet-{facet}"' not in html
    # Article results show their type, date and authors.
    result = _between(html, 'class="search-result search-result-article"', "</li>")
    assert "Interview" in result
    assert '<time datetime="2024-05-02">2 May 2024</time>' in result
    assert "By Amina Okafor" in result
    assert "1 result" in _html(client, "/science/?article_type=reflection")
    assert "1 result" in _html(client, "/science/?year_from=2024&year_to=2024")
    searched = _html(client, "/science/?q=kiosks")
    assert 'name="q" value="kiosks"' in searched and "Clean water kiosks" in searched
    assert "1 result" in searched
    assert "Unpublished" not in _html(client, "/science/")
    assert _html(client, "/science/?sdg=99", status=400).count("sdg: ") == 1


def test_science_index_renders_with_a_fixed_number_of_queries(
    client, article_factory, django_assert_num_queries
):
    researcher = ResearcherFactory()
    for _ in range(3):
        article_factory(sdgs=[7], authors=[researcher])
    client.get("/science/?sdg=7")
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        client.get("/science/?sdg=7")
    few = len(captured)  # now: every request empties the query log
    for _ in range(15):
        article_factory(sdgs=[7], authors=[researcher, ResearcherFactory()])
    cache.clear()
    with django_assert_num_queries(few):
        client.get("/science/?sdg=7")


def test_sdg_badges_link_to_the_goals_cases(client, case_factory):
    case = case_factory(sdgs=[3, 13])
    for url in ("/", case.url, "/cases/"):
        html = _html(client, url)
        assert re.search(r'<a class="sdg-badge sdg-13" href="/cases/\?sdg=13"[^>]*>SDG 13', html)
    # The goals' colours and readable text colours come from one stylesheet, built from the
    # SDGs in the database.
    css = client.get("/sdg-colours.css")
    assert css["Content-Type"].startswith("text/css")
    text = css.content.decode()
    assert ".sdg-13 { --sdg-colour: #3F7E44; --sdg-text: #ffffff; }" in text
    assert ".sdg-7 { --sdg-colour: #FCC30B; --sdg-text: #000000; }" in text
    assert text.count("--sdg-colour") == 17


def test_pages_carry_no_inline_styles(client, case_factory, article_factory):
    case = case_factory(sdgs=[3, 13])
    article = article_factory(sdgs=[3], authors=[ResearcherFactory()])
    for url in ("/", "/cases/?sdg=3", case.url, "/science/", article.url, "/search/?q=x", "/map/"):
        html = _html(client, url)
        assert " style=" not in html and "<style" not in html, url


def test_cards_and_results_show_the_cases_picture_lazily_with_alt_text(client, case_factory):
    image = make_image(title="Trees", alt="Young trees shade a street", size=(1600, 900))
    case = case_factory(title="Street trees in Seville", main_image=image, sdgs=[13])
    case_factory(title="No picture here", sdgs=[13])
    for url in ("/", "/cases/"):
        html = _html(client, url)
        pictures = re.findall(r"<img [^>]*>", _between(html, "<main", "</main>"))
        assert len(pictures) == 1, url
        picture = pictures[0]
        assert 'alt="Young trees shade a street"' in picture
        assert 'loading="lazy"' in picture
        assert 'width="640" height="360"' in picture
        assert ".fill-640x360" in picture
    # A related case's card on another case's page shows it too.
    other = case_factory(title="Shade in Madrid", sdgs=[13])
    assert 'alt="Young trees shade a street"' in _html(client, other.url)
    assert case.main_image_id == image.pk


def test_home_cards_with_pictures_take_a_fixed_number_of_queries(
    client, case_factory, django_assert_num_queries
):
    for n in range(2):
        case_factory(main_image=make_image(title=f"Picture {n}"))
    client.get("/")  # make the renditions once
    with CaptureQueriesContext(connection) as captured:
        client.get("/")
    few = len(captured)  # now: every request empties the query log
    for n in range(4):
        case_factory(main_image=make_image(title=f"More {n}"))
    client.get("/")
    with django_assert_num_queries(few):
        client.get("/")
