"""Generalising the survey's quasi-identifiers before a release: the respondent's country and
sector. Any combination shared by fewer than K respondents is coarsened, step by step, from the
country to its UN M49 sub-region, its region, and the world; a sector that is still rarer than
K worldwide is withheld. Every released (sector, area) group then holds at least K respondents
or no identifying value at all."""

from taxonomy import regions

from ..privacy import K

LEVELS = ("country", "subregion", "region", "world")


def _area(country, level):
    if not country:
        return ""
    region, subregion = regions.for_country(country)
    return {"country": country, "subregion": subregion, "region": region, "world": ""}[level]


def generalise(answers):
    """{pk: (sector, area, area_level)} for survey answers with `pk`, `sector` and `country`."""
    level = {answer["pk"]: 0 if answer["country"] else 3 for answer in answers}
    sector = {answer["pk"]: answer["sector"] for answer in answers}
    country = {answer["pk"]: answer["country"] for answer in answers}

    def key(pk):
        return sector[pk], _area(country[pk], LEVELS[level[pk]])

    while True:
        groups = {}
        for pk in level:
            groups.setdefault(key(pk), []).append(pk)
        small = [pk for members in groups.values() if len(members) < K for pk in members]
        movable = [pk for pk in small if level[pk] < 3]
        if not movable:
            break
        for pk in movable:
            level[pk] += 1
    for pk in small:  # rarer than K even worldwide
        sector[pk] = ""
    return {pk: (sector[pk], key(pk)[1], LEVELS[level[pk]]) for pk in level}
