"""Writing a research data release: each resource as CSV, the Frictionless descriptor with
the codebook, a README, and the citation (CITATION.cff). The session hashes of the search log
are re-salted with a secret that exists only while the release is written, so no release can
be joined with the live log or with another release."""

import csv
import datetime
import hashlib
import json
import secrets
from pathlib import Path

from django.utils import timezone

from cases.models import CasePage

from .. import privacy, sources
from ..models import PageFeedback, ResearchRelease
from . import anonymise, codebook


class Writer:
    def __init__(self, directory, date_from, date_to):
        self.directory = Path(directory)
        self.date_from, self.date_to = date_from, date_to
        self._salt = secrets.token_bytes(32)  # never stored
        self.counts = {}

    def session(self, live_hash):
        return hashlib.sha256(self._salt + live_hash.encode()).hexdigest()[:32]

    def write(self, name, rows):
        path, _title, _description, fields = codebook.RESOURCES[name]
        columns = [field for field, _kind, _text in fields]
        count = 0
        with (self.directory / path).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            for row in rows:
                writer.writerow([_cell(row.get(column)) for column in columns])
                count += 1
        self.counts[name] = count

    def in_period(self, queryset, field="created_at"):
        return queryset.filter(
            **{f"{field}__date__gte": self.date_from, f"{field}__date__lte": self.date_to}
        )


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ";".join(str(item) for item in value)
    return value


def case_rows(writer):
    cases = sources.public_cases().order_by("pk").prefetch_related("sdgs", "topics", "actors")
    cutoff = datetime.datetime.combine(writer.date_to, datetime.time.max, tzinfo=datetime.UTC)
    for case in cases.filter(first_published_at__lte=cutoff):
        yield {
            "case_id": case.pk,
            "title": case.title,
            "city": case.city,
            "country": case.country.code,
            "region": case.region,
            "subregion": case.subregion,
            "sdgs": [sdg.number for sdg in case.sdgs.all()],
            "topics": sorted(topic.slug for topic in case.topics.all()),
            "status": case.status,
            "scale": case.scale,
            "start_year": case.start_year,
            "end_year": case.end_year,
            "actor_sectors": sorted({actor.sector for actor in case.actors.all()}),
            "first_published": case.first_published_at.date().isoformat(),
        }


def link_rows(writer):
    keys = [field for field, _kind, _text in codebook.RESOURCES["knowledge_links"][3]]
    for row in sources.knowledge_links():
        yield {key: row.get(key) for key in keys}


def search_rows(writer):
    SearchLog, SearchClick = sources.search_log()
    searches = writer.in_period(SearchLog.objects.all())
    clicks = {}
    for search_id, position in (
        SearchClick.objects.filter(search__in=searches.values("pk"))
        .order_by("pk")
        .values_list("search_id", "position")
    ):
        clicks.setdefault(search_id, []).append(position)
    sequence = {}
    rows = searches.order_by("session", "created_at", "pk").values(
        "pk", "session", "created_at", "source", "query", "filters", "order", "page", "result_count"
    )
    for row in rows.iterator(chunk_size=5000):
        session = writer.session(row["session"])
        sequence[session] = sequence.get(session, 0) + 1
        positions = clicks.get(row["pk"], [])
        yield {
            "session": session,
            "sequence": sequence[session],
            "searched_at": row["created_at"].replace(second=0, microsecond=0).isoformat(),
            "source": row["source"],
            "query": row["query"],
            "filters": json.dumps(row["filters"], sort_keys=True, separators=(",", ":")),
            "order": row["order"],
            "page": row["page"],
            "result_count": row["result_count"],
            "clicks": len(positions),
            "clicked_positions": positions,
        }


def survey_rows(writer):
    answers = list(sources.survey_answers(writer.date_from, writer.date_to))
    places = anonymise.generalise(answers)
    texts = sources.survey_free_text([answer["pk"] for answer in answers])
    for number, answer in enumerate(answers, start=1):
        sector, area, level = places[answer["pk"]]
        text = texts.get(answer["pk"])
        yield {
            "response": number,
            "answered_in": f"{answer['created_at']:%Y-%m}",
            "sector": sector,
            "area": area,
            "area_level": level,
            "learning_channels": answer["learning_channels"],
            "motivations": answer["motivations"],
            "barriers": answer["barriers"],
            "learning_levels": answer["learning_levels"],
            "text_shared": text is not None,
            "what_learned": text["what_learned"] if text else "",
            "comments": text["comments"] if text else "",
        }


