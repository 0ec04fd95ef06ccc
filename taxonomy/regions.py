"""UN M49 regions and sub-regions, derived from an ISO 3166-1 country code.

The country → sub-region table is country_converter's data file (its `UNregion` column, which
uses the M49 intermediate region where one exists, e.g. "South America"). The few area
names it uses are mapped to their M49 codes and parent region here.
"""

import csv
from functools import lru_cache
from importlib.resources import files

from django.utils.translation import gettext, gettext_noop

from django_countries import countries

# M49 area code, name and parent region code for every area country_converter names. The names
# are the UN's English ones (what the API and exports give); `local_name` gives them in the
# visitor's language, from the catalogues.
REGIONS = {
    "002": gettext_noop("Africa"),
    "019": gettext_noop("Americas"),
    "142": gettext_noop("Asia"),
    "150": gettext_noop("Europe"),
    "009": gettext_noop("Oceania"),
}
SUBREGIONS = {
    # code: (name, region code)
    "015": (gettext_noop("Northern Africa"), "002"),
    "014": (gettext_noop("Eastern Africa"), "002"),
    "017": (gettext_noop("Middle Africa"), "002"),
    "018": (gettext_noop("Southern Africa"), "002"),
    "011": (gettext_noop("Western Africa"), "002"),
    "029": (gettext_noop("Caribbean"), "019"),
    "013": (gettext_noop("Central America"), "019"),
    "005": (gettext_noop("South America"), "019"),
    "021": (gettext_noop("Northern America"), "019"),
    "143": (gettext_noop("Central Asia"), "142"),
    "030": (gettext_noop("Eastern Asia"), "142"),
    "035": (gettext_noop("South-eastern Asia"), "142"),
    "034": (gettext_noop("Southern Asia"), "142"),
    "145": (gettext_noop("Western Asia"), "142"),
    "151": (gettext_noop("Eastern Europe"), "150"),
    "154": (gettext_noop("Northern Europe"), "150"),
    "039": (gettext_noop("Southern Europe"), "150"),
    "155": (gettext_noop("Western Europe"), "150"),
    "053": (gettext_noop("Australia and New Zealand"), "009"),
    "054": (gettext_noop("Melanesia"), "009"),
    "057": (gettext_noop("Micronesia"), "009"),
    "061": (gettext_noop("Polynesia"), "009"),
}
_SUBREGION_BY_NAME = {name.lower(): code for code, (name, _) in SUBREGIONS.items()}
# Spellings country_converter uses that differ from the M49 names above.
_SUBREGION_BY_NAME.update({"south-eastern asia": "035", "southeastern asia": "035"})

REGION_CHOICES = sorted(REGIONS.items(), key=lambda item: item[1])
SUBREGION_CHOICES = sorted(
    ((code, name) for code, (name, _) in SUBREGIONS.items()), key=lambda item: item[1]
)


@lru_cache(maxsize=1)
def _subregion_by_country():
    # Read the package's own table with csv rather than through pandas: pandas turns
    # Namibia's code "NA" into a missing value, and the import alone costs half a second.
    with (files("country_converter") / "country_data.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        table = {}
        for row in rows:
            code = _SUBREGION_BY_NAME.get(row["UNregion"].strip().lower())
            # The ISO2 column holds patterns ("^GB$|^UK$"); ISO3 is a plain code.
            alpha2 = countries.alpha2(row["ISO3"]) if row["ISO3"] else ""
            if code and alpha2:
                table[alpha2] = code
    return table


def for_country(country_code):
    """Return (region code, sub-region code) for an ISO alpha-2 code, or ("", "")."""
    subregion = _subregion_by_country().get(str(country_code or "").upper(), "")
    if not subregion:
        return "", ""
    return SUBREGIONS[subregion][1], subregion


def region_name(code):
    return REGIONS.get(code, "")


def subregion_name(code):
    return SUBREGIONS.get(code, ("", ""))[0]


def local_name(code):
    """The region's or sub-region's name in the active language (the code when unknown)."""
    name = REGIONS.get(code) or SUBREGIONS.get(code, ("",))[0]
    return gettext(name) if name else code
