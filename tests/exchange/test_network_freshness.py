"""The network's background build keeps the metrics of the common one-value filters, exactly
as a read would compute them; and right after a change, until that build has run, a read gets
the previous version's network marked `meta.stale` (never cached, never validated as the new
version's), unless the change took something out of the network: then it waits for the new
one. The build runs as the code runs it: the task the change announces after its commit."""

import datetime

from django.core.cache import cache
from django.utils import timezone

import pytest

from core.models import ContentVersion
from exchange import filters, metrics, snapshot
from exchange.models import KnowledgeLink
from exchange.network import Network, collect
from exchange.precompute import common_filters

from .conftest import adoption, link
from .test_snapshot import forget_in_memory

API = "/api/v2/network/"


@pytest.fixture(autouse=True)
def _fresh_process():
    forget_in_memory()
    snapshot._safe_to_serve.clear()
    yield
    forget_in_memory()
    snapshot._safe_to_serve.clear()


@pytest.mark.django_db
def test_every_common_filter_kept_equals_the_metrics_computed_directly(varied_network, client):
    built = snapshot.current()
    direct = Network(collect())
    kept = 0
    for chosen in common_filters(direct):
        data = direct.select(chosen)
        expected = metrics.metrics(data)
        assert snapshot.network(chosen)["metrics"] == expected, chosen
        if data["edges"]:
            assert built.filtered[chosen.key()] == expected, chosen
            kept += 1
    assert kept >= 20  # SDGs, regions, countries, topics, kinds, channels of the network
    # Through the API, from the stored copy (another process), against the direct figures.
    forget_in_memory()
    for query in ("sdg=11", "region=002", "country=PE", "topic=mobility", "kind=adopted"):
        cache.clear()
        chosen = filters.from_querydict(_querydict(query))
        answer = client.get(f"{API}?{query}").json()
        assert answer["metrics"] == metrics.metrics(direct.select(chosen)), query
        assert answer["meta"] == {"stale": False, "locale": None}
    # A combination that is not kept is still computed exactly on the read.
    chosen = filters.from_querydict(_querydict("sdg=11&kind=learned_from"))
    assert chosen.key() not in built.filtered
    answer = client.get(f"{API}?sdg=11&kind=learned_from").json()
    assert answer["metrics"] == metrics.metrics(direct.select(chosen))


def _querydict(query):
    from django.http import QueryDict

    return QueryDict(query)


@pytest.mark.django_db
def test_after_a_change_the_next_read_is_stale_and_the_one_after_the_build_is_fresh(
    client, varied_network, django_capture_on_commit_callbacks
):
    before = client.get(API).json()
    assert before["meta"] == {"stale": False, "locale": None}
    with django_capture_on_commit_callbacks(execute=False) as after_commit:
        # Publishing the case's revision saves its earlier links again, under new ids.
        link(varied_network[4], varied_network[5], kind="inspired_by", channel="website")
    assert after_commit  # the version's announcement, which queues the build
    version, _ = ContentVersion.current()

    stale = client.get(API)
    assert stale.status_code == 200
    assert stale.json()["meta"] == {"stale": True, "locale": None}
    assert stale.json()["edges"] == before["edges"]
    assert stale.json()["metrics"] == before["metrics"]
    assert "provisional" in stale["ETag"] and "Last-Modified" not in stale
    assert "no-cache" in stale["Cache-Control"]
    # A filtered read is stale too, with the previous version's kept metrics.
    assert client.get(f"{API}?sdg=11").json()["meta"] == {"stale": True, "locale": None}
    # Not cached under the new version: the next read asks again.
    assert client.get(API).json()["meta"] == {"stale": True, "locale": None}
    # Nor can a client revalidate the stale answer into a 304 once the new one exists.
    assert client.get(API, headers={"if-none-match": stale["ETag"]}).status_code == 200

    for callback in after_commit:  # the commit's work: publish the version, run the build
        callback()
    assert snapshot.warm(version) == "exists"
    fresh = client.get(API)
    assert fresh.json()["meta"] == {"stale": False, "locale": None}
    assert fresh.json()["metrics"]["edges"] == before["metrics"]["edges"] + 1
    assert f'"v{version}-' in fresh["ETag"]
    assert client.get(API, headers={"if-none-match": fresh["ETag"]}).status_code == 304


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["unpublish", "reject", "delete link"])
def test_a_change_that_takes_something_out_is_never_served_stale(
    client, varied_network, change, django_capture_on_commit_callbacks
):
    approved = adoption(varied_network[3], city="Accra", country="GH")
    before = client.get(API).json()
    assert any(node["id"] == "city:Accra,GH" for node in before["nodes"])
    with django_capture_on_commit_callbacks(execute=False):  # no background build
        if change == "unpublish":
            varied_network[3].unpublish()
        elif change == "reject":
            approved.status = "rejected"
            approved.save()
        else:
            KnowledgeLink.objects.filter(target=varied_network[3]).delete()
    answer = client.get(API).json()
    assert answer["meta"] == {"stale": False, "locale": None}  # built in the read instead
    assert not any(node["id"] == "city:Accra,GH" for node in answer["nodes"]) or (
        change == "delete link"
    )
    if change == "unpublish":
        assert not any(node["id"] == f"case:{varied_network[3].pk}" for node in answer["nodes"])
    assert answer["metrics"] != before["metrics"]


@pytest.mark.django_db
def test_a_lost_build_is_done_by_the_read_once_the_grace_is_over(
    client, varied_network, settings, django_capture_on_commit_callbacks
):
    client.get(API)
    with django_capture_on_commit_callbacks(execute=False):  # the task never runs
        link(varied_network[4], varied_network[5], kind="inspired_by", channel="website")
    assert client.get(API).json()["meta"] == {"stale": True, "locale": None}
    ContentVersion.objects.filter(pk=1).update(
        changed_at=timezone.now() - datetime.timedelta(seconds=settings.NETWORK_STALE_GRACE + 1)
    )
    cache.delete(ContentVersion.CACHE_KEY)
    fresh = client.get(API).json()
    assert fresh["meta"] == {"stale": False, "locale": None}
    assert snapshot.NetworkSnapshot.objects.get().version == ContentVersion.current()[0]


@pytest.mark.django_db
def test_no_grace_means_never_stale(client, varied_network, settings):
    settings.NETWORK_STALE_GRACE = 0
    client.get(API)
    link(varied_network[4], varied_network[5], kind="inspired_by", channel="website")
    assert client.get(API).json()["meta"] == {"stale": False, "locale": None}
