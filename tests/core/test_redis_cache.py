"""Production's cache on a real Redis: what a cached answer costs, and the site staying up
when Redis goes down (the test stops the real server mid-run and starts it again)."""

from django.core.cache import cache

import pytest

from tests.core.redis_server import needs_redis_server

pytestmark = [pytest.mark.django_db, needs_redis_server()]

LISTING = "/api/v2/pages/?type=cases.CasePage&fields=*&limit=20"
READS = [LISTING, "/api/v2/map/", "/api/v2/stats/", "/api/v2/export/cases.csv"]


@pytest.fixture
def cases(case_factory):
    return [
        case_factory(title="Solar roofs in Accra", country="GH", sdgs=[7]),
        case_factory(title="Bike lanes in Bogotá", country="CO", sdgs=[11], topics=["mobility"]),
    ]


@pytest.mark.parametrize("url", READS)
def test_a_cached_answer_costs_one_round_trip_to_redis_and_no_query(
    client, cases, redis_cache, round_trips, django_assert_num_queries, url
):
    first = client.get(url)
    assert first.status_code == 200
    with round_trips() as counted, django_assert_num_queries(0):
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content
    # One script: the rate limit's count, the content version and the body together.
    assert counted() == 1


def test_without_the_rate_limit_a_cached_answer_still_costs_one_round_trip(
    client, cases, redis_cache, round_trips, settings
):
    settings.API_ANON_THROTTLE_RATE = ""
    first = client.get(LISTING)
    with round_trips() as counted:
        again = client.get(LISTING)
    assert again.content == first.content
    assert counted() == 1


def test_the_rate_limit_counts_in_redis_and_answers_429(client, cases, redis_cache, settings):
    settings.API_ANON_THROTTLE_RATE = "3/minute"
    assert [client.get("/api/v2/stats/").status_code for _ in range(4)] == [200, 200, 200, 429]
    keys = redis_cache.client().keys("*throttle_anon_*")
    assert keys, "the counter lives in Redis"
    assert client.get("/api/v2/stats/", REMOTE_ADDR="10.0.0.7").status_code == 200


def test_publishing_makes_cached_answers_stale(
    client, cases, case_factory, redis_cache, django_capture_on_commit_callbacks
):
    assert client.get(LISTING).json()["meta"]["total_count"] == 2
    with django_capture_on_commit_callbacks(execute=True):
        case_factory(title="Rain gardens in Rotterdam", country="NL")
    assert client.get(LISTING).json()["meta"]["total_count"] == 3
    with django_capture_on_commit_callbacks(execute=True):
        cases[0].unpublish()
    assert client.get(LISTING).json()["meta"]["total_count"] == 2


def test_no_cache_timeout_writes_no_answer_to_the_cache(client, cases, redis_cache, settings):
    settings.API_CACHE_TIMEOUT = 0
    for _ in range(3):
        assert client.get(LISTING).status_code == 200
    assert not redis_cache.client().keys("*closercities-api*")


def test_answers_are_cached_in_redis(client, cases, redis_cache):
    client.get(LISTING)
    assert redis_cache.client().keys("*closercities-api*")
    assert cache.get("closercities:content-version") is not None


def _submit(client):
    return client.post(
        "/api/v2/submissions/cases/", data={"title": "x"}, content_type="application/json"
    )


def test_the_site_stays_up_while_redis_is_down(client, cases, redis_cache, settings):
    """Reads are served uncached, the read API's rate limit lets them through, submissions are
    refused; when Redis is back, answers are cached and counted again."""
    before = {url: client.get(url).content for url in READS}
    settings.API_ANON_THROTTLE_RATE = "2/minute"
    assert _submit(client).status_code == 400  # counted, then refused for its content

    redis_cache.stop()
    for url in READS:
        for _ in range(3):  # over the rate limit: it cannot be counted, so it is not applied
            response = client.get(url)
            assert response.status_code == 200, response.content
            assert response.content == before[url]
    assert client.get("/").status_code == 200
    assert client.get("/cases/").status_code == 200
    assert client.get("/api/v2/search/?q=solar").status_code == 200
    refused = _submit(client)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0

    redis_cache.start()
    assert client.get(LISTING, REMOTE_ADDR="10.0.0.2").status_code == 200
    assert redis_cache.client().keys("*closercities-api*")
    assert client.get(LISTING, REMOTE_ADDR="10.0.0.2").status_code == 200
    assert client.get(LISTING, REMOTE_ADDR="10.0.0.2").status_code == 429
    assert _submit(client).status_code == 400


def test_production_server_processes_share_the_redis_cache(redis_server, tmp_path):
    """Two production processes (new interpreters, REDIS_URL set) see one cache: Django's
    RedisCache with hiredis parsing the answers."""
    from tests.home.test_settings import _manage

    env = {
        "SECRET_KEY": "k3y-" + "9f8e7d6c5b4a" * 5,
        "ALLOWED_HOSTS": "closercities.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REDIS_URL": redis_server.url,
    }
    write = (
        "from django.core.cache import caches; cache = caches['default'];"
        "cache.set('counted', 4, 60);"
        "pool = cache._cache._get_connection_pool(True);"
        "print(type(cache).__name__, pool.connection_kwargs['parser_class'].__name__)"
    )
    result = _manage("shell", "-c", write, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["ResilientRedisCache", "_HiredisParser"]
    read = "from django.core.cache import cache; print('seen', cache.get('counted'))"
    result = _manage("shell", "-c", read, **env)
    assert result.returncode == 0, result.stderr
    assert "seen 4" in result.stdout
