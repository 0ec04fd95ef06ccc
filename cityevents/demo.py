"""Demo events and the platform's founding partners, for `manage.py seed_demo`.

The partners and events are the same for a seed; the events' dates are counted from the day the
seed runs, so a fresh demo always has upcoming and past events. Running it again only adds what
is missing (partners by name, events by slug).
"""

import datetime
import random
import uuid

from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Locale, Page

from cases.models import CasePage
from partners.models import Partner
from taxonomy.models import SDG, Topic

from . import times
from .models import EventIndexPage, EventPage

# (name, sector, country, website, partnership type, since, description)
PARTNERS = [
    (
        "Cities Learning Together",
        "urban_network",
        "BE",
        "https://cities-learning.example.org/",
        "founding",
        2024,
        "A network of 120 cities that runs peer reviews and study visits.",
    ),
    (
        "Institute for Urban Practice",
        "academia",
        "KE",
        "https://urban-practice.example.ac.ke/",
        "founding",
        2024,
        "Researchers who document what city projects achieve and why.",
    ),
    (
        "Municipal Innovation Office of Medellín",
        "government",
        "CO",
        "https://innovation.example.gov.co/",
        "founding",
        2024,
        "A city administration that shares its own projects openly.",
    ),
    (
        "Commons for Cities Foundation",
        "ngo",
        "NL",
        "https://commons-for-cities.example.org/",
        "founding",
        2024,
        "Supports civil society groups that run neighbourhood projects.",
    ),
    (
        "Asia-Pacific Urban Forum",
        "urban_network",
        "ID",
        "https://apuf.example.org/",
        "network",
        2025,
        "Brings city officers from 30 countries together every year.",
    ),
    (
        "Open Streets Lab",
        "private",
        "DE",
        "https://open-streets.example.com/",
        "practice",
        2025,
        "Designs and tests street changes with residents.",
    ),
    (
        "Southern Cities Research Centre",
        "academia",
        "ZA",
        "https://scrc.example.ac.za/",
        "research",
        2025,
        "Comparative research on informal settlement upgrading.",
    ),
    (
        "Neighbourhood Futures Fund",
        "civil_society",
        "CA",
        "https://neighbourhood-futures.example.org/",
        "funding",
        2026,
        "Small grants for residents who want to copy a project from another city.",
    ),
]

# (title, type, days from the seed day, start hour at the venue, hours, city, country, zone,
#  latitude, longitude, in person, online, SDGs, topics, languages)
EVENTS = [
    (
        "Heat action plans: peer review",
        "workshop",
        12,
        10,
        6,
        "Amsterdam",
        "NL",
        "Europe/Amsterdam",
        52.3676,
        4.9041,
        True,
        False,
        [13, 3, 11],
        ["Climate", "Health"],
        ["en", "nl"],
    ),
    (
        "Housing First: what we learned",
        "webinar",
        20,
        15,
        2,
        "",
        "",
        "Europe/Brussels",
        None,
        None,
        False,
        True,
        [1, 11],
        ["Housing", "Poverty"],
        ["en", "fr"],
    ),
    (
        "Study visit: bus rapid transit corridors",
        "study_visit",
        34,
        9,
        8,
        "Bogotá",
        "CO",
        "America/Bogota",
        4.711,
        -74.0721,
        True,
        False,
        [11, 9],
        ["Mobility"],
        ["es", "en"],
    ),
    (
        "Focus group: sharing failures between cities",
        "focus_group",
        45,
        14,
        3,
        "Nairobi",
        "KE",
        "Africa/Nairobi",
        -1.2864,
        36.8172,
        True,
        True,
        [17, 16],
        ["Governance"],
        ["en", "sw"],
    ),
    (
        "Urban food gardens conference",
        "conference",
        60,
        9,
        9,
        "Jakarta",
        "ID",
        "Asia/Jakarta",
        -6.2088,
        106.8456,
        True,
        True,
        [2, 11, 12],
        ["Food", "Sustainability"],
        ["en", "id"],
    ),
    (
        "Participatory budgeting online exchange",
        "online_event",
        75,
        17,
        2,
        "",
        "",
        "America/Toronto",
        None,
        None,
        False,
        True,
        [16, 10],
        ["Governance", "Inclusion"],
        ["en", "fr"],
    ),
    (
        "Coastal wetlands workshop",
        "workshop",
        95,
        10,
        7,
        "Melbourne",
        "AU",
        "Australia/Melbourne",
        -37.8136,
        144.9631,
        True,
        False,
        [14, 13],
        ["Climate"],
        ["en"],
    ),
    (
        "Welcome centres for newcomers: a focus group",
        "focus_group",
        -15,
        13,
        3,
        "Toronto",
        "CA",
        "America/Toronto",
        43.6532,
        -79.3832,
        True,
        False,
        [10, 16, 8],
        ["Migration", "Inclusion"],
        ["en"],
    ),
    (
        "Rainwater harvesting in schools webinar",
        "webinar",
        -40,
        16,
        2,
        "",
        "",
        "Africa/Nairobi",
        None,
        None,
        False,
        True,
        [6, 4],
        ["Water", "Education"],
        ["en", "sw"],
    ),
    (
        "Repair cafés and circular hubs conference",
        "conference",
        -70,
        9,
        8,
        "Barcelona",
        "ES",
        "Europe/Madrid",
        41.3874,
        2.1686,
        True,
        True,
        [12, 8, 11],
        ["Sustainability", "Jobs & Economy"],
        ["es", "ca", "en"],
    ),
    (
        "Study visit: informal settlement upgrading",
        "study_visit",
        -120,
        8,
        9,
        "Lima",
        "PE",
        "America/Lima",
        -12.0464,
        -77.0428,
        True,
        False,
        [1, 6, 11],
        ["Housing", "Water"],
        ["es"],
    ),
    (
        "Cycle lanes after the pilot: workshop",
        "workshop",
        -200,
        10,
        5,
        "Utrecht",
        "NL",
        "Europe/Amsterdam",
        52.0907,
        5.1214,
        True,
        False,
        [11, 3, 13],
        ["Mobility", "Climate"],
        ["nl", "en"],
    ),
]

