"""The codebook of a research data release: every resource, and every field with its type and
what it means, as Frictionless table schemas (datapackage.json) and as a README a researcher
reads first."""

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
PUBLISHER = "Closer Cities"
K = 5

AREA_LEVELS = "country (ISO 3166-1 alpha-2), subregion or region (UN M49 codes), or world"

# name: (file, title, description, [(field, type, description)])
RESOURCES = {
    "cases": (
        "cases.csv",
        "Cases",
        "Published cases (urban practice) on the day of the release: public fields only.",
        [
            ("case_id", "integer", "The case's page id (/api/v2/pages/<id>/ on the platform)."),
            ("title", "string", "Title of the case."),
            ("city", "string", "City where the case took place."),
            ("country", "string", "ISO 3166-1 alpha-2 country code."),
            ("region", "string", "UN M49 region code."),
            ("subregion", "string", "UN M49 sub-region code."),
            ("sdgs", "string", "SDG numbers the case works towards, separated by ';'."),
            ("topics", "string", "Topic slugs, separated by ';'."),
            ("status", "string", "idea, pilot, running, scaled_up or completed."),
            ("scale", "string", "neighbourhood, city, metropolitan, regional or national."),
            ("start_year", "integer", "Year the case started (empty when not given)."),
            ("end_year", "integer", "Year the case ended (empty when not given)."),
            ("actor_sectors", "string", "Sectors of the organisations involved, separated by ';'."),
            ("first_published", "date", "Day the case was first published."),
        ],
    ),
    "knowledge_links": (
        "knowledge_links.csv",
        "Knowledge links",
        "Public links between cases: which project learned from which (empty while the "
        "platform records no links).",
        [
            ("source_city", "string", "City of the source the knowledge came from."),
            ("source_country", "string", "Its ISO 3166-1 alpha-2 country code."),
            ("source_region", "string", "Its UN M49 region code."),
            ("target_city", "string", "City of the case that learned."),
            ("target_country", "string", "Its ISO 3166-1 alpha-2 country code."),
            ("target_region", "string", "Its UN M49 region code."),
            ("kind", "string", "learned_from, adapted_from or inspired_by."),
            ("channel", "string", "How the knowledge travelled (conference, website, ...)."),
            ("year", "integer", "Year of the transfer (empty when not given)."),
        ],
    ),
    "search_sessions": (
        "search_sessions.csv",
        "Searches",
        "Every search on the site and through the API in the period, in sessions. The session "
        "id is re-salted for this release only: it cannot be matched with the site's own log "
        "nor with another release. No IP address, user agent or account is ever recorded.",
        [
            (
                "session",
                "string",
                "Anonymous session id of this release (a visitor's searches on one day).",
            ),
            ("sequence", "integer", "Order of the search within its session, from 1."),
            ("searched_at", "datetime", "When, to the minute (UTC)."),
            ("source", "string", "page (the search page) or api."),
            ("query", "string", "The query, lower case with single spaces; empty when browsing."),
            (
                "filters",
                "string",
                "The filters chosen, as JSON (sdg, topic, country, region, type, status, year_from, year_to).",
            ),
            ("order", "string", "relevance or newest."),
            ("page", "integer", "Results page, from 1."),
            ("result_count", "integer", "How many results the search found."),
            ("clicks", "integer", "How many of its results were opened."),
            (
                "clicked_positions",
                "string",
                "Positions of the opened results (1 = first), separated by ';'.",
            ),
        ],
    ),
    "survey_responses": (
        "survey_responses.csv",
        "Survey responses",
        "Answers to 'Tell us how you share'. Where fewer than 5 respondents share a country "
        "and sector, the country is generalised to the sub-region, region or world (see "
        "area_level), and the sector withheld if needed. Free-text answers only where the "
        "respondent consented to share them.",
        [
            ("response", "integer", "Sequence number within this release."),
            ("answered_in", "string", "Month of the answer (YYYY-MM)."),
            ("sector", "string", "Where the respondent works; empty when withheld."),
            (
                "area",
                "string",
                f"Where the respondent works: a code of the level in area_level ({AREA_LEVELS}); empty for world.",
            ),
            ("area_level", "string", "country, subregion, region or world."),
            ("learning_channels", "string", "How they learn from other cities, separated by ';'."),
            ("motivations", "string", "What motivates them to share, separated by ';'."),
            ("barriers", "string", "What keeps them from sharing, separated by ';'."),
            ("learning_levels", "string", "Where what they learn ends up, separated by ';'."),
            (
                "text_shared",
                "boolean",
                "Whether the respondent consented to share their own words.",
            ),
            (
                "what_learned",
                "string",
                "'What did you last learn from another city?' (with consent only).",
            ),
            ("comments", "string", "'Anything else?' (with consent only)."),
        ],
    ),
    "page_feedback": (
        "page_feedback.csv",
        "Was this useful?",
        "One-click answers at the end of cases and articles. The session id is the same as in "
        "search_sessions of this release, so answers can be related to searches.",
        [
            ("session", "string", "Anonymous session id of this release."),
            ("page_id", "integer", "The page answered about."),
            ("page_type", "string", "case or article."),
            ("answered_on", "date", "Day of the answer."),
            ("useful", "boolean", "Was this useful?"),
            (
                "will_use",
                "string",
                "Will you use something from it? no, maybe, own_work, organisation, network; empty when not answered.",
            ),
        ],
    ),
}


def schema(name):
    fields = [
        {"name": field, "type": kind, "description": description}
        | ({"format": "any"} if kind in ("datetime", "date") else {})
        for field, kind, description in RESOURCES[name][3]
    ]
    return {"fields": fields, "missingValues": [""]}


def readme(version, date_from, date_to, counts, citation):
    """The human-readable codebook."""
    lines = [
        f"# Closer Cities research data release {version}",
        "",
        f"Period: {date_from} to {date_to}. Licence: {LICENCE['title']} ({LICENCE['name']}).",
        "",
        f"How to cite: {citation}",
        "",
        "Privacy: no names, email addresses, IP addresses or user agents; session ids are "
        "re-salted for this release only; free-text survey answers only with the respondent's "
        f"consent; survey country and sector combinations of fewer than {K} respondents are "
        "generalised. `frictionless validate datapackage.json` checks the files against the "
        "schemas below.",
        "",
    ]
    for name, (path, title, description, fields) in RESOURCES.items():
        lines += [f"## {title} (`{path}`, {counts.get(name, 0)} rows)", "", description, ""]
        lines += ["| field | type | meaning |", "| --- | --- | --- |"]
        lines += [f"| `{field}` | {kind} | {text} |" for field, kind, text in fields]
        lines.append("")
    return "\n".join(lines)
