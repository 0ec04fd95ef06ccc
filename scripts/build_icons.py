"""Draws the site's icons and its default link-preview card with Pillow, from the logo's five
SDG colours (the same circle as the header's .site-logo): static/favicon.svg,
static/img/favicon-32.png, static/img/apple-touch-icon.png and static/img/share-default.png.
The results are committed; run again only to change them:

    .venv/bin/python scripts/build_icons.py
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
COLOURS = ["#e5243b", "#fcc30b", "#4c9f38", "#26bde2", "#19486a"]
INK, BACKGROUND = "#1b1f24", "#fafaf7"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FONT_REGULAR = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def svg():
    """Five equal slices, starting at the top and going clockwise (as conic-gradient does)."""
    paths = []
    for n, colour in enumerate(COLOURS):
        start, end = (n / 5) * 2 * math.pi, ((n + 1) / 5) * 2 * math.pi
        x1, y1 = 16 + 16 * math.sin(start), 16 - 16 * math.cos(start)
        x2, y2 = 16 + 16 * math.sin(end), 16 - 16 * math.cos(end)
        paths.append(
            f'<path d="M16 16 L{x1:.3f} {y1:.3f} A16 16 0 0 1 {x2:.3f} {y2:.3f} Z" fill="{colour}"/>'
        )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        "<title>Closer Cities</title>" + "".join(paths) + "</svg>\n"
    )


def logo(size):
    """The circle at `size` px, drawn 4x larger and scaled down for smooth edges."""
    big = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    for n, colour in enumerate(COLOURS):
        draw.pieslice(
            [0, 0, size * 4 - 1, size * 4 - 1], -90 + n * 72, -90 + (n + 1) * 72, fill=colour
        )
    return big.resize((size, size), Image.LANCZOS)


def share_card():
    card = Image.new("RGB", (1200, 630), BACKGROUND)
    card.paste(logo(220), (110, 205), logo(220))
    draw = ImageDraw.Draw(card)
    draw.text((380, 215), "Closer Cities", font=ImageFont.truetype(FONT, 96), fill=INK)
    lines = ["Urban practice and urban science,", "shared between cities, towards the SDGs"]
    for n, line in enumerate(lines):
        draw.text(
            (384, 345 + n * 46), line, font=ImageFont.truetype(FONT_REGULAR, 34), fill="#4d5560"
        )
    for n, colour in enumerate(COLOURS):
        draw.rectangle([n * 240, 610, (n + 1) * 240, 630], fill=colour)
    return card


def main():
    (ROOT / "static" / "img").mkdir(parents=True, exist_ok=True)
    (ROOT / "static" / "favicon.svg").write_text(svg(), encoding="utf-8")
    logo(32).save(ROOT / "static" / "img" / "favicon-32.png", optimize=True)
    touch = Image.new("RGB", (180, 180), "#ffffff")
    touch.paste(logo(140), (20, 20), logo(140))
    touch.save(ROOT / "static" / "img" / "apple-touch-icon.png", optimize=True)
    share_card().save(ROOT / "static" / "img" / "share-default.png", optimize=True)


if __name__ == "__main__":
    main()
