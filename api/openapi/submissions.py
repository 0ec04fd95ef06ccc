"""Public submissions: a case for review, and the survey.

The field schemas follow the one validation both take (submissions/forms.py): lengths,
choices, ranges. What a schema cannot say is written in the operation's description.
"""

from django.conf import settings

from django_countries import countries

from cases.assessment import ASSESSMENT
from cases.models import ImageLicence, Scale, Sector, Status
from submissions.fields import MAX_ACTORS, MAX_WEBSITES
from submissions.forms import TEXT_LIMIT, Choices

from .schema import STRING, THROTTLED, array, json_body, nullable, obj

SUBMISSION_ERRORS = json_body(
    obj({"errors": {"type": "object", "additionalProperties": array(STRING)}}),
    "Bad input: messages per field. Nothing was stored.",
)
# Required text must hold more than spaces (the form strips them).
NOT_BLANK = r"\S"


def text(max_length, required=False, **extra):
    schema = {"type": "string", "maxLength": max_length, **extra}
    if required:
        schema["pattern"] = NOT_BLANK
    return schema


def choice(values, **extra):
    return {"type": "string", "enum": list(values), **extra}


def choices(values, min_items=0):
    # No uniqueItems: the form takes a repeated choice, counted once.
    return {
        "type": "array",
        "items": choice(values),
        "minItems": min_items,
        "description": "A repeated value counts once.",
    }


def null_when_optional(schema):
    """The JSON form of a submission body: the view reads `null` in a member that is not
    required as "not given" (submissions/fields.py), so the description allows it."""
    required = set(schema.get("required", []))
    return {
        **schema,
        "properties": {
            name: member if name in required or "anyOf" in member else nullable(member)
            for name, member in schema["properties"].items()
        },
    }


COUNTRY = choice(sorted(countries.countries), description="ISO 3166-1 alpha-2 country code.")
ACTOR_INPUT = obj(
    {
        "organisation": text(200, required=True),
        "sector": choice(Sector.values),
        "role": text(200),
    },
    required=["organisation", "sector"],
)
CASE_SUBMISSION = obj(
    {
        "title": text(255, required=True),
        "summary": text(300, required=True),
        "description": text(TEXT_LIMIT, required=True),
        "city": text(120, required=True),
        "country": COUNTRY,
        "latitude": nullable({"type": "number", "minimum": -90, "maximum": 90}),
        "longitude": nullable({"type": "number", "minimum": -180, "maximum": 180}),
        "sdgs": {
            "type": "array",
            "items": {"type": "integer", "minimum": 1, "maximum": 17},
            "minItems": 1,
            "uniqueItems": True,
        },
        "topics": {
            "type": "array",
            "items": text(100),
            "description": "Names of existing topics.",
        },
        "actors": {"type": "array", "items": ACTOR_INPUT, "maxItems": MAX_ACTORS},
        "lessons_learned": text(TEXT_LIMIT),
        "barriers": text(TEXT_LIMIT),
        "facilitating_conditions": text(TEXT_LIMIT),
        "target_groups": text(TEXT_LIMIT),
        "scale": choice(Scale.values),
        "status": choice(Status.values),
        "start_year": nullable({"type": "integer", "minimum": 1900, "maximum": 2100}),
        "end_year": nullable(
            {
                "type": "integer",
                "minimum": 1900,
                "maximum": 2100,
                "description": "Not before start_year; empty while the case is running.",
            }
        ),
        "website": text(200, description="A web address; https:// is assumed without a scheme."),
        "websites": {
            "type": "array",
            "items": text(200),
            "maxItems": MAX_WEBSITES,
            "description": "More web addresses about the case; https:// is assumed.",
        },
        "image_description": text(255, description="What the image shows (alt text)."),
        "image_credit": text(255),
        "image_licence": choice(ImageLicence.values),
        **{name: choice(choices.values) for name, (_, choices) in ASSESSMENT.items()},
        "submitter_name": text(200, required=True),
        "submitter_email": text(254, required=True, format="email"),
        "submitter_organisation": text(200),
        "language": choice(
            [code for code, _name in settings.LANGUAGES],
            description=(
                "The language the case is written in: its draft is created in that language's "
                "page tree, under the same review. Default: the site's default language."
            ),
        ),
        "consent_publish": {"const": True},
        "consent_privacy": {"const": True},
    },
    required=[
        "title",
        "summary",
        "description",
        "city",
        "country",
        "sdgs",
        "submitter_name",
        "submitter_email",
        "consent_publish",
        "consent_privacy",
    ],
)
CASE_SUBMISSION_FORM = {
    **CASE_SUBMISSION,
    "properties": {
        **CASE_SUBMISSION["properties"],
        "image": {
            "type": "string",
            "format": "binary",
            "description": "A JPEG, PNG or WebP image of at most 10 MB.",
        },
    },
}
SURVEY = obj(
    {
        "sector": choice([value for value, _ in Choices.SECTORS]),
        "country": choice(sorted(countries.countries)),
        "learning_channels": choices([v for v, _ in Choices.LEARNING_CHANNELS], min_items=1),
        "what_learned": text(5000),
        "motivations": choices([v for v, _ in Choices.MOTIVATIONS]),
        "barriers": choices([v for v, _ in Choices.BARRIERS]),
        "learning_levels": choices([v for v, _ in Choices.LEARNING_LEVELS]),
        "comments": text(5000),
        "consent_share_text": {
            "type": "boolean",
            "description": "The free text may be shared with researchers in data releases.",
        },
        "consent_research": {"const": True},
    },
    required=["sector", "learning_channels", "consent_research"],
)
CASE_NOTE = (
    " 400 also for what the schema cannot say: a topic that does not exist, latitude without "
    "longitude, an email or web address the site's validation refuses, an image that is not "
    "a readable JPEG, PNG or WebP of at most 10 MB and 40 megapixels, an end year before the "
    "start year."
)


def paths():
    return {
        "/api/v2/submissions/cases/": {
            "post": {
                "summary": "Submit a case for review",
                "description": "Creates a draft case that editors review; nothing is published "
                "before approval. JSON, or multipart/form-data with an `image` file. Every field "
                "must have its JSON type; a wrong one is answered 400 naming the field. Only "
                "accepted submissions count towards the limit of 5 an hour." + CASE_NOTE,
                "operationId": "submissions_cases",
                "tags": ["submissions"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": null_when_optional(CASE_SUBMISSION)},
                        "multipart/form-data": {"schema": CASE_SUBMISSION_FORM},
                    },
                },
                "responses": {
                    "201": json_body(
                        obj({"status": STRING, "token": STRING, "status_url": STRING}),
                        "Received: follow the status URL.",
                    ),
                    "400": SUBMISSION_ERRORS,
                    "429": THROTTLED,
                },
            }
        },
        "/api/v2/submissions/survey/": {
            "post": {
                "summary": "Answer the 'Tell us how you share' survey",
                "description": "Anonymous answers, for research.",
                "operationId": "submissions_survey",
                "tags": ["submissions"],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": null_when_optional(SURVEY)}},
                },
                "responses": {
                    "201": json_body(obj({"status": STRING}), "Received."),
                    "400": SUBMISSION_ERRORS,
                    "429": THROTTLED,
                },
            }
        },
    }
