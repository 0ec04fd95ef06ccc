"""The network for other tools: GraphML (networkx, Gephi, Cytoscape desktop) and the links as
CSV, with the Frictionless schema the open-data package (`export_open_data`) lists them under.
Public links only, as `snapshot.build` gives them."""

import csv
import io

import networkx as nx

from . import network, snapshot

# (name, Frictionless type, description): the columns of links.csv.
LINK_FIELDS = [
    (
        "source",
        "string",
        "Node id of the source of knowledge: case:<page id>, ext:<id> or city:<city>,<country>.",
    ),
    ("source_type", "string", "case, external or city."),
    ("source_title", "string", "Title of the source case or external source, or the city's name."),
    (
        "source_url",
        "string",
        "Web address of the source (the case on the platform, or the external source's own).",
    ),
    ("source_city", "string", "City of the source, when known."),
    ("source_country", "string", "ISO 3166-1 alpha-2 country code of the source, when known."),
    ("target", "string", "Node id of what took the knowledge over (a case, or an adopting city)."),
    ("target_type", "string", "case or city."),
    ("target_title", "string", "Title of the target case, or the adopting city's name."),
    ("target_url", "string", "Web address of the target case on the platform."),
    ("target_city", "string", "City of the target."),
    ("target_country", "string", "ISO 3166-1 alpha-2 country code of the target."),
    (
        "kind",
        "string",
        "learned_from, adapted_from, inspired_by, or adopted (an approved adoption report).",
    ),
    (
        "channel",
        "string",
        "How it travelled: conference, website, this_platform, study_visit, network, training, living_lab, colleague, publication or other; empty for adoptions.",
    ),
    ("year", "integer", "Year the knowledge travelled, when known."),
    ("description", "string", "What was taken over."),
]


def link_records(data=None):
    """Every public link as a dict of LINK_FIELDS."""
    data = data or snapshot.build()
    for row in network.link_rows(data):
        source, target = row["source_node"], row["target_node"]
        yield {
            "source": source["id"],
            "source_type": source["type"],
            "source_title": source["title"],
            "source_url": source["url"],
            "source_city": source["city"],
            "source_country": source["country"],
            "target": target["id"],
            "target_type": target["type"],
            "target_title": target["title"],
            "target_url": target["url"],
            "target_city": target["city"],
            "target_country": target["country"],
            "kind": row["kind"],
            "channel": row["channel"],
            "year": row["year"],
            "description": row["description"],
        }


def write_links_csv(handle):
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow([name for name, _, _ in LINK_FIELDS])
    for record in link_records():
        writer.writerow(
            ["" if record[name] is None else record[name] for name, _, _ in LINK_FIELDS]
        )


def links_csv():
    handle = io.StringIO()
    write_links_csv(handle)
    return handle.getvalue()


def links_resource(path="links.csv"):
    """The Data Package resource that describes links.csv."""
    return {
        "name": "links",
        "path": path,
        "title": "Knowledge-transfer links between cases, external sources and cities",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {
            "fields": [
                {"name": name, "type": kind, "description": description}
                for name, kind, description in LINK_FIELDS
            ],
        },
    }


def _graphml_value(value):
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    return value


def graphml(data):
    """GraphML of the network: node and edge attributes as in the JSON, lists joined by ';',
    missing values left out (GraphML has no null)."""
    g = nx.MultiDiGraph()
    for node in data["nodes"]:
        attributes = {key: _graphml_value(value) for key, value in node.items() if key != "id"}
        attributes = {key: value for key, value in attributes.items() if value not in (None, "")}
        g.add_node(node["id"], **attributes)
    for number, edge in enumerate(data["edges"]):
        attributes = {
            key: value
            for key, value in edge.items()
            if key not in ("source", "target") and value not in (None, "")
        }
        g.add_edge(edge["source"], edge["target"], key=f"e{number}", **attributes)
    return "\n".join(nx.generate_graphml(g, encoding="utf-8", prettyprint=True)) + "\n"
