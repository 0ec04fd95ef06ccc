"""What a page says about itself to search engines and to the apps a link is shared in: the
meta description, the canonical address, Open Graph and Twitter card tags (with the case's
picture when it has one), for Wagtail pages and the site's other views alike."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext, to_locale

register = template.Library()

SITE_NAME = "Closer Cities"
# The picture shared for a case (Open Graph's recommended 1.91:1).
SHARE_IMAGE = "fill-1200x630"
DEFAULT_IMAGE = "img/share-default.png"


def default_description():
    return gettext(
        "Closer Cities shares urban practice and urban science between cities, so that what "
        "one city learns helps others towards the UN Sustainable Development Goals."
    )


def page_description(page):
    """The editor's search description, else the summary of a case or article, else the
    page's introduction as plain text."""
    text = getattr(page, "search_description", "") or getattr(page, "summary", "") or ""
    if not text and getattr(page, "intro", ""):
        text = strip_tags(str(page.intro))
    return Truncator(" ".join(text.split())).chars(300)


def canonical_url(request):
    """This address without filters, orders or tracking parameters (a listing's other pages
    keep their number), on the host the site is served on."""
    page_number = request.GET.get("page", "")
    query = (
        f"?{urlencode({'page': page_number})}"
        if page_number.isdigit() and page_number != "1"
        else ""
    )
    return request.build_absolute_uri(request.path) + query


def share_image(request, page):
    """(absolute URL, width, height, alt text) of the picture for link previews: the case's
    main image as a 1200 x 630 rendition, else the site's own card."""
    image = getattr(page, "main_image", None)
    if image is not None:
        try:
            rendition = image.get_rendition(SHARE_IMAGE)
        except (OSError, ValueError):  # a missing source file: fall back to the site's card
            rendition = None
        if rendition is not None:
            return (
                request.build_absolute_uri(rendition.url),
                rendition.width,
                rendition.height,
                image.default_alt_text,
            )
    return (
        request.build_absolute_uri(static(DEFAULT_IMAGE)),
        1200,
        630,
        gettext("Closer Cities: urban practice and science towards the SDGs"),
    )


@register.inclusion_tag("includes/seo.html", takes_context=True)
def seo_tags(context, title=None, description=None, noindex=False):
    """Meta description, canonical link, Open Graph and Twitter card tags. Wagtail pages need
    no arguments; other views give their `title` and `description`."""
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return {}
    is_page = page is not None and hasattr(page, "specific_class")
    if title is None:
        title = (page.seo_title or page.title) if is_page else SITE_NAME
    if description is None:
        description = page_description(page) if is_page else ""
    description = description or default_description()
    image_url, width, height, alt = share_image(request, page if is_page else None)
    kind = page.specific_class._meta.model_name if is_page else ""
    published = getattr(page, "publication_date", None) if is_page else None
    return {
        "title": title,
        "description": description,
        "canonical": canonical_url(request),
        "site_name": SITE_NAME,
        "og_type": "article" if kind in ("casepage", "articlepage") else "website",
        "published": published,
        "locale": to_locale(get_language() or settings.LANGUAGE_CODE),
        "image": {"url": image_url, "width": width, "height": height, "alt": alt},
        "noindex": noindex,
    }
