"""The platform's own pages: About, Objectives, Research questions, Principles, Contact and
Privacy, with the real text of what Closer Cities is for. A data migration creates them on
every new site (home/migrations/0004_site_pages.py) and `seed_demo` calls `ensure_pages`, so
a development database seeded before these texts existed gets them too. Editors own the pages
afterwards: a page whose text an editor has changed is never overwritten."""

import json
import re
import uuid
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils.html import escape

# Text of the placeholder pages earlier demo seeds made: such a page still carries no
# editor's work and is replaced by the real text.
PLACEHOLDER_INTROS = (
    "<p>Closer Cities collects urban practice and urban science so that what one city learns "
    "can travel to others.</p>",
    "<p>To make urban projects findable by the Sustainable Development Goals they serve, and "
    "to help professionals learn from each other across borders.</p>",
    "<p>How and what do urban professionals learn from each other? What motivates them to "
    "share, what holds them back, and how does learning move between individuals, "
    "organisations and networks?</p>",
    "<p>Open by default, careful with personal data, and honest about what did not work.</p>",
    "<p>Write to the editors at editors@closercities.org.</p>",
)


def _items(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _numbered(*items):
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def pages(email=None):
    """The pages in footer order: dicts of slug, title, search description, intro (HTML) and
    body (a list of rich-text HTML blocks)."""
    email = escape(email or settings.CONTACT_EMAIL)
    mail = f'<a href="mailto:{email}">{email}</a>'
    return [
        {
            "slug": "about",
            "title": "About",
            "description": (
                "Closer Cities is an open platform where cities, NGOs and researchers share "
                "urban knowledge, so that what one city learns helps others towards the SDGs."
            ),
            "intro": (
                "<p>Closer Cities is an open platform for sharing urban knowledge between "
                "cities. Cities, NGOs and researchers describe what they tried, what worked and "
                "what did not, so that other cities can learn from it on their way towards the "
                "UN Sustainable Development Goals.</p>"
            ),
            "body": [
                "<h2>What you find here</h2>"
                + _items(
                    '<a href="/cases/">Cases</a>: urban practice from cities around the world, '
                    "with the actors involved, the lessons learned and the barriers met.",
                    '<a href="/science/">Science</a>: reflections, interviews and research '
                    "summaries by urban researchers, linked to the cases they discuss.",
                    '<a href="/map/">The map</a>: every case where it happened, filterable by '
                    "goal, topic, country, region, status and year.",
                )
                + "<p>Everything can be searched and filtered by the 17 Sustainable "
                "Development Goals, by topic, country and region.</p>",
                "<h2>How it works</h2>"
                '<p>Anyone can <a href="/submit-a-case/">submit a case</a>. An editor reviews '
                "each one before it is published, and the submitter can follow the review on "
                "a personal status page. Researchers publish their articles through a science "
                "review.</p>",
                "<h2>Open data</h2>"
                "<p>What is published here is open to everyone: read it on the site, use the "
                '<a href="/api/v2/docs/">API</a> (documented with OpenAPI), or download every '
                'case <a href="/api/v2/export/cases.csv">as CSV</a> or '
                '<a href="/api/v2/export/cases.json">as JSON</a> under the Creative Commons '
                "Attribution 4.0 licence.</p>",
                "<h2>More about the platform</h2>"
                + _items(
                    '<a href="/objectives/">Objectives</a>: what the platform promises.',
                    '<a href="/research-questions/">Research questions</a>: what we want to '
                    "understand about how urban professionals learn.",
                    '<a href="/principles/">Principles</a>: how we work.',
                    f'<a href="/contact/">Contact</a>: write to the editors at {mail}.',
                ),
            ],
        },
        {
            "slug": "objectives",
            "title": "Objectives",
            "description": (
                "The five promises of Closer Cities: findable by the SDGs, truly global, "
                "honest about what did not work, open by default, practice and science together."
            ),
            "intro": (
                "<p>Closer Cities wants urban knowledge to travel: from the city that learned "
                "something to the city that needs it. It makes five promises.</p>"
            ),
            "body": [
                _numbered(
                    "<strong>Findable by the goals.</strong> Every case and article is tagged "
                    "with the Sustainable Development Goals it serves, its topics and its place, "
                    "so a professional finds relevant practice in minutes, not months.",
                    "<strong>Truly global.</strong> Cases come from cities of every size on every "
                    "continent, from the Global South as much as the Global North. There is no "
                    "membership and no fee, and the site works on a phone and a slow connection.",
                    "<strong>Honest about what did not work.</strong> Lessons learned, barriers "
                    "and the conditions that made a project possible are as valuable to another "
                    "city as its results.",
                    "<strong>Open by default.</strong> Everything published is free to read and "
                    "to reuse, through the pages, the API and the open-data downloads.",
                    "<strong>Practice and science together.</strong> Cases are linked to the "
                    "research that discusses them, and the platform itself is studied, to "
                    "understand how urban professionals learn from each other.",
                ),
            ],
        },
        {
            "slug": "research-questions",
            "title": "Research questions",
            "description": (
                "What Closer Cities wants to understand: how and what urban professionals learn "
                "from each other, and what helps practice travel between cities."
            ),
            "intro": (
                "<p>Closer Cities is also a research project on how urban knowledge travels. "
                "These are the questions it asks.</p>"
            ),
            "body": [
                _numbered(
                    "How and what do urban professionals learn from each other?",
                    "What motivates them to share their experience, and what holds them back?",
                    "How does learning move between individuals, organisations and city networks, "
                    "and where does it get lost?",
                    "Which conditions help a practice travel from one city to another, adapted "
                    "rather than copied?",
                    "How do professionals search for another city's experience, and how do they "
                    "judge whether it applies to them?",
                ),
                "<h2>How we study them</h2>"
                "<p>Through a short survey, "
                '<a href="/tell-us-how-you-share/">Tell us how you share</a>; through the '
                "cases themselves; and through anonymous records of how the platform is "
                'searched (see <a href="/privacy/">Privacy</a>). Figures from the survey are '
                "only ever shown for groups of five answers or more.</p>",
            ],
        },
        {
            "slug": "principles",
            "title": "Principles",
            "description": (
                "The six principles Closer Cities works by: open, careful with personal data, "
                "honest, reviewed, global and inclusive, transparent."
            ),
            "intro": "<p>Six principles guide how the platform is run.</p>",
            "body": [
                _numbered(
                    "<strong>Open by default.</strong> Published cases and articles are free to "
                    "read and reuse under the Creative Commons Attribution 4.0 licence, through "
                    "the site, the API and the downloads.",
                    "<strong>Careful with personal data.</strong> The names and addresses of "
                    "people who submit a case are never published and are erased two years after "
                    "the review; searches are recorded anonymously. "
                    'See <a href="/privacy/">Privacy</a>.',
                    "<strong>Honest about what did not work.</strong> We ask for barriers and "
                    "lessons learned as much as for results, and publish them.",
                    "<strong>Reviewed, not filtered.</strong> Editors check every case for "
                    "clarity and accuracy before it is published, not for whether it flatters "
                    "its city.",
                    "<strong>Global and inclusive.</strong> Every city can take part. The site "
                    "follows the accessibility guidelines (WCAG 2.1 AA) and works on a phone and "
                    "without JavaScript.",
                    "<strong>Transparent.</strong> The platform's code is open source, its "
                    "research questions are public, and figures from visitors' answers hide "
                    "groups smaller than five.",
                ),
            ],
        },
        {
            "slug": "contact",
            "title": "Contact",
            "description": f"Write to the editors of Closer Cities at {email}.",
            "intro": f"<p>Write to the editors at {mail}.</p>",
            "body": [
                "<h2>What to write to us about</h2>"
                + _items(
                    'A case from your city: the quickest way is the <a href="/submit-a-case/">'
                    "form to submit a case</a>, which an editor reviews.",
                    "A correction to a published case or article.",
                    "Research on how urban professionals learn, or an article for the "
                    '<a href="/science/">science</a> section.',
                    'Reusing the data: see the <a href="/api/v2/docs/">API documentation</a> '
                    "and the open-data downloads.",
                ),
            ],
        },
        {
            "slug": "privacy",
            "title": "Privacy",
            "description": (
                "What Closer Cities keeps when you submit a case or search, and when it erases it."
            ),
            "intro": (
                "<p>When you submit a case, your name, email address and organisation are used "
                "only to tell you how the review goes; they are never published, and they are "
                "erased two years after the review ends. When you search, we record the words, "
                "the filters, the number of results and which result you opened, to study how "
                "urban professionals search. To tell one visit's searches apart, your browser "
                "keeps a random cookie, cc_search; we store only a hash of it that changes "
                "every day, and never your IP address or browser. Survey answers are "
                "anonymous.</p>"
            ),
            "body": [],
        },
    ]


def stream_data(blocks):
    """Rich-text blocks as StreamField data for BodyBlock's "text" block."""
    return [{"type": "text", "value": html, "id": str(uuid.uuid4())} for html in blocks]


def ensure_pages(home, email=None):
    """Create the missing pages under `home` and give placeholder pages their real text
    (published through a revision, as an editor would). Returns the pages created or
    updated."""
    from .models import StandardPage

    changed = []
    existing = {page.slug: page for page in StandardPage.objects.child_of(home)}
    for data in pages(email):
        page = existing.get(data["slug"])
        if page is None:
            page = StandardPage(slug=data["slug"], title=data["title"], show_in_menus=True)
            _fill(page, data)
            home.add_child(instance=page)
        elif page.intro.strip() in PLACEHOLDER_INTROS and not page.body:
            _fill(page, data)
        else:
            continue
        page.save_revision().publish()
        changed.append(page)
    return changed


def _fill(page, data):
    page.intro = data["intro"]
    page.search_description = data["description"]
    page.body = stream_data(data["body"])


# The pages' text in the other languages the site ships (home/site_texts/<language>.json:
# {slug: {"description", "body": [HTML, ...]}}), written by translators, not machine-translated;
# {mail} and {email} stand for the contact address.
TEXTS = Path(__file__).parent / "site_texts"
# The site's own addresses in a body; the API, admin and documents have no language prefix.
OWN_LINK = re.compile(r'href="/(?!api/|admin/|documents/)')


@lru_cache
def _texts(code):
    path = TEXTS / f"{code}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def translated_text(slug, code, email=None):
    """(description, body blocks) of page `slug` in language `code`, its links to the site's
    own pages in that language (/fr/cases/), or None when no translation ships."""
    text = _texts(code).get(slug)
    if not text:
        return None
    email = escape(email or settings.CONTACT_EMAIL)
    mail = f'<a href="mailto:{email}">{email}</a>'

    def fill(html):
        html = html.replace("{mail}", mail).replace("{email}", email)
        return OWN_LINK.sub(f'href="/{code}/', html)

    return fill(text["description"]), [fill(block) for block in text["body"]]
