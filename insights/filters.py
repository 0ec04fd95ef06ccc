"""The filters of the insights (SDG, region, year range) read from the address, the same way
and with the same meaning as the pages API reads them: values within a parameter combine with
OR, parameters with AND, `region` takes a UN M49 region or sub-region code, and the year range
is a case's start year. A bad value raises BadRequestError with a message that starts with the
parameter's name (HTTP 400 in the API, a message beside the filters on the page)."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.api.v2.utils import BadRequestError

from taxonomy import regions
from taxonomy.models import SDG_NUMBERS

YEAR_MIN, YEAR_MAX = 1900, 2100
REGION_CODES = set(regions.REGIONS) | set(regions.SUBREGIONS)
PARAMETERS = ("sdg", "region", "year_from", "year_to")


def _values(querydict, name):
    found = []
    for raw in querydict.getlist(name) if hasattr(querydict, "getlist") else []:
        found.extend(part.strip() for part in str(raw).split(",") if part.strip())
    return found


def _year(querydict, name):
    raw = (querydict.get(name) or "").strip()
    if not raw:
        return None
    number = int(raw) if raw.isdigit() and len(raw) <= 4 else None
    if number is None or not YEAR_MIN <= number <= YEAR_MAX:
        raise BadRequestError(
            _("%(name)s: '%(raw)s' is not a year from %(min)s to %(max)s")
            % {"name": name, "raw": raw[:20], "min": YEAR_MIN, "max": YEAR_MAX}
        )
    return number


@dataclass(frozen=True)
class InsightFilters:
    """What a visitor narrowed the insights to. Build it with `from_querydict`."""

    sdg: tuple = ()
    region: tuple = ()
    year_from: int | None = None
    year_to: int | None = None

    @classmethod
    def from_querydict(cls, data):
        sdgs = []
        for value in _values(data, "sdg"):
            number = int(value) if value.isdigit() and len(value) <= 2 else None
            if number not in SDG_NUMBERS:
                raise BadRequestError(
                    _("sdg: '%(value)s' is not an SDG number (1 to 17)") % {"value": value[:20]}
                )
            sdgs.append(number)
        codes = []
        for value in _values(data, "region"):
            if value not in REGION_CODES:
                raise BadRequestError(
                    _(
                        "region: '%(value)s' is not a UN M49 region or sub-region code "
                        "(such as 002 or 014)"
                    )
                    % {"value": value[:20]}
                )
            codes.append(value)
        year_from, year_to = _year(data, "year_from"), _year(data, "year_to")
        if year_from and year_to and year_from > year_to:
            raise BadRequestError(_("year_to: must not be before year_from"))
        return cls(
            sdg=tuple(dict.fromkeys(sdgs)),
            region=tuple(dict.fromkeys(codes)),
            year_from=year_from,
            year_to=year_to,
        )

    @property
    def active(self):
        return bool(self.sdg or self.region or self.year_from or self.year_to)

    def case_condition(self):
        """The filters as a Q on CasePage, exactly as the pages API applies them."""
        condition = Q()
        if self.sdg:
            condition &= Q(sdgs__number__in=self.sdg)
        if self.region:
            condition &= Q(region__in=self.region) | Q(subregion__in=self.region)
        if self.year_from:
            condition &= Q(start_year__gte=self.year_from)
        if self.year_to:
            condition &= Q(start_year__lte=self.year_to)
        return condition

    def query_items(self):
        items = [("sdg", str(number)) for number in self.sdg]
        items += [("region", code) for code in self.region]
        items += [(name, str(getattr(self, name))) for name in ("year_from", "year_to")]
        return [(name, value) for name, value in items if value != "None"]

    def querystring(self):
        return urlencode(self.query_items())
