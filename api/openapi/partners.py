"""Partners: organisations asking to become one."""

from .schema import STRING, THROTTLED, array, json_body, obj

REQUEST_ERRORS = json_body(
    obj({"errors": {"type": "object", "additionalProperties": array(STRING)}}),
    "Bad input: messages per field. Nothing was stored.",
)
PARTNER_REQUEST = obj(
    {
        "organisation": {"type": "string", "maxLength": 200},
        "sector": {
            "type": "string",
            "description": "government, academia, private, civil_society, ngo or urban_network",
        },
        "country": {"type": "string", "description": "ISO 3166-1 alpha-2"},
        "website": STRING,
        "contact_name": {"type": "string", "maxLength": 200},
        "contact_email": {"type": "string", "format": "email"},
        "contribution": {"type": "string", "maxLength": 5000},
        "consent": {"const": True},
    },
    required=[
        "organisation",
        "sector",
        "country",
        "contact_name",
        "contact_email",
        "contribution",
        "consent",
    ],
)


def paths():
    return {
        "/api/v2/partners/requests/": {
            "post": {
                "summary": "Ask to become a partner",
                "description": "Moderators read every request in the admin; the contact person "
                "is never published. JSON or form data; at most 5 accepted requests an hour "
                "from one client.",
                "operationId": "partners_requests",
                "tags": ["partners"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": PARTNER_REQUEST},
                        "application/x-www-form-urlencoded": {"schema": PARTNER_REQUEST},
                    },
                },
                "responses": {
                    "201": json_body(
                        obj({"status": STRING, "token": STRING, "status_url": STRING}),
                        "Received: follow the status URL.",
                    ),
                    "400": REQUEST_ERRORS,
                    "429": THROTTLED,
                },
            }
        },
    }