SUMMARIES = {
    "workshop": "A working day for city officers and residents who run such projects: short "
    "presentations, then small groups that work on each participant's own plan.",
    "webinar": "Practitioners present what worked and what did not, followed by questions.",
    "study_visit": "Two days on site with the people who built and run the project.",
    "focus_group": "A small, moderated conversation for research on how cities learn.",
    "conference": "Talks, case clinics and a market of projects from cities on every continent.",
    "online_event": "An open online exchange: anyone can join, cameras optional.",
}


def _paragraphs(rng, *texts):
    return [
        {"type": "text", "value": f"<p>{text}</p>", "id": str(uuid.UUID(int=rng.getrandbits(128)))}
        for text in texts
    ]


def seed_partners():
    """The platform's founding partners and a few others, published. Returns them by name."""
    existing = {partner.name: partner for partner in Partner.objects.all()}
    for name, sector, country, website, kind, since, description in PARTNERS:
        if name in existing:
            continue
        partner = Partner(
            name=name,
            sector=sector,
            country=country,
            website=website,
            partnership_type=kind,
            since_year=since,
            description=description,
            live=False,
        )
        partner.save()
        partner.save_revision().publish()
        existing[name] = partner
    return existing


def seed_events(seed=1, today=None):
    """Publish the demo events that are missing; returns how many were added."""
    index = EventIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        return 0
    today = today or timezone.now().date()
    partners = list(seed_partners().values())
    sdgs = {sdg.number: sdg for sdg in SDG.objects.all()}
    topics = {topic.name: topic for topic in Topic.objects.all()}
    existing = set(EventPage.objects.child_of(index).values_list("slug", flat=True))
    case_ids = list(CasePage.objects.live().order_by("pk").values_list("pk", flat=True)[:200])
    added = 0
    for number, row in enumerate(EVENTS, start=1):
        (
            title,
            kind,
            days,
            hour,
            hours,
            city,
            country,
            zone_name,
            lat,
            lon,
            in_person,
            online,
            goals,
            topic_names,
            languages,
        ) = row
        slug = slugify(title)
        if slug in existing:
            continue
        rng = random.Random(f"{seed}:event:{number}")
        day = today + datetime.timedelta(days=days)
        start = times.to_moment(datetime.datetime.combine(day, datetime.time(hour)), zone_name)
        event = EventPage(
            title=title,
            slug=slug,
            summary=SUMMARIES[kind],
            body=_paragraphs(rng, SUMMARIES[kind], "Places are limited; register early."),
            event_type=kind,
            start=start,
            end=start + datetime.timedelta(hours=hours),
            time_zone=zone_name,
            in_person=in_person,
            venue=f"{city} City Hall" if in_person else "",
            city=city,
            country=country,
            latitude=lat,
            longitude=lon,
            online=online,
            join_url="https://meet.example.org/closer-cities-" + slug if online else "",
            registration_url="https://events.example.org/register/" + slug,
            languages=languages,
            live=False,
        )
        if days < 0:
            event.report = _paragraphs(
                rng,
                "What participants took home: three changes they will try in their own city, "
                "and the contacts to ask when they get stuck.",
            )
        event.sdgs = [sdgs[n] for n in goals if n in sdgs]
        event.topics.set([topics[name] for name in topic_names if name in topics])
        event.organisers = rng.sample(partners, k=min(2, len(partners)))
        if case_ids:
            event.related_cases = [
                CasePage.objects.get(pk=pk) for pk in rng.sample(case_ids, k=min(2, len(case_ids)))
            ]
        index.add_child(instance=event)
        event.save_revision().publish()
        index = Page.objects.get(pk=index.pk).specific  # numchild grew
        added += 1
    return added


def seed_events_and_partners(stdout, seed=1):
    """What seed_demo calls: founding partners first, then the events they organise."""
    added = seed_events(seed)
    stdout.write(f"Seeded {added} new events; {Partner.objects.count()} partners in total.")
