"""Public submissions: a case for review, and the survey."""

from .schema import (
    INTEGER,
    NUMBER,
    STRING,
    THROTTLED,
    array,
    json_body,
    nullable,
    obj,
)

SUBMISSION_ERRORS = json_body(
    obj({"errors": {"type": "object", "additionalProperties": array(STRING)}}),
    "Bad input: messages per field. Nothing was stored.",
)
ACTOR_INPUT = obj(
    {"organisation": STRING, "sector": STRING, "role": STRING}, required=["organisation", "sector"]
)
CASE_SUBMISSION = obj(
    {
        "title": STRING,
        "summary": STRING,
        "description": STRING,
        "city": STRING,
        "country": {"type": "string", "description": "ISO 3166-1 alpha-2"},
        "latitude": nullable(NUMBER),
        "longitude": nullable(NUMBER),
        "sdgs": {"type": "array", "items": INTEGER, "minItems": 1},
        "topics": array(STRING),
        "actors": array(ACTOR_INPUT),
        "lessons_learned": STRING,
        "barriers": STRING,
        "facilitating_conditions": STRING,
        "target_groups": STRING,
        "scale": {
            "type": "string",
            "description": "neighbourhood, city, metropolitan, regional or national",
        },
        "status": STRING,
        "start_year": nullable(INTEGER),
        "end_year": nullable(INTEGER),
        "website": STRING,
        "websites": {"type": "array", "items": STRING, "maxItems": 5},
        "image_description": {
            "type": "string",
            "description": "What the image shows (alt text); multipart only",
        },
        "image_credit": STRING,
        "image_licence": {
            "type": "string",
            "description": "cc-by-4.0, cc-by-sa-4.0, cc0-1.0 or permission",
        },
        "submitter_name": STRING,
        "submitter_email": {"type": "string", "format": "email"},
        "submitter_organisation": STRING,
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


def paths():
    return {
        "/api/v2/submissions/cases/": {
            "post": {
                "summary": "Submit a case for review",
                "description": "Creates a draft case that editors review; nothing is published before approval. "
                "JSON, or multipart/form-data with an `image` file (JPEG, PNG or WebP, at most 10 MB and "
                "40 megapixels). Every field must have its JSON type; a wrong one is answered 400 naming "
                "the field. Only accepted submissions count towards the limit of 5 an hour.",
                "operationId": "submissions_cases",
                "tags": ["submissions"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": CASE_SUBMISSION},
                        "multipart/form-data": {"schema": CASE_SUBMISSION},
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
                "operationId": "submissions_survey",
                "tags": ["submissions"],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                "responses": {
                    "201": json_body(obj({"status": STRING}), "Received."),
                    "400": SUBMISSION_ERRORS,
                    "429": THROTTLED,
                },
            }
        },
    }
