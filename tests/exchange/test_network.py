"""The network as data: node and edge counts equal counts computed independently from the
database for many filter combinations (hypothesis); the metrics; GraphML read back by
networkx; bad parameters; caching and the rate limit."""

from urllib.parse import urlencode

from django.db.models import Q

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases.models import CasePage
from exchange.models import AdoptionReport, KnowledgeLink, ReviewStatus
from taxonomy import regions

from .conftest import link

KINDS = ["learned_from", "adapted_from", "inspired_by", "adopted"]
CHANNELS = ["conference", "website", "this_platform", "study_visit", "network"]
COUNTRIES = ["KE", "PE", "NL", "VN", "TN", "CA", "FR", "PL"]
REGION_CODES = ["002", "019", "142", "150", "014", "155", "005"]


def _country_region_q(field, codes):
    """Countries (by the UN M49 table, not by the network code) in the regions."""
    from django_countries import countries

    inside = [c for c, _ in countries if set(regions.for_country(c)) & set(codes)]
    return Q(**{f"{field}__in": inside})


def expected(f):
    """Edges and nodes computed with the ORM, independently of exchange/network.py."""
    public = CasePage.objects.live().public().values("pk")
    links = KnowledgeLink.objects.filter(target__in=public).filter(
        Q(source_case__in=public) | Q(source_case__isnull=True, source_external__isnull=False)
    )
    adoptions = AdoptionReport.objects.filter(status=ReviewStatus.APPROVED, case__in=public)
    if f["kind"]:
        links = links.filter(kind__in=f["kind"])
        if "adopted" not in f["kind"]:
            adoptions = adoptions.none()
    if f["channel"]:
        links = links.filter(channel__in=f["channel"])
        adoptions = adoptions.none()
    for queryset_name in ("links", "adoptions"):
        qs = links if queryset_name == "links" else adoptions
        if f["year_from"] or f["year_to"]:
            qs = qs.filter(year__isnull=False)
            if f["year_from"]:
                qs = qs.filter(year__gte=f["year_from"])
            if f["year_to"]:
                qs = qs.filter(year__lte=f["year_to"])
        if queryset_name == "links":
            links = qs
        else:
            adoptions = qs
    if f["sdg"]:
        links = links.filter(
            Q(target__sdgs__number__in=f["sdg"]) | Q(source_case__sdgs__number__in=f["sdg"])
        )
        adoptions = adoptions.filter(case__sdgs__number__in=f["sdg"])
    if f["topic"]:
        links = links.filter(
            Q(target__topics__slug__in=f["topic"]) | Q(source_case__topics__slug__in=f["topic"])
        )
        adoptions = adoptions.filter(case__topics__slug__in=f["topic"])
    if f["country"]:
        c = f["country"]
        links = links.filter(
            Q(target__country__in=c)
            | Q(source_case__country__in=c)
            | Q(source_external__country__in=c)
        )
        adoptions = adoptions.filter(Q(case__country__in=c) | Q(country__in=c))
    if f["region"]:
        r = f["region"]
        links = links.filter(
            Q(target__region__in=r)
            | Q(target__subregion__in=r)
            | Q(source_case__region__in=r)
            | Q(source_case__subregion__in=r)
            | _country_region_q("source_external__country", r)
        )
        adoptions = adoptions.filter(
            Q(case__region__in=r) | Q(case__subregion__in=r) | _country_region_q("country", r)
        )
    links, adoptions = links.distinct(), adoptions.distinct()
    nodes = set()
    for target, source, ext in links.values_list(
        "target_id", "source_case_id", "source_external_id"
    ):
        nodes.update({f"case:{target}", f"case:{source}" if source else f"ext:{ext}"})
    for case, city, country in adoptions.values_list("case_id", "city", "country"):
        nodes.update({f"case:{case}", f"city:{city},{country}"})
    return links.count() + adoptions.count(), nodes


def subsets(values):
    return st.lists(st.sampled_from(values), max_size=2, unique=True)


