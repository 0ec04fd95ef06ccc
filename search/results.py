"""What a search answers with: result items (only pages that are live and public now, with
the fields a result shows) and the facets' values, labels and counts in a stable order."""

import html
import logging
import re
from collections import defaultdict

from django.urls import reverse
from django.utils.translation import gettext

from wagtail.api.utils import get_base_url
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

from articles.models import ArticleAuthor, ArticlePage
from cases.models import Status
from taxonomy import regions
from taxonomy.models import Topic

from .registry import extra_facets, search_types, type_of
from .services import (
    MAX_YEAR,
    MIN_YEAR,
    TYPE_LABELS,
    country_name,
    restricted_paths,
)

_WORD = re.compile(r"\w+", re.UNICODE)
logger = logging.getLogger(__name__)


def _api_urls(request=None):
    """A function page id → the page's address in the pages API (one `reverse` per search,
    not one per result), on the address the site is served on, as Wagtail's API builds its
    links: WAGTAILAPI_BASE_URL, else the site answering the request."""
    base = (get_base_url(request) or "").rstrip("/")
    prefix, _, suffix = reverse("wagtailapi:pages:detail", args=[0]).rpartition("0")
    return lambda page_id: f"{base}{prefix}{page_id}{suffix}"


def snippet(text, query, length=240):
    """The summary, escaped, with the words of the query marked (<mark>)."""
    text = text or ""
    if len(text) > length:
        text = text[:length].rsplit(" ", 1)[0] + "…"
    escaped = html.escape(text)
    words = sorted({w for w in _WORD.findall(query.lower()) if len(w) > 1}, key=len, reverse=True)
    if not words:
        return escaped
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(html.escape(w)) for w in words) + r")", re.IGNORECASE
    )
    return pattern.sub(r"<mark>\1</mark>", escaped)


# What every result item shows; each page type adds the fields its details read (registry.py:
# a case's place and picture, an article's date and type). The rest of a page (its body above
# all) stays in the database.
RESULT_FIELDS = ("title", "path", "url_path", "summary")
# The size of a case's picture on a result card (16:9, sharp on a 2x phone screen).
CARD_IMAGE = "fill-640x360"


def hydrate(page_ids, query, sdgs, request=None, absolute_urls=False, private=None, types=None):
    """Turn ordered page ids into result items; only pages that are live and public now.
    `sdgs` are the 17 goals; `types` ({id: "case", "article", ...}, when the backend knows
    them) spares the queries for a page type that is not on this page of results."""
    if not page_ids:
        return []
    private = restricted_paths() if private is None else private
    registered = search_types()
    wanted = set(types.values()) if types else set(registered)
    sdg_items = {sdg.number: sdg.as_api() for sdg in sdgs}
    pages, page_sdgs, topics = {}, defaultdict(list), defaultdict(list)
    for key, search_type in registered.items():
        if key not in wanted:
            continue
        model = search_type.model
        fields = (*RESULT_FIELDS, *search_type.result_fields)
        queryset = model.objects.live().filter(pk__in=page_ids).only(*fields)
        found = [
            page for page in queryset if not any(page.path.startswith(path) for path in private)
        ]
        if not found:
            continue
        pages.update((page.pk, page) for page in found)
        # Their SDGs and topics as plain rows: two queries, with no model objects to build.
        chosen = model.objects.filter(pk__in=[page.pk for page in found]).order_by()
        if search_type.has_relation("sdgs"):
            rows = chosen.filter(sdgs__isnull=False).values_list("pk", "sdgs__number")
            for pk, number in rows.order_by("sdgs__number"):
                page_sdgs[pk].append(sdg_items[number])
        if search_type.has_relation("topics"):
            rows = chosen.filter(topics__isnull=False)
            rows = rows.values_list("pk", "topics__name", "topics__slug")
            for pk, name, slug in rows.order_by("topics__name"):
                topics[pk].append({"name": name, "slug": slug})
    authors, images = _authors(pages.values()), _images(pages.values(), request, absolute_urls)
    api_url = _api_urls(request)
    return [
        {
            **_result_item(
                pages[pk], page_sdgs[pk], topics[pk], query, request, absolute_urls, api_url
            ),
            "authors": authors.get(pk, []),
            "image": images.get(getattr(pages[pk], "main_image_id", None)),
        }
        for pk in page_ids
        if pk in pages
    ]


