"""The knowledge network as data: who learned from whom, read from the database and filtered
(its metrics are in metrics.py; snapshot.py keeps it per content version).

Nodes are cases (`case:42`), external sources (`ext:7`) and adopting cities (`city:Lyon,FR`);
edges run from the source of knowledge to the one that took it over. Only public links leave
this module: a knowledge-transfer link whose target case and (if it is a case) source case are
both live and public, and approved adoption reports of live, public cases. The anonymous
contact requests ("request" edges, from the asker's country to the case) join only when
`include_requests` is set, which only the researchers' admin screen does.
"""

from collections import Counter
from functools import cached_property, lru_cache

from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.models import Site

from cases.models import CasePage, CaseTopic
from taxonomy import regions

from .models import (
    ADOPTED,
    AdoptionReport,
    ContactRequestRecord,
    Kind,
    KnowledgeLink,
    ReviewStatus,
)

REQUEST = "request"


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


class End:
    """What the filters look at on one node."""

    __slots__ = ("country", "language", "places", "sdgs", "topics")

    def __init__(self, node, topics=(), places=(), language=None):
        self.language = language
        self.sdgs = frozenset(node["sdgs"])
        self.topics = frozenset(topics)
        self.country = node["country"]
        self.places = frozenset(places)


@lru_cache(maxsize=512)
def _place_codes(country):
    region, subregion = regions.for_country(country) if country else ("", "")
    return [code for code in (region, subregion) if code]


def city_id(city, country):
    return f"city:{city},{country}"


def _node(node_id, kind, title, url, city, country, lat, lon, sdgs=(), region=None):
    if region is None:
        region = regions.for_country(country)[0] if country else ""
    return {
        "id": node_id,
        "type": kind,
        "title": title,
        "url": url,
        "city": city,
        "country": country,
        "region": region,
        "lat": lat,
        "lon": lon,
        "sdgs": sorted(sdgs),
    }


def public_links(public=None):
    """Knowledge-transfer links whose ends are both live and public (`public`: a subquery of
    the public cases' ids, when the caller has one)."""
    public = public_cases().values("pk") if public is None else public
    return KnowledgeLink.objects.filter(target__in=public).filter(
        Q(source_case__in=public) | Q(source_case__isnull=True, source_external__isnull=False)
    )


def public_adoptions(public=None):
    """Approved adoption reports of live, public cases."""
    public = public_cases().values("pk") if public is None else public
    return AdoptionReport.objects.filter(status=ReviewStatus.APPROVED, case__in=public)


def _case_nodes(case_ids, public, nodes, topics, places, languages):
    """Add the cases `case_ids` to `nodes` (with their SDGs), their topics and their region
    codes. Three plain queries over every public case (`public`, a subquery), keeping the
    ones wanted: cheaper, on 10,000 cases, than sending thousands of ids or repeating the
    subqueries that find the ends of public links."""
    sdgs = {}
    through = CasePage.sdgs.through.objects.filter(casepage_id__in=public)
    for case_id, number in through.values_list("casepage_id", "sdg_id"):
        if case_id in case_ids:
            sdgs.setdefault(case_id, []).append(number)
    tags = CaseTopic.objects.filter(content_object_id__in=public)
    for case_id, slug in tags.values_list("content_object_id", "tag__slug"):
        if case_id in case_ids:
            topics.setdefault(f"case:{case_id}", []).append(slug)
    url = PageURLs()
    rows = CasePage.objects.filter(pk__in=public).values_list(
        "pk",
        "title",
        "url_path",
        "city",
        "country",
        "region",
        "subregion",
        "latitude",
        "longitude",
        "locale__language_code",
    )
    for pk, title, url_path, city, country, region, subregion, lat, lon, language in rows:
        if pk not in case_ids:
            continue
        node_id = f"case:{pk}"
        languages[node_id] = language
        nodes[node_id] = _node(
            node_id,
            "case",
            title,
            url(url_path),
            city,
            country,
            lat,
            lon,
            sdgs.get(pk, ()),
            region,
        )
        places[node_id] = [code for code in (region, subregion) if code]


def _edge(source, target, kind, channel, year, description):
    return {
        "source": source,
        "target": target,
        "kind": kind,
        "channel": channel,
        "year": year,
        "description": description,
    }


def _place_node(nodes, places, node_id, kind, title, url, city, country, lat, lon):
    if node_id not in nodes:
        nodes[node_id] = _node(node_id, kind, title, url, city, country, lat, lon)
        places[node_id] = _place_codes(country)


