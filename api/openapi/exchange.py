"""Knowledge exchange (exchange/): the network of who learned from whom, its GraphML and CSV
exports, and the two public inputs, adoption reports and questions to a case's team."""

from cases.models import Sector
from exchange.models import EDGE_KINDS, Channel, Stage
from submissions.forms import TEXT_LIMIT

from .parameters import FILTERS, YEAR_RANGE_NOTE, comma_list, locale_parameter, one_of
from .schema import (
    INTEGER,
    LOCALE_META,
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
from .submissions import COUNTRY, SUBMISSION_ERRORS, choice, text

_SHARED = {parameter["name"]: parameter["schema"] for parameter in FILTERS}
NETWORK_FILTERS = [
    query(
        "sdg",
        "SDG number(s), 1 to 17, separated by commas: links whose source or target case has "
        "one of them.",
        _SHARED["sdg"],
    ),
    query(
        "topic",
        "Topic slug(s), separated by commas: links whose source or target case has one of them.",
        _SHARED["topic"],
    ),
    query(
        "region",
        "UN M49 region or sub-region code(s), separated by commas: links with an end there.",
        _SHARED["region"],
    ),
    query(
        "country",
        "ISO 3166-1 alpha-2 code(s), separated by commas: links with an end in one of them.",
        _SHARED["country"],
    ),
    query(
        "kind",
        "learned_from, adapted_from, inspired_by or adopted (approved adoptions), separated by "
        "commas.",
        comma_list(one_of(EDGE_KINDS)),
    ),
    query(
        "channel",
        f"How the knowledge travelled: {', '.join(Channel.values)}, separated by commas.",
        comma_list(one_of(Channel.values)),
    ),
    query(
        "year_from",
        "Links from this year on (links without a year are then left out).",
        _SHARED["year_from"],
    ),
    query("year_to", "Links up to this year.", _SHARED["year_to"]),
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
NETWORK_META = obj(
    {
        **LOCALE_META["properties"],
        "stale": {
            "type": "boolean",
            "description": "True right after a change to public content, until the background "
            "build of the new network is done (seconds): this answer is then the previous "
            "version's network and metrics, sent with a weak ETag of its own, no "
            "Last-Modified and Cache-Control no-cache, and not cached; ask again shortly. "
            "A change that removes anything from the network is never answered stale.",
        },
    }
)
SECTOR = choice(Sector.values)
ADOPTION = obj(
    {
        "case": {
            "type": "integer",
            "minimum": 1,
            "maximum": 2**63 - 1,
            "description": "Page id of a published case.",
        },
        "city": text(120, required=True),
        "country": COUNTRY,
        "organisation_sector": SECTOR,
        "what_was_used": text(TEXT_LIMIT, required=True),
        "stage": choice(Stage.values),
        "year": nullable(YEAR),
        "contact_email": text(254, format="email", description="Private."),
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
        "case": {
            "type": "integer",
            "minimum": 1,
            "maximum": 2**63 - 1,
            "description": "Page id of a published case with a contact.",
        },
        "name": text(200, required=True),
        "email": text(254, required=True, format="email"),
        "organisation": text(200),
        "sector": SECTOR,
        "country": COUNTRY,
        "message": text(TEXT_LIMIT, required=True),
        "consent_privacy": {"const": True},
    },
    required=["case", "name", "email", "sector", "country", "message", "consent_privacy"],
)
WRITE_NOTE = (
    " 400 also for what the schema cannot say: a case that is not published (or, for a "
    "question, has no contact), an email address the site's validation refuses."
)


def _post(summary, description, operation_id, schema, accepted):
    return {
        "post": {
            "summary": summary,
            "description": description + WRITE_NOTE,
            "operationId": operation_id,
            "tags": ["exchange"],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": schema},
                },
            },
            "responses": {"201": accepted, "400": SUBMISSION_ERRORS, "429": THROTTLED},
        }
    }


def paths():
    network_locale = locale_parameter(
        "Links whose source or target case is written in this language. Without it, or with "
        "`all`: every language.",
        every=True,
    )
    return {
        "/api/v2/network/": operation(
            "The knowledge network",
            "Who learned from whom: cases, external sources and adopting cities as nodes, "
            "public links as edges (source of knowledge → what took it over), and network "
            "metrics: counts, weakly connected components, the most learned-from sources "
            "(in-degree) and broker cities (exact betweenness centrality of the graph between "
            "cities, normalised as networkx does). Only links whose ends are live and public. "
            "`meta.stale` says whether the answer is the previous version's while the new "
            "network is being built; `meta.locale` is the language asked for. " + YEAR_RANGE_NOTE,
            [*NETWORK_FILTERS, network_locale],
            read(
                obj(
                    {
                        "nodes": array(NODE),
                        "edges": array(EDGE),
                        "metrics": METRICS,
                        "meta": NETWORK_META,
                    }
                )
            ),
            "exchange",
            "network",
        ),
        "/api/v2/network.graphml": operation(
            "The knowledge network as GraphML",
            "The same nodes and edges (same filters) for networkx, Gephi or Cytoscape; lists "
            "are joined with ';'. " + YEAR_RANGE_NOTE,
            [*NETWORK_FILTERS, network_locale],
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
