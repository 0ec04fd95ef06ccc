"""Ranges of the query parameters that Wagtail's API views (v2 and v3) read without checking
them fully (v2 checks `limit` itself, 0 to WAGTAILAPI_LIMIT_MAX): checked by the input guard (core/middleware.py) before those views run, so a bad
value answers 400 naming it, never a server error. The OpenAPI descriptions state the same
ranges (api/openapi/)."""

from django.utils.translation import gettext as _

# Listings reach their first 10,000 items, as a search engine's result window does (asking
# OpenSearch for more fails): offset + limit never passes it.
LIMIT_MAX = 100
OFFSET_MAX = 10_000 - LIMIT_MAX


def whole_number(smallest, largest):
    def check(value):
        if not (value.isascii() and value.isdigit() and smallest <= int(value) <= largest):
            return _("give a whole number from %(smallest)d to %(largest)d.") % {
                "smallest": smallest,
                "largest": largest,
            }
        return None

    return check


def one_of(*choices):
    def check(value):
        if value not in choices:
            return _("give one of: %(choices)s.") % {"choices": ", ".join(choices)}
        return None

    return check


QUERY_RULES = [
    ("/api/v2/", "offset", whole_number(0, OFFSET_MAX)),
    ("/api/v2/", "search_operator", one_of("and", "or")),
    ("/api/v3/", "offset", whole_number(0, OFFSET_MAX)),
    ("/api/v3/", "limit", whole_number(1, LIMIT_MAX)),
]
