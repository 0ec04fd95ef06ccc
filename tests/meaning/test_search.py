"""Search by meaning through /api/v2/search/: a query in one language finds cases written in
another; the response says which mode ran; facet counts are exact for the matched set; drafts
and private pages never appear."""

import pytest

pytestmark = pytest.mark.django_db


def search(client, **params):
    response = client.get("/api/v2/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def ids(data):
    return [item["id"] for item in data["results"]]


def test_a_french_query_finds_the_spanish_and_english_cases(client, corpus):
    data = search(client, q="logement social abordable", mode="semantic")
    assert data["mode"] == "semantic"
    assert set(ids(data)[:3]) == {
        corpus["housing_en"].pk,
        corpus["housing_es"].pk,
        corpus["housing_fr"].pk,
    }
    # A threshold: the query does not match everything.
    assert corpus["bikes_en"].pk not in ids(data)


def test_hybrid_is_the_default_and_adds_meaning_to_words(client, corpus):
    data = search(client, q="agua de lluvia escuelas")
    assert data["mode"] == "hybrid"
    found = ids(data)
    assert corpus["rain_en"].pk in found and corpus["rain_pt"].pk in found
    assert data["count"] == len(found)
    keyword = search(client, q="agua de lluvia escuelas", mode="keyword")
    assert keyword["mode"] == "keyword"
    assert set(ids(keyword)) < set(found)


def test_facet_counts_are_exact_for_the_matched_set(client, corpus):
    everything = search(client, q="social housing", mode="hybrid", page_size=100)
    matched = ids(everything)
    countries = {c["value"]: c["count"] for c in everything["facets"]["country"]}
    assert sum(countries.values()) == everything["count"] == len(matched)
    # Choosing a country: the hits shrink to it, the country facet still counts the others.
    chosen = search(client, q="social housing", mode="hybrid", country="CO")
    assert ids(chosen) == [corpus["housing_es"].pk]
    assert {c["value"]: c["count"] for c in chosen["facets"]["country"]} == countries
    assert chosen["count"] == 1
    sdg11 = next(s for s in chosen["facets"]["sdg"] if s["value"] == 11)
    assert sdg11["count"] == 1


def test_drafts_and_private_pages_never_appear(client, corpus):
    for mode in ("semantic", "hybrid"):
        data = search(client, q="affordable social housing", mode=mode, page_size=100)
        assert "SECRET" not in str(data)
        assert not {corpus["draft"].pk, corpus["private"].pk} & set(ids(data))


def test_a_bad_mode_is_refused_naming_it(client, db):
    response = client.get("/api/v2/search/", {"q": "water", "mode": "vibes"})
    assert response.status_code == 400
    assert response.json()["message"].startswith("mode:")


def test_without_meaning_keyword_search_runs_and_says_so(client, settings, case_factory):
    settings.EMBEDDING_BACKEND = "none"
    case_factory(title="Rainwater harvesting in Nairobi schools")
    data = search(client, q="rainwater", mode="hybrid")
    assert data["mode"] == "keyword"
    assert data["count"] == 1


def test_the_search_page_searches_by_meaning_and_says_so(client, corpus):
    html = client.get("/search/", {"q": "agua de lluvia escuelas", "mode": "semantic"}).content
    html = html.decode()
    assert "Rainwater harvesting in Nairobi schools" in html
    assert "Found by meaning, in any language" in html
    assert '<option value="semantic" selected>' in html
    assert "SECRET" not in html
