"""The API in several languages: `locale` on the pages listing (Wagtail's own filter), the map,
the statistics, the network and search; every page's `language` and `translations` (live,
public translations only); `meta.locale`; a language the site does not have is a 400 naming
`locale`."""

import pytest

from tests.languages import translate, written_in


@pytest.fixture
def solar(case_factory):
    """An English case, published in French, with a Spanish translation still a draft."""
    english = case_factory(title="Solar roofs", city="Lyon", country="FR", sdgs=[7])
    french = translate(english, "fr", title="Toits solaires", summary="Des toits solaires.")
    spanish = translate(english, "es", live=False, title="Techos solares")
    return english, french, spanish


def _items(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.mark.django_db
def test_pages_say_their_language_and_list_live_translations(client, solar):
    english, french, spanish = solar
    body = _items(client, "/api/v2/pages/?type=cases.CasePage&limit=100")
    by_id = {item["id"]: item for item in body["items"]}
    assert by_id[english.pk]["language"] == "en"
    assert by_id[french.pk]["language"] == "fr"
    assert spanish.pk not in by_id  # a draft translation is not listed
    assert by_id[english.pk]["translations"] == [
        {"locale": "fr", "id": french.pk, "url": french.get_full_url()}
    ]
    assert [t["id"] for t in by_id[french.pk]["translations"]] == [english.pk]
    assert by_id[french.pk]["translations"][0]["url"] == english.get_full_url()
    # The detail answer says the same.
    detail = _items(client, f"/api/v2/pages/{english.pk}/")
    assert detail["language"] == "en"
    assert detail["translations"] == by_id[english.pk]["translations"]
    assert detail["meta"]["locale"] == "en"


@pytest.mark.django_db
def test_pages_listing_locale_filter(client, solar):
    english, french, _ = solar
    everything = _items(client, "/api/v2/pages/?type=cases.CasePage")
    assert {item["id"] for item in everything["items"]} == {english.pk, french.pk}
    assert everything["meta"]["locale"] is None
    only_french = _items(client, "/api/v2/pages/?type=cases.CasePage&locale=fr")
    assert [item["id"] for item in only_french["items"]] == [french.pk]
    assert only_french["meta"] == {"total_count": 1, "locale": "fr"}
    # A language of the site with no published page yet: an empty listing, not an error.
    assert _items(client, "/api/v2/pages/?type=cases.CasePage&locale=es")["items"] == []
    assert _items(client, "/api/v2/pages/?type=cases.CasePage&locale=ar")["items"] == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/",
        "/api/v2/search/",
        "/api/v2/map/",
        "/api/v2/stats/",
        "/api/v2/network/",
        "/api/v2/network.graphml",
    ],
)
@pytest.mark.parametrize("value", ["xx", "EN", "fr-ca", "", "all "])
def test_a_language_the_site_does_not_have_is_refused_naming_locale(client, path, value):
    response = client.get(path, {"locale": value})
    assert response.status_code == 400, response.content
    assert response.json()["message"].startswith("locale")


@pytest.mark.django_db
def test_pages_listing_takes_no_all(client):
    # Without `locale` the listing holds every language already (Wagtail's convention).
    response = client.get("/api/v2/pages/?locale=all")
    assert response.status_code == 400
    assert response.json()["message"].startswith("locale")


@pytest.mark.django_db
def test_translations_cost_one_query_per_listing(
    client, case_factory, django_assert_max_num_queries
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for pairs in (2, 10):  # 2 cases in English and French, then 12
        for _ in range(pairs):
            english = case_factory()
            translate(english, "fr", title=f"Cas {english.pk}")
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            body = _items(client, "/api/v2/pages/?type=cases.CasePage&limit=100")
        assert all(len(item["translations"]) == 1 for item in body["items"])
        counts.append((len(body["items"]), len(queries)))
    assert [items for items, _ in counts] == [4, 24]
    counts = [queries for _, queries in counts]
    assert counts[0] == counts[1], counts
    cache.clear()
    # The language filter: one more (the locale's row).
    with django_assert_max_num_queries(counts[0] + 1):
        client.get("/api/v2/pages/?type=cases.CasePage&limit=100&locale=fr")


@pytest.mark.django_db
def test_map_stats_and_network_by_language(client, solar, case_factory):
    english, french, _ = solar
    spanish_only = written_in(case_factory, "es", title="Viviendas", country="ES", sdgs=[11])
    everything = _items(client, "/api/v2/map/")
    assert everything["meta"] == {"locale": None}
    assert {f["id"] for f in everything["features"]} == {english.pk, french.pk, spanish_only.pk}
    french_map = _items(client, "/api/v2/map/?locale=fr")
    assert [f["id"] for f in french_map["features"]] == [french.pk]
    assert french_map["meta"] == {"locale": "fr"}
    assert _items(client, "/api/v2/map/?locale=all")["meta"] == {"locale": "all"}

    stats = _items(client, "/api/v2/stats/?locale=es")
    assert (stats["cases"], stats["countries"], stats["meta"]) == (1, 1, {"locale": "es"})
    assert [row["country"] for row in stats["by_country"]] == ["ES"]
    assert _items(client, "/api/v2/stats/?locale=all")["cases"] == 3
    assert _items(client, "/api/v2/stats/")["cases"] == 3
    assert _items(client, "/api/v2/stats/?locale=ru")["cases"] == 0

    network = _items(client, "/api/v2/network/?locale=fr")
    assert network["meta"] == {"locale": "fr", "stale": False}


@pytest.mark.django_db
def test_a_database_made_before_the_languages_setting_keeps_its_english(client, case_factory):
    """Its locale was `en-gb`; the migration makes it `en`, what the API and search ask for."""
    import importlib

    from django.apps import apps

    from wagtail.models import Locale

    case = case_factory(title="Old English case")
    Locale.objects.filter(language_code="en").update(language_code="en-gb")
    migration = importlib.import_module("home.migrations.0006_content_language_codes")
    migration.to_content_languages(apps, None)
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert "en" in codes and "en-gb" not in codes
    body = _items(client, "/api/v2/pages/?type=cases.CasePage&locale=en")
    assert [item["id"] for item in body["items"]] == [case.pk]


@pytest.mark.django_db
def test_api_v3_pages_say_their_locale_and_filter_by_it_and_by_translation(client, solar):
    """v3 is Wagtail's own API: each page's `locale`, and its `locale` and `translation_of`
    filters; a draft translation is not among them without a token."""
    english, french, spanish = solar
    body = _items(client, "/api/v3/pages/?locale=fr&type=cases.CasePage")
    ids = {item["id"] for item in body["items"]}
    assert ids == {french.pk}
    (item,) = body["items"]
    assert item["meta"]["locale"] == "fr"
    assert item["meta"]["html_url"].endswith("/fr/cases/solar-roofs/")
    translations = _items(client, f"/api/v3/pages/?translation_of={english.pk}")
    assert {item["id"] for item in translations["items"]} == {french.pk}
    assert spanish.pk not in {item["id"] for item in translations["items"]}
