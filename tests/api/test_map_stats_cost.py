"""What the map and the statistics cost: a fixed number of queries whatever the number of
cases, and the whole map built once per content version in each server process, never
written to the shared cache."""

import hashlib

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(captured)


def _shared_cache_key(url):
    return f"closercities-api:{hashlib.sha256(url.encode()).hexdigest()}"


def test_map_and_statistics_take_as_many_queries_for_2_cases_as_for_12(client, case_factory):
    for number in range(2):
        case_factory(sdgs=[number + 1], topics=["water"], country="KE")
    client.get("/api/v2/stats/")  # the site root paths and content types, once per process
    cache.clear()
    small = [_queries(client, url) for url in ("/api/v2/map/?sdg=1,2", "/api/v2/stats/")]
    for number in range(10):
        case_factory(sdgs=[3, 4 + number], topics=["energy", "water"], country="PE")
    cache.clear()
    large = [_queries(client, url) for url in ("/api/v2/map/?sdg=1,2", "/api/v2/stats/")]
    assert small == large
    assert large[1] <= 5


def test_the_whole_map_is_built_once_per_content_version(client, case_factory):
    first = case_factory(title="Solar kiosks in Kisumu", latitude=-0.1, longitude=34.7)
    features = client.get("/api/v2/map/").json()["features"]
    assert [feature["id"] for feature in features] == [first.pk]
    # Built: the next answers read no case (the content version comes from the cache).
    assert _queries(client, "/api/v2/map/") == 0
    # Not in the shared cache (3.3 MB at 10,000 cases cost more to write than to build).
    assert cache.get(_shared_cache_key("/api/v2/map/")) is None
    # A filtered map is small, and shared as every other answer.
    client.get("/api/v2/map/?sdg=7")
    assert cache.get(_shared_cache_key("/api/v2/map/?sdg=7")) is not None

    second = case_factory(title="Bus lanes in Lima", latitude=-12.0, longitude=-77.0)
    features = client.get("/api/v2/map/").json()["features"]
    assert [feature["id"] for feature in features] == [first.pk, second.pk]
