"""The knowledge network as data: who learned from whom, read from the database, filtered, and
measured with networkx.

Nodes are cases (`case:42`), external sources (`ext:7`) and adopting cities (`city:Lyon,FR`);
edges run from the source of knowledge to the one that took it over. Only public links leave
this module: a knowledge-transfer link whose target case and (if it is a case) source case are
both live and public, and approved adoption reports of live, public cases. The anonymous
contact requests ("request" edges, from the asker's country to the case) join only when
`include_requests` is set, which only the researchers' admin screen does.
"""

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.models import Site

import networkx as nx

from cases.models import CasePage, CaseTopic
from core.models import ContentVersion
from taxonomy import regions

from .filters import NetworkFilters
from .models import (
    ADOPTED,
    AdoptionReport,
    ContactRequestRecord,
    Kind,
    KnowledgeLink,
    ReviewStatus,
)

REQUEST = "request"
TOP = 10
# Betweenness is exact up to this many cities, then estimated from this many sampled cities
# (with a fixed seed, so the same data gives the same brokers).
BETWEENNESS_EXACT_UP_TO = 400
BETWEENNESS_SAMPLES = 24


def public_cases():
    return CasePage.objects.live().public()


def kind_label(kind):
    if kind == ADOPTED:
        return _("Adopted by")
    if kind == REQUEST:
        return _("Asked about")
    return str(Kind(kind).label)


class PageURLs:
    """Full page URLs from `url_path`, the way Wagtail builds them, without loading pages."""

    def __init__(self):
        self.roots = sorted(Site.get_site_root_paths(), key=lambda root: -len(root.root_path))

    def __call__(self, url_path):
        for root in self.roots:
            if url_path.startswith(root.root_path):
                return root.root_url + url_path[len(root.root_path) - 1 :]
        return None


@dataclass
class End:
    """One node with what the filters look at."""

    node: dict
    sdgs: frozenset = frozenset()
    topics: frozenset = frozenset()
    country: str = ""
    places: frozenset = field(default_factory=frozenset)  # region and sub-region codes


@lru_cache(maxsize=512)
def _place_codes(country):
    region, subregion = regions.for_country(country) if country else ("", "")
    return frozenset(code for code in (region, subregion) if code)


def city_id(city, country):
    return f"city:{city},{country}"


def _case_ends(case_ids, include_requests=False):
    """`End`s of the cases at the ends of public edges, with their SDGs and topics: three
    queries. The cases are selected in SQL (a subquery), not by sending thousands of ids."""
    if not case_ids:
        return {}
    links = public_links()
    wanted = (
        Q(pk__in=links.values("target_id"))
        | Q(pk__in=links.filter(source_case__isnull=False).values("source_case_id"))
        | Q(pk__in=public_adoptions().values("case_id"))
    )
    if include_requests:
        wanted |= Q(pk__in=ContactRequestRecord.objects.values("case_id"))
    ids = CasePage.objects.filter(wanted).values("pk")
    sdgs, topics = {}, {}
    for case_id, number in CasePage.sdgs.through.objects.filter(casepage_id__in=ids).values_list(
        "casepage_id", "sdg_id"
    ):
        sdgs.setdefault(case_id, []).append(number)
    for case_id, slug in CaseTopic.objects.filter(content_object_id__in=ids).values_list(
        "content_object_id", "tag__slug"
    ):
        topics.setdefault(case_id, set()).add(slug)
    url = PageURLs()
    ends = {}
    rows = CasePage.objects.filter(pk__in=ids).values_list(
        "pk", "title", "url_path", "city", "country", "region", "subregion", "latitude", "longitude"
    )
    for pk, title, url_path, city, country, region, subregion, lat, lon in rows:
        node = {
            "id": f"case:{pk}",
            "type": "case",
            "title": title,
            "url": url(url_path),
            "city": city,
            "country": country,
            "region": region,
            "lat": lat,
            "lon": lon,
            "sdgs": sorted(sdgs.get(pk, [])),
        }
        places = frozenset(code for code in (region, subregion) if code)
        ends[pk] = End(
            node, frozenset(node["sdgs"]), frozenset(topics.get(pk, ())), country, places
        )
    return ends