years = st.one_of(st.none(), st.sampled_from([2012, 2016, 2019, 2023]))


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    f=st.fixed_dictionaries(
        {
            "sdg": subsets([1, 2, 3, 11, 13, 16]),
            "topic": subsets(["mobility", "housing", "food", "climate"]),
            "country": subsets(COUNTRIES),
            "region": subsets(REGION_CODES),
            "kind": subsets(KINDS),
            "channel": subsets(CHANNELS),
            "year_from": years,
            "year_to": years,
        }
    ).filter(lambda f: not (f["year_from"] and f["year_to"] and f["year_from"] > f["year_to"]))
)
def test_network_counts_match_the_database(client, varied_network, f):
    query = {
        key: ",".join(str(v) for v in value) if isinstance(value, list) else str(value)
        for key, value in f.items()
        if value
    }
    response = client.get("/api/v2/network/?" + urlencode(query))
    assert response.status_code == 200, response.content
    body = response.json()
    edges, nodes = expected(f)
    assert body["metrics"]["edges"] == len(body["edges"]) == edges
    assert {node["id"] for node in body["nodes"]} == nodes
    assert body["metrics"]["nodes"] == len(nodes)


def reference_metrics(body):
    """The metrics worked out from the answer's own nodes and edges with networkx alone:
    in-degree of the reversed graph, weak components, exact betweenness of the city graph."""
    nodes = {node["id"]: node for node in body["nodes"]}
    g = nx.MultiDiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from((e["source"], e["target"]) for e in body["edges"])
    sources = sorted(((n, d) for n, d in g.reverse().in_degree() if d), key=lambda item: -item[1])

    def city(node):
        if node["type"] == "city":
            return node["id"]
        if node["type"] != "country" and node["city"] and node["country"]:
            return f"city:{node['city']},{node['country']}"
        return None

    cities = nx.Graph()
    for edge in body["edges"]:
        a, b = city(nodes[edge["source"]]), city(nodes[edge["target"]])
        if a and b and a != b:
            cities.add_edge(a, b)
    scores = {c: round(s, 6) for c, s in nx.betweenness_centrality(cities).items() if s > 0}
    return {
        "components": nx.number_weakly_connected_components(g) if len(g) else 0,
        "counts": dict(sources),
        "top_count": sources[0][1] if sources else None,
        "scores": scores,
    }


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    f=st.fixed_dictionaries(
        {
            "sdg": subsets([1, 2, 11, 16]),
            "country": subsets(COUNTRIES),
            "kind": subsets(KINDS),
            "year_from": years,
        }
    )
)
def test_network_metrics_match_networkx_on_the_answer(client, varied_network, f):
    query = {key: ",".join(map(str, v)) if isinstance(v, list) else v for key, v in f.items()}
    body = client.get("/api/v2/network/?" + urlencode({k: v for k, v in query.items() if v}))
    body = body.json()
    expected, metrics = reference_metrics(body), body["metrics"]
    assert metrics["components"] == expected["components"]
    assert {item["id"]: item["count"] for item in metrics["top_sources"]} == expected["counts"]
    if expected["top_count"]:
        assert metrics["top_sources"][0]["count"] == expected["top_count"]
    assert {item["id"]: item["score"] for item in metrics["brokers"]} == expected["scores"]
    assert [item["score"] for item in metrics["brokers"]] == sorted(
        expected["scores"].values(), reverse=True
    )


@pytest.mark.django_db
def test_the_unfiltered_network_its_shape_and_metrics(client, varied_network):
    cases = varied_network
    body = client.get("/api/v2/network/").json()
    assert body["metrics"]["edges"] == 10 and body["metrics"]["nodes"] == 9
    assert body["metrics"]["components"] == 1
    # Nairobi's case was learned from twice, and adopted by Lyon: three outgoing edges.
    top = body["metrics"]["top_sources"][0]
    assert (top["id"], top["count"]) == (f"case:{cases[0].pk}", 3)
    node = next(n for n in body["nodes"] if n["id"] == f"case:{cases[1].pk}")
    assert node["type"] == "case" and node["city"] == "Lima" and node["sdgs"] == [1, 11]
    assert node["url"].endswith(cases[1].url)
    assert {b["id"] for b in body["metrics"]["brokers"]} <= {n["id"] for n in body["nodes"]} | {
        f"city:{n['city']},{n['country']}" for n in body["nodes"]
    }
    assert body["metrics"]["brokers"][0]["score"] > 0


