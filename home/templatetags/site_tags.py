"""Small helpers for the site's templates: readable SDG badges, the contact address, map settings."""

from django import template
from django.conf import settings

register = template.Library()


def _luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@register.filter
def contrast_text(hex_colour):
    """Black or white, whichever reads better on the SDG's official colour (WCAG contrast);
    every one of the 17 colours reaches 4.5:1 with one of them."""
    try:
        luminance = _luminance(hex_colour)
    except (TypeError, ValueError, IndexError):
        return "#000000"
    on_white = 1.05 / (luminance + 0.05)
    on_black = (luminance + 0.05) / 0.05
    return "#ffffff" if on_white >= on_black else "#000000"


@register.simple_tag
def contact_email():
    """The editors' address, for mailto: links (CONTACT_EMAIL)."""
    return settings.CONTACT_EMAIL


@register.simple_tag
def map_tile_url():
    return settings.MAP_TILE_URL


@register.simple_tag
def map_tile_attribution():
    return settings.MAP_TILE_ATTRIBUTION