def feedback_rows(writer):
    feedback = writer.in_period(PageFeedback.objects.all()).order_by("pk")
    case_ids = set(
        CasePage.objects.filter(pk__in=feedback.values("page_id")).values_list("pk", flat=True)
    )
    for row in feedback.values("session", "page_id", "created_at", "useful", "will_use"):
        yield {
            "session": writer.session(row["session"]),
            "page_id": row["page_id"],
            "page_type": "case" if row["page_id"] in case_ids else "article",
            "answered_on": row["created_at"].date().isoformat(),
            "useful": row["useful"],
            "will_use": row["will_use"],
        }


WRITERS = {
    "cases": case_rows,
    "knowledge_links": link_rows,
    "search_sessions": search_rows,
    "survey_responses": survey_rows,
    "page_feedback": feedback_rows,
}


def next_version():
    numbers = [
        int(version.split(".")[0])
        for version in ResearchRelease.objects.values_list("version", flat=True)
        if version.split(".")[0].isdigit()
    ]
    return f"{max(numbers, default=0) + 1}.0.0"


def citation(version, released):
    return (
        f"{codebook.PUBLISHER} ({released.year}). Closer Cities research data release "
        f"{version} [Data set]. {codebook.LICENCE['name']}."
    )


def descriptor(version, writer, released):
    return {
        "profile": "tabular-data-package",
        "name": f"closer-cities-research-{version.replace('.', '-')}",
        "title": f"Closer Cities research data release {version}",
        "version": version,
        "created": released.isoformat(),
        "description": (
            f"Cases, knowledge links, searches, survey responses and 'Was this useful?' answers "
            f"from {writer.date_from} to {writer.date_to}, anonymised for research (see README.md)."
        ),
        "licenses": [codebook.LICENCE],
        "contributors": [{"title": codebook.PUBLISHER, "role": "publisher"}],
        "citation": citation(version, released),
        "temporalCoverage": {"start": str(writer.date_from), "end": str(writer.date_to)},
        "privacy": {
            "session_ids": "re-salted per release",
            "k_anonymity": privacy.K,
            "free_text": "only with the respondent's consent",
        },
        "resources": [
            {
                "name": name,
                "path": path,
                "title": title,
                "description": description,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": codebook.schema(name),
            }
            for name, (path, title, description, _fields) in codebook.RESOURCES.items()
        ],
    }


def citation_cff(version, released):
    return "\n".join(
        [
            "cff-version: 1.2.0",
            'message: "If you use this data, please cite it as below."',
            "type: dataset",
            f'title: "Closer Cities research data release {version}"',
            f'version: "{version}"',
            f"date-released: {released.date().isoformat()}",
            f"license: {codebook.LICENCE['name']}",
            "authors:",
            f'  - name: "{codebook.PUBLISHER}"',
            "",
        ]
    )


def build(directory, date_from, date_to):
    """Write a new release under `directory` and record it; returns the ResearchRelease."""
    version = next_version()
    target = Path(directory).resolve() / f"closercities-research-{version}"
    target.mkdir(parents=True, exist_ok=False)
    writer = Writer(target, date_from, date_to)
    for name, rows in WRITERS.items():
        writer.write(name, rows(writer))
    released = timezone.now().replace(microsecond=0)
    package = descriptor(version, writer, released)
    extra = {
        "datapackage.json": json.dumps(package, indent=2, ensure_ascii=False) + "\n",
        "README.md": codebook.readme(
            version, date_from, date_to, writer.counts, citation(version, released)
        ),
        "CITATION.cff": citation_cff(version, released),
    }
    for name, text in extra.items():
        (target / name).write_text(text, encoding="utf-8")
    files = []
    for path in sorted(target.iterdir()):
        data = path.read_bytes()
        files.append(
            {"name": path.name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        )
    return ResearchRelease.objects.create(
        version=version,
        date_from=date_from,
        date_to=date_to,
        directory=str(target),
        descriptor=package | {"rows": writer.counts},
        files=files,
    )
