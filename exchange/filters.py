"""The network's filters, read from a query string: `sdg`, `topic`, `region`, `country`, `kind`,
`channel`, `year_from`, `year_to`. Values of one parameter combine with OR (repeat it or
separate with commas), parameters with AND. A bad value raises `InvalidFilter` with a message
that starts with the parameter's name, as every read endpoint of the API answers (HTTP 400).

What they select (a link matches when):
- `sdg`, `topic`: its source case or its target case has one of them;
- `country`, `region`: either end lies in one of them (a case, an external source with a
  country, or an adopting city); `region` takes UN M49 region and sub-region codes;
- `kind`, `channel`: the link's own kind and channel (an adoption has kind `adopted` and no
  channel);
- `year_from`, `year_to`: the link's year; links without a year are left out when either is
  given;
- `locale`: its source case or its target case is written in that language (a language code
  of the site; `all`, or none, for every language).
"""

from dataclasses import dataclass

from django_countries import countries

from taxonomy import regions
from taxonomy.models import SDG_NUMBERS

from .models import EDGE_KINDS, Channel

YEAR_MIN, YEAR_MAX = 1900, 2100
REGION_CODES = set(regions.REGIONS) | set(regions.SUBREGIONS)
PARAMETERS = (
    "sdg",
    "topic",
    "region",
    "country",
    "kind",
    "channel",
    "year_from",
    "year_to",
    "locale",
)


class InvalidFilter(ValueError):
    """A parameter's value is not one it accepts; the message starts with the parameter."""


@dataclass(frozen=True)
class NetworkFilters:
    sdgs: frozenset = frozenset()
    topics: frozenset = frozenset()
    regions: frozenset = frozenset()
    countries: frozenset = frozenset()
    kinds: frozenset = frozenset()
    channels: frozenset = frozenset()
    year_from: int | None = None
    year_to: int | None = None
    # A language code, or "" for every language.
    locale: str = ""

    def is_empty(self):
        """True when nothing is filtered out."""
        return self == NetworkFilters()

    def key(self):
        """A short, stable text for cache keys."""
        parts = [
            ",".join(sorted(str(v) for v in values))
            for values in (
                self.sdgs,
                self.topics,
                self.regions,
                self.countries,
                self.kinds,
                self.channels,
            )
        ]
        return "|".join([*parts, str(self.year_from or ""), str(self.year_to or ""), self.locale])


def _values(query, name):
    found = []
    for raw in query.getlist(name):
        found.extend(part.strip() for part in raw.split(",") if part.strip())
    return found


def _choices(query, name, allowed, describe, normalise=str):
    chosen = set()
    for value in _values(query, name):
        normal = normalise(value)
        if normal not in allowed:
            raise InvalidFilter(f"{name}: '{value}' is not {describe}")
        chosen.add(normal)
    return frozenset(chosen)


def _sdg(value):
    return int(value) if value.isdigit() and len(value) < 4 else None


def _year(query, name):
    raw = query.get(name, "").strip()
    if not raw:
        return None
    number = int(raw) if raw.isdigit() and len(raw) < 6 else None
    if number is None or not YEAR_MIN <= number <= YEAR_MAX:
        raise InvalidFilter(f"{name}: '{raw}' is not a year from {YEAR_MIN} to {YEAR_MAX}")
    return number


def from_querydict(query):
    """The filters of a request's query string (`request.GET`)."""
    year_from, year_to = _year(query, "year_from"), _year(query, "year_to")
    if year_from and year_to and year_from > year_to:
        raise InvalidFilter("year_to: must not be before year_from")
    return NetworkFilters(
        sdgs=_choices(query, "sdg", set(SDG_NUMBERS), "an SDG number (1 to 17)", _sdg),
        topics=frozenset(value.lower() for value in _values(query, "topic")),
        regions=_choices(
            query,
            "region",
            REGION_CODES,
            "a UN M49 region or sub-region code (such as 002 or 014)",
        ),
        countries=_choices(
            query,
            "country",
            {code for code, _ in countries},
            "an ISO 3166-1 alpha-2 country code",
            str.upper,
        ),
        kinds=_choices(query, "kind", set(EDGE_KINDS), f"one of {', '.join(EDGE_KINDS)}"),
        channels=_choices(
            query, "channel", set(Channel.values), f"one of {', '.join(Channel.values)}"
        ),
        year_from=year_from,
        year_to=year_to,
        locale=_locale(query),
    )


def _locale(query):
    from django.conf import settings
    from django.utils.translation import gettext

    code = query.get("locale", "").strip()
    if code in ("", "all"):
        return ""
    if code not in {language for language, _ in settings.LANGUAGES}:
        raise InvalidFilter(
            "locale: " + gettext("'%(value)s' is not a language of this site") % {"value": code}
        )
    return code
