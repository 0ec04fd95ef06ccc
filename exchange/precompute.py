"""The filters readers use most, whose metrics the background build computes with the network
(exchange/snapshot.py), so that a filtered read of `/api/v2/network/` costs a filter and a
render instead of a betweenness computation: one filter of one value each, for every value
the API accepts and the network holds (each SDG, UN M49 region and sub-region, country,
topic, kind of link and channel). Other combinations (several values, year ranges) are
computed on the read and cached as before."""

from .filters import REGION_CODES, NetworkFilters
from .metrics import metrics
from .models import EDGE_KINDS, Channel


def common_filters(network):
    """The one-value filters worth keeping for `network` (a `network.Network`)."""
    nodes = network.raw["nodes"]
    sdgs = {number for node in nodes for number in node["sdgs"]}
    countries = {node["country"] for node in nodes if node["country"]}
    topics = {slug for slugs in network.raw["topics"].values() for slug in slugs}
    places = {code for codes in network.raw["places"].values() for code in codes}
    found = [NetworkFilters(sdgs=frozenset([number])) for number in sorted(sdgs)]
    found += [NetworkFilters(regions=frozenset([code])) for code in sorted(places & REGION_CODES)]
    found += [NetworkFilters(countries=frozenset([code])) for code in sorted(countries)]
    found += [NetworkFilters(topics=frozenset([slug])) for slug in sorted(topics)]
    found += [NetworkFilters(kinds=frozenset([kind])) for kind in EDGE_KINDS]
    found += [NetworkFilters(channels=frozenset([channel])) for channel in Channel.values]
    return found


def filtered_metrics(network):
    """{filters.key(): metrics} of the common filters that select at least one link (a filter
    that selects nothing has the empty network's metrics, computed on the read in no time)."""
    kept = {}
    for filters in common_filters(network):
        data = network.select(filters)
        if data["edges"]:
            kept[filters.key()] = metrics(data)
    return kept
