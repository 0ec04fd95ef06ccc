"""What the network's figures mean, computed for `/api/v2/network/`, the /network/ page and
the exports: how many nodes, links and separate groups (weakly connected components) it has,
the most learned-from sources and the broker cities.

- Most learned-from: in-degree in the "learned from" direction (the reverse of the edges,
  which run from source to taker), so every link and adoption counts once for its source.
- Broker cities: betweenness centrality of the network drawn between cities (an undirected
  graph with an edge between the source's city and the taker's city for every link between
  two different cities): the share of shortest paths between two other cities that run
  through a city. Exact, normalised as networkx normalises it.

The graph and the counts come from networkx. Betweenness is the same measure networkx's
`betweenness_centrality` gives (the tests compare the two), computed by igraph's C core:
networkx's pure-Python version takes seconds for the 1,600 cities of 10,000 demo cases,
igraph a fraction of a second, and only an exact figure ranks brokers reliably.
"""

import igraph
import networkx as nx

from .network import city_id, sort_key

TOP = 10


def _city_of(node):
    if node["type"] == "city":
        return node["id"]
    if node["type"] in ("case", "external") and node["city"] and node["country"]:
        return city_id(node["city"], node["country"])
    return None


def betweenness(pairs):
    """{city: normalised betweenness} of the undirected simple graph whose edges are `pairs`
    (two different cities each; repeats count once), as `networkx.betweenness_centrality`
    computes it."""
    edges = {tuple(sorted(pair)) for pair in pairs}
    if not edges:
        return {}
    g = igraph.Graph.TupleList(sorted(edges), directed=False)
    n = g.vcount()
    # igraph counts each pair of cities once; networkx normalises by 2 / ((n - 1)(n - 2)) for
    # undirected graphs, and leaves graphs of two cities (whose scores are 0) as they are.
    scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 1
    return {
        name: score * scale
        for name, score in zip(g.vs["name"], g.betweenness(directed=False), strict=True)
    }


def metrics(data):
    """Counts, the most learned-from sources and the broker cities of `data`
    (`{"nodes": [...], "edges": [...]}` as `network.Network.select` gives it)."""
    nodes = {node["id"]: node for node in data["nodes"]}
    g = nx.MultiDiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from((edge["source"], edge["target"]) for edge in data["edges"])
    learned_from = g.reverse(copy=False)
    degrees = [(node, degree) for node, degree in learned_from.in_degree() if degree]
    degrees.sort(key=lambda item: (-item[1], sort_key(item[0])))
    pairs = []
    for edge in data["edges"]:
        a, b = _city_of(nodes[edge["source"]]), _city_of(nodes[edge["target"]])
        if a and b and a != b:
            pairs.append((a, b))
    # Rounded before ranking: equal scores tie on the city's id, however the sums fell.
    scores = [(city, round(score, 6)) for city, score in betweenness(pairs).items()]
    brokers = sorted(
        ((city, score) for city, score in scores if score > 0),
        key=lambda item: (-item[1], item[0]),
    )
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "components": nx.number_weakly_connected_components(g) if len(g) else 0,
        "top_sources": [
            {
                "id": node,
                "type": nodes[node]["type"],
                "title": nodes[node]["title"],
                "url": nodes[node]["url"],
                "count": degree,
            }
            for node, degree in degrees[:TOP]
        ],
        "brokers": [
            {
                "id": city,
                "city": city[5:].rsplit(",", 1)[0],
                "country": city.rsplit(",", 1)[1],
                "score": score,
            }
            for city, score in brokers[:TOP]
        ],
    }