@pytest.mark.django_db
def test_graphml_round_trips_through_networkx(client, varied_network):
    data = client.get("/api/v2/network/").json()
    response = client.get("/api/v2/network.graphml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/graphml+xml")
    assert "attachment" in response["Content-Disposition"]
    g = nx.parse_graphml(response.content.decode())
    assert set(g.nodes) == {node["id"] for node in data["nodes"]}
    assert g.number_of_edges() == len(data["edges"])
    assert sorted((s, t, d["kind"]) for s, t, d in g.edges(data=True)) == sorted(
        (e["source"], e["target"], e["kind"]) for e in data["edges"]
    )
    lima = next(n for n in data["nodes"] if n["city"] == "Lima")
    assert g.nodes[lima["id"]]["title"] == lima["title"]
    assert g.nodes[lima["id"]]["sdgs"] == "1;11"
    filtered = nx.parse_graphml(client.get("/api/v2/network.graphml?kind=adopted").content.decode())
    assert {d["kind"] for _, _, d in filtered.edges(data=True)} == {"adopted"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("sdg=18", "sdg"),
        ("sdg=x", "sdg"),
        ("kind=copied", "kind"),
        ("channel=fax", "channel"),
        ("country=XX", "country"),
        ("region=999", "region"),
        ("year_from=abc", "year_from"),
        ("year_from=2020&year_to=2010", "year_to"),
    ],
)
def test_bad_parameters_get_400_naming_them(client, query, parameter):
    for path in ("/api/v2/network/", "/api/v2/network.graphml"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400
        assert response.json()["message"].startswith(f"{parameter}:")
    page = client.get(f"/network/?{query}")
    assert page.status_code == 400 and f"{parameter}:" in page.content.decode()


@pytest.mark.django_db
def test_answers_are_cached_until_content_changes(
    client, varied_network, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    first = client.get("/api/v2/network/")
    etag = first["ETag"]
    assert client.get("/api/v2/network/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    with django_assert_max_num_queries(1):  # the content version only
        assert client.get("/api/v2/network/").content == first.content
    # After the commit, the new version's network is built (the task; before it is done a
    # read is answered stale: test_network_freshness.py).
    with django_capture_on_commit_callbacks(execute=True):
        link(varied_network[3], varied_network[1])
    fresh = client.get("/api/v2/network/")
    assert fresh["ETag"] != etag and fresh.json()["meta"] == {"stale": False, "locale": None}
    assert fresh.json()["metrics"]["edges"] == first.json()["metrics"]["edges"] + 1


@pytest.mark.django_db
def test_the_network_is_rate_limited_like_the_other_reads(client, settings):
    settings.API_ANON_THROTTLE_RATE = "2/minute"
    for path in ("/api/v2/network/", "/api/v2/network.graphml"):
        client.get(path)
    response = client.get("/api/v2/export/links.csv")
    assert response.status_code == 429 and "Retry-After" in response


@pytest.mark.django_db
def test_the_network_page_lists_links_and_metrics_without_javascript(client, varied_network):
    html = client.get("/network/?sdg=2").content.decode()
    assert "Case in Hanoi" in html and "Most learned from" in html
    assert "Case in Toronto" in html  # learned from by Hanoi's case
    assert "Case in Lima</a>" not in html


@pytest.mark.django_db
def test_the_research_flows_count_the_public_links(client, varied_network):
    """insights reads the links through exchange.services.public_links(): the public
    knowledge-transfer links only (not adoptions, not links to drafts or private cases)."""
    body = client.get("/api/v2/insights/flows/").json()
    assert body["available"] is True
    assert body["links"] == 8  # 7 between public cases and 1 from an external source
    kinds = {row["kind"]: row["count"] for row in body["by_kind"]}
    assert kinds == {"learned_from": 3, "adapted_from": 2, "inspired_by": 3}
    africa = client.get("/api/v2/insights/flows/?region=002").json()["links"]
    assert africa == 4  # either end in Nairobi or Tunis
