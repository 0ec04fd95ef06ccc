"""Demo knowledge exchange for `seed_demo`: about one link for every three demo cases, mostly
between cases that share an SDG, some across continents, some from external sources
(conferences, networks), and a few approved adoption reports. Each link is drawn from its own
random stream (seed + case number), so the same seed gives the same links and a second run
adds only what is missing."""

import random

from core.models import ContentVersion

from .models import (
    AdoptionReport,
    Channel,
    ExternalSource,
    Kind,
    KnowledgeLink,
    ReviewStatus,
    Stage,
)

EXTERNAL_SOURCES = [
    ("World Urban Forum", "https://wuf.unhabitat.org/", "Katowice", "PL", 50.25841, 19.02754),
    ("ICLEI World Congress", "https://iclei.org/", "Malmö", "SE", 55.60587, 13.00073),
    ("URBACT network", "https://urbact.eu/", "", "", None, None),
    (
        "C40 Cities Climate Leadership Group",
        "https://www.c40.org/",
        "London",
        "GB",
        51.50853,
        -0.12574,
    ),
    ("Eurocities annual conference", "https://eurocities.eu/", "Brussels", "BE", 50.85045, 4.34878),
    ("Habitat III conference", "https://habitat3.org/", "Quito", "EC", -0.22985, -78.52495),
    (
        "Metropolis World Congress",
        "https://www.metropolis.org/",
        "Barcelona",
        "ES",
        41.38879,
        2.15899,
    ),
    ("UCLG Africa Africities summit", "https://www.uclga.org/", "Kisumu", "KE", -0.10221, 34.76171),
]
CHANNELS = [
    (Channel.THIS_PLATFORM, 3),
    (Channel.CONFERENCE, 2),
    (Channel.NETWORK, 2),
    (Channel.STUDY_VISIT, 2),
    (Channel.WEBSITE, 1),
    (Channel.PUBLICATION, 1),
    (Channel.COLLEAGUE, 1),
    (Channel.TRAINING, 1),
    (Channel.LIVING_LAB, 1),
]
TAKEN_OVER = [
    "The way residents were involved from the first meeting.",
    "The funding model with the national programme.",
    "The monitoring indicators and how they were reported.",
    "The procurement rules for small local suppliers.",
    "The pilot-then-scale approach, one neighbourhood first.",
]
ADOPTION_EVERY = 40


def _demo_cases(case_count):
    """{demo number: (page id, first SDG, continent)} of the demo cases 1..case_count."""
    from cases.models import CasePage

    cases = {}
    rows = CasePage.objects.filter(slug__regex=r"-[0-9]+$").values_list("pk", "slug", "region")
    for pk, slug, region in rows:
        number = int(slug.rsplit("-", 1)[1])
        if number <= case_count:
            cases[number] = [pk, None, region]
    first_sdg = {}
    through = CasePage.sdgs.through
    for case_id, number in through.objects.order_by("casepage_id", "sdg_id").values_list(
        "casepage_id", "sdg_id"
    ):
        first_sdg.setdefault(case_id, number)
    for item in cases.values():
        item[1] = first_sdg.get(item[0])
    return cases


def _sources():
    sources = []
    for title, url, city, country, lat, lon in EXTERNAL_SOURCES:
        source, _ = ExternalSource.objects.get_or_create(
            url=url,
            defaults={
                "title": title,
                "city": city,
                "country": country,
                "latitude": lat,
                "longitude": lon,
            },
        )
        sources.append(source.pk)
    return sources


def _link(rng, number, cases, by_sdg, sources):
    target_id, sdg, region = cases[number]
    channels, weights = zip(*CHANNELS, strict=True)
    link = KnowledgeLink(
        target_id=target_id,
        kind=rng.choice(Kind.values),
        channel=rng.choices(channels, weights)[0],
        year=rng.randint(2012, 2026),
        description=rng.choice(TAKEN_OVER),
    )
    draw = rng.random()
    if draw < 0.15:
        link.source_external_id = rng.choice(sources)
        link.channel = rng.choice([Channel.CONFERENCE, Channel.NETWORK])
        return link
    if draw < 0.75 and len(by_sdg.get(sdg, ())) > 1:
        pool = by_sdg[sdg]
    else:
        # Across continents on purpose: what travels furthest.
        pool = [n for n, (_, _, other) in cases.items() if other != region] or list(cases)
    source = rng.choice(pool)
    if source == number:
        return None
    link.source_case_id = cases[source][0]
    return link


def seed_exchange(case_count, seed, cities):
    """Links and adoption reports for demo cases 1..case_count; `cities` are demo cities
    (dicts with name, countrycode, latitude, longitude) for adoptions. Returns (links, reports)
    created."""
    cases = _demo_cases(case_count)
    if len(cases) < 2:
        return 0, 0
    by_sdg = {}
    for number, (_, sdg, _) in sorted(cases.items()):
        by_sdg.setdefault(sdg, []).append(number)
    sources = _sources()
    linked = set(KnowledgeLink.objects.values_list("target_id", flat=True))
    adopted = set(AdoptionReport.objects.values_list("case_id", flat=True))
    links, reports = [], []
    for number in sorted(cases):
        rng = random.Random(f"{seed}:link:{number}")
        if rng.random() < 1 / 3 and cases[number][0] not in linked:
            link = _link(rng, number, cases, by_sdg, sources)
            if link is not None:
                links.append(link)
        if number % ADOPTION_EVERY == 0 and cases[number][0] not in adopted:
            city = rng.choice(cities)
            reports.append(
                AdoptionReport(
                    case_id=cases[number][0],
                    city=city["name"],
                    country=city["countrycode"],
                    latitude=round(city["latitude"], 5),
                    longitude=round(city["longitude"], 5),
                    organisation_sector=rng.choice(["government", "ngo", "civil_society"]),
                    what_was_used=rng.choice(TAKEN_OVER),
                    stage=rng.choice(Stage.values),
                    year=rng.randint(2018, 2026),
                    status=ReviewStatus.APPROVED,
                )
            )
    KnowledgeLink.objects.bulk_create(links, batch_size=1000)
    AdoptionReport.objects.bulk_create(reports, batch_size=1000)
    if links or reports:
        ContentVersion.bump()
    return len(links), len(reports)
