"""The API's HTTP manners: CORS allow-list, anonymous rate limit, validators, 304s and a
response cache that publishing and unpublishing empty."""

from wagtail.models import PageViewRestriction

import pytest

READ_ENDPOINTS = [
    "/api/v2/pages/?type=cases.CasePage&fields=*",
    "/api/v2/map/",
    "/api/v2/stats/",
    "/api/v2/export/cases.csv",
    "/api/v2/export/cases.json",
]


@pytest.fixture
def case(case_factory):
    return case_factory(title="Solar roofs in Accra", country="GH", sdgs=[7])


@pytest.mark.django_db
@pytest.mark.parametrize("url", READ_ENDPOINTS)
def test_reads_carry_validators_and_answer_304(client, case, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    assert "max-age=60" in first["Cache-Control"] and "public" in first["Cache-Control"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


@pytest.mark.django_db
def test_a_cached_answer_needs_no_database_query(client, case, django_assert_num_queries):
    url = "/api/v2/pages/?type=cases.CasePage&fields=*"
    first = client.get(url)
    with django_assert_num_queries(0):  # the content version comes from the cache too
        again = client.get(url)
    assert again.json() == first.json()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v2/pages/?type=cases.CasePage", "/api/v2/stats/"])
def test_publishing_and_unpublishing_empty_the_cache(client, case, case_factory, url):
    def cases_seen():
        body = client.get(url).json()
        return body["meta"]["total_count"] if "items" in body else body["cases"]

    first = client.get(url)
    assert cases_seen() == 1
    case_factory(title="Bike lanes in Bogotá", country="CO")
    assert cases_seen() == 2
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    case.unpublish()
    assert cases_seen() == 1
    case.get_latest_revision().publish()
    assert cases_seen() == 2
    PageViewRestriction.objects.create(page=case, restriction_type="password", password="x")
    assert cases_seen() == 1


@pytest.mark.django_db
def test_changes_to_a_live_page_show_once_published(client, case):
    url = f"/api/v2/pages/{case.pk}/"
    assert client.get(url).json()["title"] == "Solar roofs in Accra"
    case.title = "Solar roofs in Accra and Kumasi"
    revision = case.save_revision()
    assert client.get(url).json()["title"] == "Solar roofs in Accra"
    revision.publish()
    assert client.get(url).json()["title"] == "Solar roofs in Accra and Kumasi"


@pytest.mark.django_db
def test_cors_allows_only_listed_origins(client, case, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://portal.example.org"]
    allowed = client.get("/api/v2/stats/", HTTP_ORIGIN="https://portal.example.org")
    assert allowed["Access-Control-Allow-Origin"] == "https://portal.example.org"
    other = client.get("/api/v2/stats/", HTTP_ORIGIN="https://evil.example.com")
    assert "Access-Control-Allow-Origin" not in other
    preflight = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN="https://portal.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight["Access-Control-Allow-Origin"] == "https://portal.example.org"
    # Only the API is shared with other sites, never the admin or the pages.
    page = client.get("/", HTTP_ORIGIN="https://portal.example.org")
    assert "Access-Control-Allow-Origin" not in page


def test_cors_origins_come_from_the_environment(monkeypatch):
    import importlib

    from closercities.settings import base

    monkeypatch.setenv("CORS_ALLOWED_ORIGINS", "https://a.example.org, https://b.example.org")
    try:
        reloaded = importlib.reload(base)
        assert reloaded.CORS_ALLOWED_ORIGINS == ["https://a.example.org", "https://b.example.org"]
    finally:
        monkeypatch.delenv("CORS_ALLOWED_ORIGINS")
        importlib.reload(base)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/",
        "/api/v2/pages/?type=cases.CasePage",
        "/api/v2/map/",
        "/api/v2/search/?q=water",
        "/api/v2/search/suggest/?q=wat",
    ],
)
def test_anonymous_clients_are_rate_limited(client, case, settings, url):
    settings.API_ANON_THROTTLE_RATE = "3/minute"
    for _ in range(3):
        assert client.get(url).status_code == 200
    limited = client.get(url)
    assert limited.status_code == 429
    assert 0 < int(limited["Retry-After"]) <= 60
    # Another client (address) still gets answers.
    assert client.get(url, REMOTE_ADDR="10.0.0.7").status_code == 200


@pytest.mark.django_db
def test_search_and_pages_share_one_rate_limit(client, case, settings):
    settings.API_ANON_THROTTLE_RATE = "3/minute"
    assert client.get("/api/v2/pages/").status_code == 200
    assert client.get("/api/v2/search/?q=water").status_code == 200
    assert client.get("/api/v2/search/suggest/?q=wat").status_code == 200
    limited = client.get("/api/v2/search/?q=water")
    assert limited.status_code == 429
    assert limited.json()["detail"].startswith("Request was throttled")
    assert client.get("/api/v2/pages/").status_code == 429


@pytest.mark.django_db
def test_renaming_a_topic_shows_at_once(client, case_factory):
    from taxonomy.models import Topic

    case_factory(topics=["mobility"])
    url = "/api/v2/pages/?type=cases.CasePage&fields=topics"
    assert client.get(url).json()["items"][0]["topics"][0]["name"] == "Mobility"
    Topic.objects.filter(slug="mobility").update(name="ignored: update() sends no signal")
    topic = Topic.objects.get(slug="mobility")
    topic.name = "Urban mobility"
    topic.save()
    assert client.get(url).json()["items"][0]["topics"][0]["name"] == "Urban mobility"