def collect(include_requests=False):
    """The public network, read from the database as plain values (no page objects): a dict
    of `nodes` and `edges` as the API gives them (nodes in `sort_key` order; links by id,
    then adoptions, then requests), and `topics` and `places` (node id → topic slugs, node
    id → UN M49 region and sub-region codes: what the filters look at besides the node), and
    the ids of the `adoptions` it holds.
    Plain lists and dicts, so that it can be stored as JSON.

    About seven queries, whatever the size: the view restrictions, links, adoptions, and the
    cases at their ends with their SDGs and topics."""
    public = public_cases().values("pk")
    nodes, topics, places, edges, case_ids = {}, {}, {}, [], set()
    adoption_ids = []
    rows = (
        public_links(public)
        .order_by("pk")
        .values_list(
            "source_case_id",
            "target_id",
            "kind",
            "channel",
            "year",
            "description",
            "source_external_id",
            "source_external__title",
            "source_external__url",
            "source_external__city",
            "source_external__country",
            "source_external__latitude",
            "source_external__longitude",
        )
    )
    for source_case, target, kind, channel, year, description, *external in rows:
        case_ids.add(target)
        if source_case:
            case_ids.add(source_case)
            source = f"case:{source_case}"
        else:
            external_pk, title, url, city, country, lat, lon = external
            source = f"ext:{external_pk}"
            _place_node(
                nodes, places, source, "external", title, url or None, city, country, lat, lon
            )
        edges.append(_edge(source, f"case:{target}", kind, channel, year, description))
    for pk, case_id, city, country, lat, lon, year, what in (
        public_adoptions(public)
        .order_by("pk")
        .values_list(
            "pk", "case_id", "city", "country", "latitude", "longitude", "year", "what_was_used"
        )
    ):
        adoption_ids.append(pk)
        case_ids.add(case_id)
        key = city_id(city, country)
        _place_node(nodes, places, key, "city", city, None, city, country, lat, lon)
        edges.append(_edge(f"case:{case_id}", key, ADOPTED, None, year, what[:500]))
    if include_requests:
        records = ContactRequestRecord.objects.filter(case__in=public).order_by("pk")
        for case_id, country, day in records.values_list("case_id", "country", "created_on"):
            case_ids.add(case_id)
            key = f"country:{country}"
            _place_node(nodes, places, key, "country", country, None, "", country, None, None)
            edges.append(_edge(key, f"case:{case_id}", REQUEST, None, day.year, ""))
    languages = {}
    _case_nodes(case_ids, public, nodes, topics, places, languages)
    # A case unpublished between two of the queries above: leave out its edges.
    edges = [edge for edge in edges if edge["source"] in nodes and edge["target"] in nodes]
    used = {node_id for edge in edges for node_id in (edge["source"], edge["target"])}
    return {
        "nodes": [nodes[node_id] for node_id in sorted(used, key=sort_key)],
        "edges": edges,
        "topics": {node_id: slugs for node_id, slugs in topics.items() if node_id in used},
        "places": {node_id: codes for node_id, codes in places.items() if node_id in used},
        # Which adoptions it holds (never given out: `select` gives nodes and edges), so that
        # an earlier version's network is served only while they are all still public.
        "adoptions": adoption_ids,
        # The language of each case (its locale's code), for the `locale` filter.
        "languages": {node_id: code for node_id, code in languages.items() if node_id in used},
    }


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
    if f.locale and not any(end.language == f.locale for end in ends):
        return False
    return not (f.regions and not any(end.places & f.regions for end in ends))


def sort_key(node_id):
    """Nodes in a stable order: by type, then by number (cases, external sources), then by
    name (cities)."""
    kind, _, rest = node_id.partition(":")
    return (kind, int(rest) if rest.isdigit() else 0, rest)


class Network:
    """A collected network (`collect()`) with, when known, the whole network's `metrics`:
    given whole as it is, filtered (`select`) with what the filters look at worked out once,
    on the first filtered read."""

    def __init__(self, raw, metrics=None, filtered=None):
        self.raw = raw
        self.metrics = metrics
        # {filters.key(): metrics} of the common filters (exchange/precompute.py), when kept.
        self.filtered = filtered or {}

    @cached_property
    def nodes(self):
        return {node["id"]: node for node in self.raw["nodes"]}

    @cached_property
    def ends(self):
        topics, places = self.raw["topics"], self.raw["places"]
        # (Snapshots stored before languages were collected have none.)
        languages = self.raw.get("languages", {})
        return {
            node_id: End(
                node, topics.get(node_id, ()), places.get(node_id, ()), languages.get(node_id)
            )
            for node_id, node in self.nodes.items()
        }

    def select(self, filters=None):
        """`{"nodes": [...], "edges": [...]}` of the links matching `filters`."""
        if filters is None or filters.is_empty():
            return {"nodes": self.raw["nodes"], "edges": self.raw["edges"]}
        ends, edges, used = self.ends, [], set()
        for edge in self.raw["edges"]:
            source, target = edge["source"], edge["target"]
            pair = (ends[source], ends[target])
            if _matches(filters, edge["kind"], edge["channel"], edge["year"], pair):
                used.add(source)
                used.add(target)
                edges.append(edge)
        nodes = self.nodes
        return {"nodes": [nodes[node_id] for node_id in sorted(used, key=sort_key)], "edges": edges}


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