def _external_end(source):
    country = source.country.code if source.country else ""
    node = {
        "id": f"ext:{source.pk}",
        "type": "external",
        "title": source.title,
        "url": source.url or None,
        "city": source.city,
        "country": country,
        "region": regions.for_country(country)[0] if country else "",
        "lat": source.latitude,
        "lon": source.longitude,
        "sdgs": [],
    }
    return End(node, country=country, places=_place_codes(country))


def _city_end(city, country, lat, lon):
    node = {
        "id": city_id(city, country),
        "type": "city",
        "title": city,
        "url": None,
        "city": city,
        "country": country,
        "region": regions.for_country(country)[0],
        "lat": lat,
        "lon": lon,
        "sdgs": [],
    }
    return End(node, country=country, places=_place_codes(country))


def _country_end(country):
    node = {
        "id": f"country:{country}",
        "type": "country",
        "title": country,
        "url": None,
        "city": "",
        "country": country,
        "region": regions.for_country(country)[0],
        "lat": None,
        "lon": None,
        "sdgs": [],
    }
    return End(node, country=country, places=_place_codes(country))


def public_links():
    """Knowledge-transfer links whose ends are both live and public."""
    public = public_cases().values("pk")
    return KnowledgeLink.objects.filter(target__in=public).filter(
        Q(source_case__in=public) | Q(source_case__isnull=True, source_external__isnull=False)
    )


def public_adoptions():
    return AdoptionReport.objects.filter(
        status=ReviewStatus.APPROVED, case__in=public_cases().values("pk")
    )


def _raw_edges(include_requests):
    """(source key, target key, kind, channel, year, description) of every public edge, and
    the external and city ends they need."""
    edges, others, case_ids = [], {}, set()
    links = public_links().select_related("source_external").order_by("pk")
    for link in links:
        case_ids.add(link.target_id)
        if link.source_case_id:
            case_ids.add(link.source_case_id)
            source = link.source_case_id
        else:
            end = _external_end(link.source_external)
            others[end.node["id"]] = end
            source = end.node["id"]
        edges.append((source, link.target_id, link.kind, link.channel, link.year, link.description))
    adoptions = public_adoptions().order_by("pk")
    for report in adoptions.values_list(
        "case_id", "city", "country", "latitude", "longitude", "year", "what_was_used"
    ):
        case_id, city, country, lat, lon, year, what = report
        case_ids.add(case_id)
        key = city_id(city, country)
        if key not in others:
            others[key] = _city_end(city, country, lat, lon)
        edges.append((case_id, key, ADOPTED, None, year, what[:500]))
    if include_requests:
        records = ContactRequestRecord.objects.filter(case__in=public_cases().values("pk"))
        for case_id, country, day in records.order_by("pk").values_list(
            "case_id", "country", "created_on"
        ):
            case_ids.add(case_id)
            key = f"country:{country}"
            others.setdefault(key, _country_end(country))
            edges.append((key, case_id, REQUEST, None, day.year, ""))
    return edges, others, case_ids


def _matches(f, kind, channel, year, ends):
    if f.kinds and kind not in f.kinds:
        return False
    if f.channels and channel not in f.channels:
        return False
    if f.year_from or f.year_to:
        if year is None or (f.year_from and year < f.year_from):
            return False
        if f.year_to and year > f.year_to:
            return False
    if f.sdgs and not any(end.sdgs & f.sdgs for end in ends):
        return False
    if f.topics and not any(end.topics & f.topics for end in ends):
        return False
    if f.countries and not any(end.country in f.countries for end in ends):
        return False
    return not (f.regions and not any(end.places & f.regions for end in ends))


def _sort_key(node_id):
    kind, _, rest = node_id.partition(":")
    return (kind, int(rest) if rest.isdigit() else 0, rest)


def build(filters=None, *, include_requests=False):
    """`{"nodes": [...], "edges": [...]}` of the public network matching `filters`."""
    filters = filters or NetworkFilters()
    raw, others, case_ids = _raw_edges(include_requests)
    cases = _case_ends(case_ids, include_requests)
    ends = {**{f"case:{pk}": end for pk, end in cases.items()}, **others}
    edges, used = [], set()
    for source, target, kind, channel, year, description in raw:
        source = f"case:{source}" if isinstance(source, int) else source
        target = f"case:{target}" if isinstance(target, int) else target
        if source not in ends or target not in ends:
            continue
        if not _matches(filters, kind, channel, year, (ends[source], ends[target])):
            continue
        used.update((source, target))
        edges.append(
            {
                "source": source,
                "target": target,
                "kind": kind,
                "channel": channel,
                "year": year,
                "description": description,
            }
        )
    nodes = [ends[node_id].node for node_id in sorted(used, key=_sort_key)]
    return {"nodes": nodes, "edges": edges}


