""" "Benchmark your project" (`POST /api/v2/benchmark/`): a described project compared with the
live cases most like it. The body follows the one validation of benchmark/forms.py."""

from cases.assessment import ASSESSMENT
from cases.models import Scale, Sector, Status
from submissions.fields import MAX_ACTORS
from submissions.forms import TEXT_LIMIT

from .meaning import SIMILAR_CASE
from .schema import INTEGER, NUMBER, STRING, THROTTLED, array, json_body, nullable, obj
from .submissions import COUNTRY, SUBMISSION_ERRORS, null_when_optional, text


def optional_choice(values, description=""):
    # An optional question of the form: "" (or null) is "not answered".
    schema = {"type": "string", "enum": ["", *values]}
    if description:
        schema["description"] = description
    return schema


def counts(values):
    """{value: how many peers gave it}, every value listed."""
    return obj(dict.fromkeys(values, INTEGER))


BENCHMARK_INPUT = obj(
    {
        "title": text(255, required=True),
        "description": text(TEXT_LIMIT, required=True, description="Any language."),
        "city": text(120),
        "country": {**COUNTRY, "enum": ["", *COUNTRY["enum"]]},
        "sdgs": {
            "type": "array",
            "items": {"type": "integer", "minimum": 1, "maximum": 17},
            "minItems": 1,
            "description": "A repeated value counts once.",
        },
        "topics": {"type": "array", "items": text(100), "description": "Names of existing topics."},
        "scale": optional_choice(Scale.values),
        "status": optional_choice(Status.values),
        "start_year": nullable({"type": "integer", "minimum": 1900, "maximum": 2100}),
        "actors": {
            "type": "array",
            "items": obj({"sector": {"type": "string", "enum": Sector.values}}),
            "maxItems": MAX_ACTORS,
            "description": "Who takes part, by sector; a repeated sector counts once.",
        },
        **{name: optional_choice(choices.values) for name, (_, choices) in ASSESSMENT.items()},
    },
    required=["title", "description", "sdgs"],
)
LEARNING = obj(
    {"case": obj({"id": INTEGER, "title": STRING, "url": nullable(STRING)}), "text": STRING}
)
YOU = nullable(STRING)
BENCHMARK_ANSWER = obj(
    {
        "token": STRING,
        "result_url": STRING,
        "similar": array(SIMILAR_CASE),
        "peers": obj(
            {
                "count": INTEGER,
                "basis": {"type": "string", "enum": ["meaning_and_structure", "structure"]},
            }
        ),
        "comparison": obj(
            {
                "status": obj({"you": YOU, "peers": counts(Status.values)}),
                "duration": obj({"you": nullable(INTEGER), "peers_median": nullable(NUMBER)}),
                "sectors": obj({"you": array(STRING), "peers": counts(Sector.values)}),
                "sdgs": obj(
                    {
                        "you": array(INTEGER),
                        "peers": {"type": "object", "additionalProperties": INTEGER},
                    }
                ),
                "assessment": obj(
                    {
                        name: obj({"you": YOU, "peers": counts(choices.values)})
                        for name, (_, choices) in ASSESSMENT.items()
                    }
                ),
            }
        ),
        "lessons": array(LEARNING),
        "barriers": array(LEARNING),
        "facilitating_conditions": array(LEARNING),
    }
)


def paths():
    return {
        "/api/v2/benchmark/": {
            "post": {
                "summary": "Benchmark a project against the cases most like it",
                "description": (
                    "Describe a project (any language) and get the live, public cases most like "
                    "it (its peers, by meaning and structure; by structure only when meaning is "
                    "off, as `peers.basis` says), how it compares with them (status, years "
                    "running, sectors, SDGs, self-assessment: the peers' count per answer), and "
                    "the peers' own lessons, barriers and facilitating conditions, each linked to "
                    "its case. `result_url` shows the same as a page for 30 days; then the "
                    "benchmark is deleted, and only an anonymous record without text is kept. "
                    "The rules of submissions apply: every field must have its JSON type (400 "
                    "naming the field), and only accepted benchmarks count towards the limit of "
                    "5 an hour. 400 also for a topic that does not exist."
                ),
                "operationId": "benchmark",
                "tags": ["cases"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": null_when_optional(BENCHMARK_INPUT)}
                    },
                },
                "responses": {
                    "200": json_body(BENCHMARK_ANSWER, "The benchmark."),
                    "400": SUBMISSION_ERRORS,
                    "429": THROTTLED,
                },
            }
        }
    }
