"""The /search/ page, as a visitor without JavaScript uses it: a GET form, links and checkboxes."""

import re

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest


@pytest.fixture
def cases(search_index, case_factory):
    made = [
        case_factory(
            title=f"Cycling street {n}",
            summary="Streets where bicycles come first.",
            sdgs=[11],
            topics=["mobility"],
            country="NL",
        )
        for n in range(3)
    ]
    made.append(case_factory(title="Clean cookstoves", summary="Cleaner air at home.", sdgs=[3, 7]))
    search_index.refresh()
    return made


@pytest.mark.django_db
def test_search_box_facets_with_counts_and_results(client, cases):
    response = client.get("/search/?q=bicycles")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<form method="get" action="/search/"' in html
    assert 'name="q" value="bicycles"' in html
    assert "3 results" in html
    assert html.count('class="search-result search-result-case"') == 3
    # A checkbox per SDG with its count; SDG 11 has the three cycling cases.
    assert re.search(
        r'name="sdg" value="11"[^>]*> <span class="swatch sdg-11" aria-hidden="true"></span> '
        r'<span class="facet-label">11\. Sustainable Cities and Communities</span> '
        r'<span class="facet-count">\(3\)',
        html,
    )
    assert "Streets where <mark>bicycles</mark> come first." in html


@pytest.mark.django_db
def test_chips_show_applied_filters_and_remove_one(client, cases):
    html = client.get("/search/?sdg=11&country=NL").content.decode()
    assert 'aria-label="Applied filters"' in html
    assert "Sustainable Cities and Communities" in html
    assert "Netherlands" in html
    # The chip for SDG 11 links to the same search without it.
    assert 'href="?country=NL"' in html
    assert 'name="country" value="NL" checked' in html


@pytest.mark.django_db
def test_pagination_links_keep_the_search(client, cases):
    html = client.get("/search/?q=cycling&page_size=2").content.decode()
    assert "Page 1 of 2" in html
    assert 'href="?q=cycling&amp;page_size=2&amp;page=2"' in html
    html = client.get("/search/?q=cycling&page_size=2&page=2").content.decode()
    assert html.count('class="search-result search-result-case"') == 1
    assert 'rel="prev"' in html


@pytest.mark.django_db
def test_helpful_empty_state(client, cases):
    html = client.get("/search/?q=submarine&sdg=11").content.decode()
    assert "Nothing found" in html
    assert "search without filters" in html
    assert "Check the spelling" in html


@pytest.mark.django_db
def test_a_bad_value_is_explained_and_the_query_kept(client, cases):
    response = client.get("/search/?q=cycling&sdg=99")
    assert response.status_code == 400
    html = response.content.decode()
    assert "sdg: &#x27;99&#x27; is not an SDG number" in html
    assert 'name="q" value="cycling"' in html


@pytest.mark.django_db
def test_typed_text_is_shown_escaped(client, cases):
    html = client.get("/search/?q=%3Cscript%3Ealert(1)%3C/script%3E").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.django_db
def test_editors_picks_are_shown_first(client, cases):
    query = Query.get("cookstoves")
    SearchPromotion.objects.create(
        query=query, page=cases[0], sort_order=0, description="Our favourite"
    )
    html = client.get("/search/?q=cookstoves").content.decode()
    assert "Editors’ picks" in html
    assert "Our favourite" in html
    data = client.get("/api/v2/search/?q=cookstoves").json()
    assert data["promotions"][0]["title"] == cases[0].title
    # A pick that is no longer published is not shown.
    cases[0].unpublish()
    assert client.get("/api/v2/search/?q=cookstoves").json()["promotions"] == []


@pytest.mark.django_db
def test_an_editors_pick_can_be_an_external_link(client, cases):
    SearchPromotion.objects.create(
        query=Query.get("Cookstoves "),
        external_link_url="https://example.org/cookstove-toolkit",
        external_link_text="Cookstove toolkit",
        sort_order=0,
        description="A partner's guide",
    )
    data = client.get("/api/v2/search/?q=cookstoves").json()
    assert data["promotions"] == [
        {
            "title": "Cookstove toolkit",
            "url": "https://example.org/cookstove-toolkit",
            "description": "A partner's guide",
        }
    ]
    assert "Cookstove toolkit" in client.get("/search/?q=cookstoves").content.decode()
    assert client.get("/api/v2/search/?q=cookstoves&page=2").json()["promotions"] == []


@pytest.mark.django_db
def test_the_content_type_filter_is_shown_and_articles_show_date_and_authors(
    client, search_index, case_factory, article_factory
):
    import datetime

    from tests.factories import ResearcherFactory

    case_factory(title="Water kiosks in Nairobi", summary="Clean water near home.")
    article_factory(
        title="Why water kiosks work",
        summary="Clean water, a reflection.",
        publication_date=datetime.date(2025, 3, 9),
        authors=[ResearcherFactory(name="Wanjiru Kamau")],
    )
    search_index.refresh()
    html = client.get("/search/?q=water").content.decode()
    facet = html.split('<fieldset class="facet facet-type">', 1)[1].split("</fieldset>", 1)[0]
    assert 'name="type" value="case"' in facet and 'name="type" value="article"' in facet
    assert "/static/css/site.css" in html
    article = html.split('class="search-result search-result-article"', 1)[1].split("</li>")[0]
    assert '<time datetime="2025-03-09">9 March 2025</time>' in article
    assert "By Wanjiru Kamau" in article
    only_articles = client.get("/search/?q=water&type=article").content.decode()
    assert "1 result for" in only_articles and "Content: Science article" in only_articles