def graph(data):
    """The network as a networkx MultiDiGraph (source → target), attributes included."""
    g = nx.MultiDiGraph()
    for node in data["nodes"]:
        g.add_node(node["id"], **node)
    for edge in data["edges"]:
        g.add_edge(edge["source"], edge["target"], **edge)
    return g


def _city_of(node):
    if node["type"] == "city":
        return node["id"]
    if node["type"] in ("case", "external") and node["city"] and node["country"]:
        return city_id(node["city"], node["country"])
    return None


def metrics(data):
    """Counts, the most learned-from sources (in-degree in the "learned from" direction) and
    the broker cities (betweenness centrality of the network drawn between cities)."""
    g = graph(data)
    titles = {node["id"]: node for node in data["nodes"]}
    learned_from = g.reverse(copy=False)
    degrees = [(node, degree) for node, degree in learned_from.in_degree() if degree]
    degrees.sort(key=lambda item: (-item[1], _sort_key(item[0])))
    cities = nx.Graph()
    for edge in data["edges"]:
        a, b = _city_of(titles[edge["source"]]), _city_of(titles[edge["target"]])
        if a and b and a != b:
            cities.add_edge(a, b)
    sample = None
    if cities.number_of_nodes() > BETWEENNESS_EXACT_UP_TO:
        sample = BETWEENNESS_SAMPLES
    scores = nx.betweenness_centrality(cities, k=sample, seed=0) if cities else {}
    brokers = sorted(
        ((city, score) for city, score in scores.items() if score > 0),
        key=lambda item: (-item[1], item[0]),
    )
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "components": nx.number_weakly_connected_components(g) if len(g) else 0,
        "top_sources": [
            {
                "id": node,
                "type": titles[node]["type"],
                "title": titles[node]["title"],
                "url": titles[node]["url"],
                "count": degree,
            }
            for node, degree in degrees[:TOP]
        ],
        "brokers": [
            {
                "id": city,
                "city": city[5:].rsplit(",", 1)[0],
                "country": city.rsplit(",", 1)[1],
                "score": round(score, 6),
            }
            for city, score in brokers[:TOP]
        ],
    }


def _cached(name, filters, compute):
    version, _ = ContentVersion.current()
    key = f"exchange-network:{name}:{version}:{filters.key()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.API_CACHE_TIMEOUT)
    return value


def network(filters=None):
    """The network with its metrics; the metrics are cached under the content version."""
    filters = filters or NetworkFilters()
    data = build(filters)
    data["metrics"] = _cached("metrics", filters, lambda: metrics(data))
    return data


def cached_network(filters=None):
    """`network()`, cached whole under the content version (for pages that show it)."""
    filters = filters or NetworkFilters()
    return _cached("all", filters, lambda: network(filters))


def link_rows(data):
    """The edges with their ends' titles and addresses, for tables."""
    nodes = {node["id"]: node for node in data["nodes"]}
    return [
        {**edge, "source_node": nodes[edge["source"]], "target_node": nodes[edge["target"]]}
        for edge in data["edges"]
    ]


def for_case(page):
    """What a case page shows: what it learned from, whom it inspired, who adopted it."""
    public = public_cases().values("pk")
    learned = (
        KnowledgeLink.objects.filter(target_id=page.pk)
        .filter(
            Q(source_case__in=public) | Q(source_case__isnull=True, source_external__isnull=False)
        )
        .select_related("source_case", "source_external")
        .order_by("sort_order", "pk")
    )
    inspired = (
        KnowledgeLink.objects.filter(source_case_id=page.pk, target__in=public)
        .select_related("target")
        .order_by("-year", "pk")
    )
    adoptions = AdoptionReport.objects.filter(
        case_id=page.pk, status=ReviewStatus.APPROVED
    ).order_by("-year", "-pk")
    return {
        "learned_from": list(learned),
        "inspired": list(inspired),
        "adoptions": list(adoptions),
        "has_contact": bool(page.contact_email),
    }


def counts_by_kind(data):
    return Counter(edge["kind"] for edge in data["edges"])
