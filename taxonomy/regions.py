"""UN M49 regions and sub-regions, derived from an ISO 3166-1 country code.

The country → sub-region table is country_converter's data file (its `UNregion` column, which
uses the M49 intermediate region where one exists, e.g. "South America"). The few area
names it uses are mapped to their M49 codes and parent region here.
"""

import csv
from functools import lru_cache
from importlib.resources import files

from django_countries import countries

# M49 area code, name and parent region code for every area country_converter names.
REGIONS = {
    "002": "Africa",
    "019": "Americas",
    "142": "Asia",
    "150": "Europe",
    "009": "Oceania",
}
SUBREGIONS = {
    # code: (name, region code)
    "015": ("Northern Africa", "002"),
    "014": ("Eastern Africa", "002"),
    "017": ("Middle Africa", "002"),
    "018": ("Southern Africa", "002"),
    "011": ("Western Africa", "002"),
    "029": ("Caribbean", "019"),
    "013": ("Central America", "019"),
    "005": ("South America", "019"),
    "021": ("Northern America", "019"),
    "143": ("Central Asia", "142"),
    "030": ("Eastern Asia", "142"),
    "035": ("South-eastern Asia", "142"),
    "034": ("Southern Asia", "142"),
    "145": ("Western Asia", "142"),
    "151": ("Eastern Europe", "150"),
    "154": ("Northern Europe", "150"),
    "039": ("Southern Europe", "150"),
    "155": ("Western Europe", "150"),
    "053": ("Australia and New Zealand", "009"),
    "054": ("Melanesia", "009"),
    "057": ("Micronesia", "009"),
    "061": ("Polynesia", "009"),
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
