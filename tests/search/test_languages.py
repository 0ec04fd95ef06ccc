"""Language-aware search on the configured backend (SQLite by default, PostgreSQL with
DATABASE_URL, OpenSearch with SEARCH_BACKEND): a query in a language finds the other forms of
its words in pages of that language, a Chinese query finds Chinese text, search defaults to
English in the API and to the visitor's language on the search page, `locale=all` searches
every language, and an English search finds what it found before."""

import pytest

from tests.languages import written_in

SEARCH = "/api/v2/search/"


@pytest.fixture
def english(search_index, case_factory):
    pages = {
        "housing": case_factory(
            title="Affordable housing cooperatives",
            summary="Residents build and run cooperative housing together.",
        ),
        "energy": case_factory(
            title="Community energy for social housing",
            summary="Solar panels on the roofs of social housing estates.",
        ),
    }
    search_index.refresh()
    return pages


@pytest.fixture
def languages(english, search_index, case_factory):
    pages = {
        "fr": written_in(
            case_factory,
            "fr",
            title="Un logement digne pour chaque famille",
            summary="La coopérative rénove un logement social à Lyon.",
            city="Lyon",
            country="FR",
        ),
        "es": written_in(
            case_factory,
            "es",
            title="Viviendas sociales en Bogotá",
            summary="Programa de viviendas asequibles para familias de bajos ingresos.",
            city="Bogotá",
            country="CO",
        ),
        "pt": written_in(
            case_factory,
            "pt",
            title="Habitações populares em Recife",
            summary="Mutirões constroem habitações com os moradores.",
            city="Recife",
            country="BR",
        ),
        "zh": written_in(
            case_factory,
            "zh-hans",
            title="城市保障性住房政策",
            summary="为低收入家庭提供经济适用住房和公共租赁住房。",
            city="深圳",
            country="CN",
        ),
    }
    search_index.refresh()
    return pages


def _ids(client, **query):
    response = client.get(SEARCH, query)
    assert response.status_code == 200, response.content
    return [result["id"] for result in response.json()["results"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("locale", "query", "key"),
    [
        ("fr", "logements", "fr"),  # the plural finds the singular
        ("fr", "logement", "fr"),
        ("fr", "coopérative rénovée", "fr"),
        ("es", "vivienda", "es"),  # the singular finds the plural
        ("es", "viviendas", "es"),
        ("pt", "habitação", "pt"),
        ("zh-hans", "住房", "zh"),  # a Chinese word inside Chinese text
        ("zh-hans", "低收入家庭", "zh"),
    ],
)
def test_a_query_in_a_language_finds_the_forms_of_its_words(client, languages, locale, query, key):
    assert _ids(client, q=query, locale=locale) == [languages[key].pk]


@pytest.mark.django_db
def test_sqlite_reads_words_without_their_accents(client, languages):
    from django.db import connection

    from tests.search.conftest import ENGINE

    if ENGINE or connection.vendor != "sqlite":
        pytest.skip("SQLite's unicode61 removes diacritics; PostgreSQL's configurations keep them")
    assert _ids(client, q="cooperative renovee", locale="fr") == [languages["fr"].pk]


@pytest.mark.django_db
def test_a_language_searches_only_its_own_pages(client, languages):
    assert _ids(client, locale="fr") == [languages["fr"].pk]
    assert _ids(client, q="logement", locale="es") == []
    assert _ids(client, q="住房", locale="fr") == []


@pytest.mark.django_db
def test_the_api_searches_english_without_locale_and_every_language_with_all(
    client, languages, english
):
    response = client.get(SEARCH, {"q": "housing"})
    assert response.json()["meta"] == {"locale": "en"}
    assert set(_ids(client, q="housing")) == {english["housing"].pk, english["energy"].pk}
    assert _ids(client, q="logement") == []
    everything = _ids(client, locale="all", page_size=100)
    assert len(everything) == 6
    assert _ids(client, q="logement", locale="all") == [languages["fr"].pk]
    assert _ids(client, q="住房", locale="all") == [languages["zh"].pk]
    assert client.get(SEARCH, {"locale": "all"}).json()["meta"] == {"locale": "all"}


@pytest.mark.django_db
def test_an_english_search_finds_what_it_found_before(client, english, search_index, case_factory):
    queries = ["housing", "social housing", "cooperatives", "solar roofs", "energy"]
    before = {query: _ids(client, q=query) for query in queries}
    assert before["housing"] and before["energy"]
    written_in(case_factory, "fr", title="Logement social et énergie solaire", country="FR")
    written_in(case_factory, "es", title="Energía solar y vivienda social", country="ES")
    search_index.refresh()
    assert {query: _ids(client, q=query) for query in queries} == before
    assert {query: _ids(client, q=query, locale="en") for query in queries} == before


@pytest.mark.django_db
def test_the_search_page_searches_the_visitors_language_with_an_all_option(client, languages):
    page = client.get("/search/", {"q": "logement"})
    assert page.status_code == 200
    assert "Un logement digne" not in page.content.decode()
    everything = client.get("/search/", {"q": "logement", "locale": "all"})
    text = everything.content.decode()
    assert "Un logement digne" in text
    # The language choice is a form control, "all languages" among its options.
    assert 'name="locale"' in text and 'value="all"' in text
    bad = client.get("/search/", {"q": "logement", "locale": "xx"})
    assert bad.status_code == 400
    assert "locale" in bad.content.decode()
