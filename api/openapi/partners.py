"""Partners: organisations asking to become one."""

from cases.models import Sector
from partners.forms import CONSENT_SENT, TEXT_LIMIT

from .schema import STRING, THROTTLED, array, json_body, obj
from .submissions import COUNTRY, choice, null_when_optional, text

REQUEST_ERRORS = json_body(
    obj({"errors": {"type": "object", "additionalProperties": array(STRING)}}),
    "Bad input: messages per field. Nothing was stored.",
)
PARTNER_REQUEST = obj(
    {
        "organisation": text(200, required=True),
        "sector": choice(Sector.values),
        "country": COUNTRY,
        "website": text(200, description="A web address; https:// is assumed without a scheme."),
        "contact_name": text(200, required=True),
        "contact_email": text(254, required=True, format="email"),
        "contribution": text(TEXT_LIMIT, required=True),
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

# Form data: the consent as text, what a checkbox (the form page sends "on") or a client sends.
PARTNER_REQUEST_FORM = {
    **PARTNER_REQUEST,
    "properties": {
        **PARTNER_REQUEST["properties"],
        "consent": {
            "type": "string",
            "enum": list(CONSENT_SENT),
            "description": 'The checkbox ticked: "on" (what a browser sends), "true" or "1".',
        },
    },
}


def paths():
    return {
        "/api/v2/partners/requests/": {
            "post": {
                "summary": "Ask to become a partner",
                "description": "Moderators read every request in the admin; the contact person "
                "is never published. JSON or form data; at most 5 accepted requests an hour "
                "from one client. 400 beside its field also for what a schema cannot say: "
                "a website that is not a web address (https:// is assumed without a scheme), "
                "an email address the site cannot send to.",
                "operationId": "partners_requests",
                "tags": ["partners"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": null_when_optional(PARTNER_REQUEST)},
                        "application/x-www-form-urlencoded": {"schema": PARTNER_REQUEST_FORM},
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
