"""Demo content for the policy library and video case studies, called by `seed_demo`: library
documents with small PDFs made here (fpdf2; nothing is downloaded), and a few cases given a
video with its captions and transcript. Idempotent: a second run adds only what is missing."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Locale

from cases.models import CasePage
from taxonomy.models import SDG, Topic

from .models import LibraryIndexPage, LibraryItemPage
from .pdfs import make_pdf

# (title, type, organisation, sector, city, country, year, SDGs, topics, paragraphs)
DOCUMENTS = [
    (
        "Barcelona Superblocks programme",
        "strategy",
        "Barcelona City Council",
        "government",
        "Barcelona",
        "ES",
        2016,
        [11, 3, 13],
        ["Mobility", "Public space"],
        [
            "Streets inside each block of nine are given back to people: through traffic moves to the edges.",
            "Each superblock starts as a pilot with paint and planters, and is redesigned with residents.",
        ],
    ),
    (
        "Nairobi climate action plan 2020-2050",
        "plan",
        "Nairobi City County",
        "government",
        "Nairobi",
        "KE",
        2020,
        [13, 11, 6],
        ["Climate", "Water"],
        [
            "Targets for emissions, flood protection and heat, neighbourhood by neighbourhood.",
            "Informal settlements are served first: drainage, water kiosks and shade.",
        ],
    ),
    (
        "Medellín social urbanism evaluation",
        "evaluation",
        "Universidad EAFIT",
        "academia",
        "Medellín",
        "CO",
        2019,
        [11, 16, 10],
        ["Governance", "Inclusion"],
        [
            "Cable cars, libraries and parks in the poorest hillside districts, ten years on.",
            "Homicides fell most where projects were built with residents.",
        ],
    ),
    (
        "Vienna social housing regulation",
        "regulation",
        "City of Vienna",
        "government",
        "Vienna",
        "AT",
        2018,
        [11, 1],
        ["Housing"],
        [
            "New housing zones reserve two thirds of floor space for subsidised housing.",
            "Rents are capped for the life of the subsidy.",
        ],
    ),
    (
        "Toolkit for participatory budgeting",
        "toolkit",
        "URBACT",
        "urban_network",
        "",
        "FR",
        2021,
        [16, 10, 17],
        ["Governance", "Inclusion"],
        [
            "Step by step: choosing the budget, the assemblies, the vote and the follow-up.",
            "Templates for ballots and for reporting back to residents.",
        ],
    ),
    (
        "Dhaka urban heat report",
        "report",
        "BRAC",
        "ngo",
        "Dhaka",
        "BD",
        2022,
        [13, 3],
        ["Climate", "Health"],
        [
            "Night-time temperatures rose fastest in dense low-income wards.",
            "Cool roofs and street trees reduced indoor heat in a pilot of 400 homes.",
        ],
    ),
    (
        "Utrecht cycling policy",
        "policy",
        "Gemeente Utrecht",
        "government",
        "Utrecht",
        "NL",
        2015,
        [11, 3, 13],
        ["Mobility"],
        [
            "Cycling comes first in the city centre: parking for 33,000 bicycles at the station.",
            "Every new street design is checked against the cycling network.",
        ],
    ),
    (
        "Lagos waste management strategy",
        "strategy",
        "Lagos Waste Management Authority",
        "government",
        "Lagos",
        "NG",
        2021,
        [12, 11, 6],
        ["Sustainability", "Water"],
        [
            "Separate collection of organic waste in markets, and composting near the markets.",
            "Informal collectors are registered and paid per tonne delivered.",
        ],
    ),
    (
        "Seoul sharing city plan",
        "plan",
        "Seoul Metropolitan Government",
        "government",
        "Seoul",
        "KR",
        2013,
        [12, 11, 17],
        ["Sustainability", "Digital city"],
        [
            "Public buildings open their rooms to residents when they are not in use.",
            "Tool libraries and car sharing in every district.",
        ],
    ),
    (
        "Evaluation of Housing First in Helsinki",
        "evaluation",
        "University of Helsinki",
        "academia",
        "Helsinki",
        "FI",
        2023,
        [1, 11, 3],
        ["Housing", "Poverty", "Health"],
        [
            "Nine in ten tenants kept their homes after two years.",
            "Savings in health and emergency services covered most of the cost.",
        ],
    ),
]
# (case number in seed_demo's order, video id, what is said, one line per caption)
VIDEOS = [
    (
        1,
        "cc-demo-0001",
        [
            "We started with one street and a few planters.",
            "Residents chose what the street would become.",
            "A year later, children play where cars used to pass.",
        ],
    ),
    (
        2,
        "cc-demo-0002",
        [
            "The cooperative put panels on forty roofs.",
            "Tenants pay less for power than before.",
            "The city now copies the model in other districts.",
        ],
    ),
    (
        3,
        "cc-demo-0003",
        [
            "Market traders sort their waste at the stall.",
            "Compost goes back to the farms that supply the market.",
        ],
    ),
]


def seed(*, stdout=None):
    """Add the demo library documents and video case studies that are missing."""
    documents = _seed_documents()
    videos = _seed_videos()
    if stdout is not None:
        stdout.write(f"Seeded {documents} library documents and {videos} video case studies.")


def _seed_documents():
    index = LibraryIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        return 0
    existing = set(LibraryItemPage.objects.values_list("slug", flat=True))
    topics = {topic.name: topic for topic in Topic.objects.all()}
    added = 0
    for number, item in enumerate(DOCUMENTS, start=1):
        title, kind, organisation, sector, city, country, year, sdgs, names, text = item
        slug = slugify(title)
        if slug in existing:
            continue
        with transaction.atomic():
            document = get_document_model().objects.create(
                title=title,
                file=ContentFile(make_pdf(title, text, author=organisation), name=f"{slug}.pdf"),
            )
            page = LibraryItemPage(
                title=title,
                slug=slug,
                summary=text[0][:300],
                document_type=kind,
                organisation=organisation,
                organisation_sector=sector,
                city=city,
                country=country,
                year=year,
                language="en",
                document=document,
                licence="cc-by-4.0" if number % 3 else "all-rights-reserved",
            )
            page.sdgs = list(SDG.objects.filter(number__in=sdgs))
            page.topics.set([topics[name] for name in names if name in topics])
            index.add_child(instance=page)
            page.save_revision().publish()
        added += 1
    return added


def _captions(lines):
    cues = [
        f"00:00:{4 * n:02d}.000 --> 00:00:{4 * n + 4:02d}.000\n{line}"
        for n, line in enumerate(lines)
    ]
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


def _seed_videos():
    cases = list(CasePage.objects.live().order_by("pk")[: max(n for n, *_ in VIDEOS)])
    added = 0
    for number, video_id, lines in VIDEOS:
        if number > len(cases) or cases[number - 1].has_video:
            continue
        case = cases[number - 1]
        url = f"https://www.youtube.com/watch?v={video_id}"
        # The player as Wagtail keeps it once fetched from the provider: demo data works on a
        # machine without internet (the ids are placeholders).
        Embed.objects.update_or_create(
            hash=get_embed_hash(url, 800),
            defaults={
                "url": url,
                "max_width": 800,
                "type": "video",
                "html": f'<iframe title="{case.title}" width="800" height="450" '
                f'src="https://www.youtube-nocookie.com/embed/{video_id}" allowfullscreen>'
                "</iframe>",
                "provider_name": "YouTube",
            },
        )
        with transaction.atomic():
            captions = get_document_model().objects.create(
                title=f"Captions: {case.title}"[:255],
                file=ContentFile(_captions(lines).encode(), name=f"{video_id}.vtt"),
            )
            case.video = [("embed", url)]
            case.video_captions = captions
            case.set_derived_fields()
            # Written like the seeded cases themselves (home/bulk.py): no revision and no
            # signals, so `seed_demo --no-index` leaves the index alone; seed_demo indexes them.
            CasePage.objects.filter(pk=case.pk).update(
                video=case.video,
                video_captions=captions,
                has_video=case.has_video,
                caption_text=case.caption_text,
            )
        added += 1
    return added