def _authors(pages):
    """{article id: [author names in the article's order]} in one query."""
    ids = [page.pk for page in pages if isinstance(page, ArticlePage)]
    found = defaultdict(list)
    if ids:
        rows = ArticleAuthor.objects.filter(page_id__in=ids).order_by("page_id", "sort_order")
        for pk, name in rows.values_list("page_id", "researcher__name"):
            found[pk].append(name)
    return found


def _images(pages, request, absolute_urls):
    """{image id: {url, width, height, alt}} of the cases' main pictures, as card-sized
    renditions (one query for the images and their renditions; a missing rendition is made
    once, then kept)."""
    ids = {page.main_image_id for page in pages if getattr(page, "main_image_id", None)}
    if not ids:
        return {}
    found = {}
    for image in get_image_model().objects.filter(pk__in=ids).prefetch_renditions(CARD_IMAGE):
        try:
            rendition = image.get_rendition(CARD_IMAGE)
        except (SourceImageIOError, OSError):  # a missing or unreadable file: no picture
            logger.warning("No card rendition for image %s", image.pk, exc_info=True)
            continue
        url = rendition.url
        if absolute_urls and request is not None:
            url = request.build_absolute_uri(url)
        found[image.pk] = {
            "url": url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.default_alt_text,
        }
    return found


def _result_item(page, sdgs, topics, query, request, absolute_urls, api_url):
    search_type = type_of(page)
    return {
        "id": page.pk,
        "type": search_type.key,
        "title": page.title,
        "url": page.get_full_url(request) if absolute_urls else page.get_url(request),
        "api_url": api_url(page.pk),
        "summary": page.summary,
        "snippet": snippet(page.summary, query),
        "sdgs": sdgs,
        "topics": topics,
        "country": None,
        "city": None,
        "start_year": None,
        "publication_date": None,
        "article_type": None,
        **search_type.details(page),
    }


def country_item(country):
    """{code, name} of a page's country field, or None when it has none."""
    return {"code": country.code, "name": country_name(country.code)} if country else None


def build_facets(facet_counts, params, sdgs):
    """Counts → [{value, label, count, selected}] per facet, in a stable, useful order."""
    counts = facet_counts.counts
    facets = {}

    sdg_counts = counts["sdg"]
    facets["sdg"] = [
        {
            "value": sdg.number,
            "label": sdg.local_title,
            "colour": sdg.colour,
            "count": sdg_counts.get(sdg.number, 0),
            "selected": sdg.number in params.sdg,
        }
        for sdg in sdgs
    ]

    topic_slugs = set(counts["topic"]) | set(params.topic)
    names = dict(Topic.objects.filter(slug__in=topic_slugs).values_list("slug", "name"))
    facets["topic"] = _items(
        counts["topic"], params.topic, lambda slug: gettext(names.get(slug, slug))
    )

    facets["country"] = _items(counts["country"], params.country, country_name)
    facets["region"] = _items(
        counts["region"],
        params.region,
        regions.local_name,
    )
    facets["type"] = [
        {
            "value": key,
            "label": str(label),
            "count": counts["type"].get(key, 0),
            "selected": key in params.type,
        }
        for key, label in TYPE_LABELS.items()
    ]
    facets["status"] = [
        {
            "value": key,
            "label": str(label),
            "count": counts["status"].get(key, 0),
            "selected": key in params.status,
        }
        for key, label in Status.choices
        if counts["status"].get(key) or key in params.status
    ]

    def year_selected(year):
        if not params.has_year_range:
            return False
        low = params.year_from or MIN_YEAR
        high = params.year_to or MAX_YEAR
        return low <= year <= high

    facets["year"] = [
        {"value": year, "label": str(year), "count": count, "selected": year_selected(year)}
        for year, count in sorted(counts["year"].items(), reverse=True)
    ]
    # The page types' own facets: their choices in order, those with hits or chosen.
    for name, facet in extra_facets().items():
        chosen = getattr(params, name)
        facets[name] = [
            {
                "value": str(value),
                "label": str(label),
                "count": counts[name].get(str(value), 0),
                "selected": str(value) in chosen,
            }
            for value, label in facet.choices
            if counts[name].get(str(value)) or str(value) in chosen
        ]
    return facets


def _items(counts, selected, label):
    """Values with hits (most first), plus selected values even when they have none."""
    values = {value: count for value, count in counts.items() if count}
    for value in selected:
        values.setdefault(value, 0)
    labels = {value: label(value) for value in values}
    ordered = sorted(values.items(), key=lambda item: (-item[1], labels[item[0]].lower()))
    return [
        {"value": value, "label": labels[value], "count": count, "selected": value in selected}
        for value, count in ordered
    ]
