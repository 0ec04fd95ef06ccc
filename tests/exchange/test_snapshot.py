"""The network is computed once per content version and kept: a change builds the next one
after its commit (a task), a read never uses another version's, it survives an emptied
cache, and a read whose answer is not cached costs the same few queries at any size."""

import zlib

from django.core.cache import cache

import pytest

from core.models import ContentVersion
from exchange import metrics, snapshot
from exchange.models import KnowledgeLink, NetworkSnapshot

from .conftest import adoption, link


def forget_in_memory():
    """As a server process that has not read the network yet (another worker, a restart)."""
    snapshot._memory = (None, None, None)


@pytest.fixture(autouse=True)
def _fresh_process():
    forget_in_memory()
    yield
    forget_in_memory()


@pytest.fixture
def small_network(case_factory):
    cases = [
        case_factory(title=f"Case {n}", city=city, country=country, sdgs=[11])
        for n, (city, country) in enumerate([("Lima", "PE"), ("Quito", "EC"), ("Oslo", "NO")])
    ]
    link(cases[1], cases[0])
    link(cases[2], cases[1], kind="adapted_from")
    adoption(cases[2], city="Lyon", country="FR")
    return cases


def edge_count(client, path="/api/v2/network/"):
    return client.get(path).json()["metrics"]["edges"]


@pytest.mark.django_db
def test_a_change_builds_the_next_network_after_its_commit(
    client, small_network, django_capture_on_commit_callbacks
):
    assert edge_count(client) == 3
    with django_capture_on_commit_callbacks(execute=True):
        link(small_network[0], small_network[2], kind="inspired_by")
    version, _ = ContentVersion.current()
    stored = NetworkSnapshot.objects.get()  # the old version's is gone
    assert stored.version == version and b'"inspired_by"' in zlib.decompress(stored.data)
    forget_in_memory()
    cache.clear()
    assert edge_count(client) == 4


@pytest.mark.django_db
def test_the_warm_up_skips_a_version_that_is_no_longer_current(small_network):
    version, _ = ContentVersion.current()
    ContentVersion.bump()
    assert snapshot.warm(version) == "stale"
    assert snapshot.warm(version + 1) == "built"
    assert snapshot.warm(version + 1) == "exists"
    assert list(NetworkSnapshot.objects.values_list("version", flat=True)) == [version + 1]


@pytest.mark.django_db
def test_a_read_never_uses_another_versions_network(client, small_network):
    assert edge_count(client) == 3
    # A change the warm-up task has not caught up with yet: the read builds the network.
    KnowledgeLink.objects.filter(kind="adapted_from").delete()
    cache.clear()
    assert edge_count(client) == 2
    assert NetworkSnapshot.objects.get().version == ContentVersion.current()[0]


@pytest.mark.django_db
def test_the_stored_network_survives_an_emptied_cache_and_serves_every_process(
    client, small_network, django_assert_num_queries
):
    first = client.get("/api/v2/network/").content
    cache.clear()
    forget_in_memory()
    # The content version (from the database: the cache was emptied), the stored network's
    # token, then its data: nothing is rebuilt.
    with django_assert_num_queries(3):
        assert client.get("/api/v2/network/").content == first


@pytest.mark.django_db
def test_a_process_checks_its_copy_against_the_stored_one(client, small_network):
    assert edge_count(client) == 3
    # The stored network was replaced under the same version number (as after restoring a
    # database backup): the process's copy is not used any more.
    stored = NetworkSnapshot.objects.get()
    data = zlib.decompress(stored.data).replace(b'"adapted_from"', b'"inspired_by"')
    NetworkSnapshot.objects.filter(pk=stored.pk).update(token="restored", data=zlib.compress(data))
    cache.clear()
    kinds = {e["kind"] for e in client.get("/api/v2/network/").json()["edges"]}
    assert "inspired_by" in kinds and "adapted_from" not in kinds


@pytest.mark.django_db
@pytest.mark.parametrize("cases", [4, 24])
def test_an_uncached_answer_costs_the_same_queries_at_any_size(
    client, case_factory, cases, django_assert_num_queries
):
    made = [case_factory(title=f"Case {n}", sdgs=[n % 17 + 1]) for n in range(cases)]
    for n, case in enumerate(made[1:], start=1):
        link(case, made[n - 1])
        adoption(case, city="Lyon", country="FR")
    client.get("/api/v2/network/")  # builds and keeps the network
    for path in ("/api/v2/network/", "/api/v2/network/?sdg=3", "/api/v2/network.graphml"):
        cache.clear()
        # The content version (from the database: the cache was emptied), the stored
        # network's token.
        with django_assert_num_queries(2):
            assert client.get(path).status_code == 200


@pytest.mark.django_db
def test_building_the_network_takes_a_few_queries_at_any_size(
    case_factory, django_assert_max_num_queries
):
    made = [case_factory(title=f"Case {n}", sdgs=[11], topics=["mobility"]) for n in range(12)]
    for n, case in enumerate(made[1:], start=1):
        link(case, made[n - 1])
    # Content version, stored token, view restrictions, links, adoptions, case SDGs, topics,
    # site roots (and, with languages, the root's translations), cases; storing the network
    # (in a savepoint here) and removing older ones.
    with django_assert_max_num_queries(14):
        built = snapshot.current()
    assert built.metrics["edges"] == 11
    assert built.metrics == metrics.metrics(built.select())
