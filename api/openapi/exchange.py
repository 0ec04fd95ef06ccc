"""Knowledge exchange (exchange/): the network of who learned from whom, its GraphML and CSV
exports, and the two public inputs, adoption reports and questions to a case's team."""

from .schema import (
    INTEGER,
    NUMBER,
    STRING,
    THROTTLED,
    YEAR,
    array,
    json_body,
    nullable,
    obj,
    operation,
    query,
    read,
)
from .submissions import SUBMISSION_ERRORS

NETWORK_FILTERS = [
    query("sdg", "SDG number(s), 1 to 17: links whose source or target case has one of them."),
    query("topic", "Topic slug(s): links whose source or target case has one of them."),
    query("region", "UN M49 region or sub-region code(s): links with an end there."),
    query("country", "ISO 3166-1 alpha-2 code(s): links with an end in one of them."),
    query("kind", "learned_from, adapted_from, inspired_by or adopted (approved adoptions)."),
    query(
        "channel",
        "conference, website, this_platform, study_visit, network, training, living_lab, "
        "colleague, publication or other.",
    ),
    query("year_from", "Links from this year on (links without a year are then left out)."),
    query("year_to", "Links up to this year."),
]
NODE = obj(
    {
        "id": {
            "type": "string",
            "description": "case:<page id>, ext:<id> or city:<city>,<country>",
        },
        "type": {"enum": ["case", "external", "city"]},
        "title": STRING,
        "url": nullable(STRING),
        "city": STRING,
        "country": STRING,
        "region": STRING,
        "lat": nullable(NUMBER),
        "lon": nullable(NUMBER),
        "sdgs": array(INTEGER),
    },
    required=["id", "type", "title", "url", "city", "country", "lat", "lon", "sdgs"],
)
EDGE = obj(
    {
        "source": STRING,
        "target": STRING,
        "kind": {"enum": ["learned_from", "adapted_from", "inspired_by", "adopted"]},
        "channel": nullable(STRING),
        "year": nullable(INTEGER),
        "description": STRING,
    },
    required=["source", "target", "kind", "channel", "year"],
)
METRICS = obj(
    {
        "nodes": INTEGER,
        "edges": INTEGER,
        "components": INTEGER,
        "top_sources": array(
            obj(
                {
                    "id": STRING,
                    "type": STRING,
                    "title": STRING,
                    "url": nullable(STRING),
                    "count": INTEGER,
                }
            )
        ),
        "brokers": array(obj({"id": STRING, "city": STRING, "country": STRING, "score": NUMBER})),
    }
)
ADOPTION = obj(
    {
        "case": {"type": "integer", "description": "Page id of a published case."},
        "city": STRING,
        "country": {"type": "string", "description": "ISO 3166-1 alpha-2"},
        "organisation_sector": {
            "enum": ["government", "academia", "private", "civil_society", "ngo", "urban_network"]
        },
        "what_was_used": STRING,
        "stage": {"enum": ["considering", "adapting", "implemented"]},
        "year": nullable(YEAR),
        "contact_email": {"type": "string", "format": "email", "description": "Private."},
        "consent_privacy": {"const": True},
    },
    required=[
        "case",
        "city",
        "country",
        "organisation_sector",
        "what_was_used",
        "stage",
        "consent_privacy",
    ],
)
CONTACT = obj(
    {
        "case": {"type": "integer", "description": "Page id of a published case with a contact."},
        "name": STRING,
        "email": {"type": "string", "format": "email"},
        "organisation": STRING,
        "sector": {
            "enum": ["government", "academia", "private", "civil_society", "ngo", "urban_network"]
        },
        "country": {"type": "string", "description": "ISO 3166-1 alpha-2"},
        "message": STRING,
        "consent_privacy": {"const": True},
    },
    required=["case", "name", "email", "sector", "country", "message", "consent_privacy"],
)


def _post(summary, description, operation_id, schema, accepted):
    return {
        "post": {
            "summary": summary,
            "description": description,
            "operationId": operation_id,
            "tags": ["exchange"],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": schema},
                    "application/x-www-form-urlencoded": {"schema": schema},
                },
            },
            "responses": {"201": accepted, "400": SUBMISSION_ERRORS, "429": THROTTLED},
        }
    }


def paths():
    return {
        "/api/v2/network/": operation(
            "The knowledge network",
            "Who learned from whom: cases, external sources and adopting cities as nodes, "
            "public links as edges (source of knowledge → what took it over), and network "
            "metrics: counts, weakly connected components, the most learned-from sources "
            "(in-degree) and broker cities (exact betweenness centrality of the graph between "
            "cities, normalised as networkx does). Only links whose ends are live and public.",
            NETWORK_FILTERS,
            read(obj({"nodes": array(NODE), "edges": array(EDGE), "metrics": METRICS})),
            "exchange",
            "network",
        ),
        "/api/v2/network.graphml": operation(
            "The knowledge network as GraphML",
            "The same nodes and edges (same filters) for networkx, Gephi or Cytoscape; lists "
            "are joined with ';'.",
            NETWORK_FILTERS,
            read({"type": "string"}, content_type="application/graphml+xml"),
            "exchange",
            "network_graphml",
        ),
        "/api/v2/export/links.csv": operation(
            "All public knowledge-transfer links as CSV",
            "Open data: one row per link or approved adoption, with both ends. Licence: CC BY 4.0.",
            [],
            read({"type": "string"}, content_type="text/csv"),
            "open data",
            "export_links_csv",
        ),
        "/api/v2/exchange/adoptions/": _post(
            "Report that your city is applying a case",
            "Moderators review it; once approved it shows on the case and in the network as a "
            "link to your city. The contact email is never published. At most 5 an hour per "
            "client.",
            "exchange_adoptions",
            ADOPTION,
            json_body(
                obj({"status": STRING, "token": STRING, "status_url": STRING}),
                "Received: follow the status URL.",
            ),
        ),
        "/api/v2/exchange/contact/": _post(
            "Ask the team behind a case",
            "The question is emailed to the case's contact with Reply-To set to you; neither "
            "address is ever shown. Cases without a contact answer 400. At most 5 an hour per "
            "client.",
            "exchange_contact",
            CONTACT,
            json_body(obj({"status": STRING}), "Received: it will be emailed shortly."),
        ),
    }
