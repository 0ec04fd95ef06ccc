"""Illustrations for demo cases, drawn here with Pillow in the SDG colours: nothing is
downloaded. A city skyline under a sky, by water or among trees, in the colour of the case's
first goal and its neighbours on the SDG wheel. Each (goal, scene) is drawn once and shared by
the cases that show it; its description is the alt text."""

import io
import random

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

from PIL import Image, ImageDraw

SIZE = (1200, 675)
COLLECTION = "Demo illustrations"
CREDIT = "Illustration: Closer Cities demo data"
LICENCE = "cc0-1.0"
# Roughly two cases in five show an illustration; the rest show none, as in real life.
SHARE = 0.4
SCENES = [
    ("under a large sun", "sun"),
    ("beside a river", "river"),
    ("among round trees", "trees"),
]


def _rgb(hex_colour):
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _mix(colour, other, amount):
    return tuple(round(c + (o - c) * amount) for c, o in zip(colour, other, strict=True))


def draw(number, colours, scene):
    """PNG bytes of the illustration for SDG `number` (`colours`: the 17 hex colours)."""
    rng = random.Random(f"illustration:{number}:{scene}")
    main = _rgb(colours[number - 1])
    accents = [_rgb(colours[(number - 1 + step) % 17]) for step in (1, -1, 2)]
    white, ink = (255, 255, 255), (27, 31, 36)
    width, height = SIZE
    image = Image.new("RGB", SIZE, _mix(main, white, 0.82))
    canvas = ImageDraw.Draw(image)
    ground = int(height * 0.78)
    if SCENES[scene][1] == "sun":
        canvas.ellipse(
            (width * 0.68, 60, width * 0.68 + 190, 250), fill=_mix(accents[0], white, 0.2)
        )
    left = 0
    while left < width:
        span = rng.randint(70, 150)
        top = rng.randint(int(height * 0.25), int(height * 0.6))
        colour = main if rng.random() < 0.5 else rng.choice(accents)
        canvas.rectangle((left, top, left + span - 8, ground), fill=colour)
        for y in range(top + 18, ground - 30, 42):
            for x in range(left + 14, left + span - 30, 30):
                canvas.rectangle((x, y, x + 12, y + 20), fill=_mix(colour, white, 0.6))
        left += span
    canvas.rectangle((0, ground, width, height), fill=_mix(main, ink, 0.45))
    if SCENES[scene][1] == "river":
        canvas.polygon(
            [
                (0, height),
                (width * 0.35, ground + 10),
                (width * 0.55, ground + 10),
                (width * 0.4, height),
            ],
            fill=_mix(_rgb(colours[13]), white, 0.3),
        )
    if SCENES[scene][1] == "trees":
        for x in range(30, width, 140):
            radius = rng.randint(28, 44)
            canvas.ellipse(
                (x, ground - radius * 2 + 12, x + radius * 2, ground + 12),
                fill=_mix(_rgb(colours[14]), ink, 0.15),
            )
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION).first()
    return existing or root.add_child(name=COLLECTION)


def illustration(sdg, scene, colours):
    """The image for `sdg` (an SDG) and scene number `scene`, made once."""
    Image_ = get_image_model()
    title = f"Demo illustration: SDG {sdg.number}, {SCENES[scene][1]}"
    existing = Image_.objects.filter(title=title, collection__name=COLLECTION).first()
    if existing is not None:
        return existing
    image = Image_(
        title=title,
        description=(
            f"Illustration in the colours of SDG {sdg.number}, {sdg.title}: "
            f"a city skyline {SCENES[scene][0]}."
        ),
        collection=_collection(),
        file=ImageFile(
            io.BytesIO(draw(sdg.number, colours, scene)),
            name=f"demo-sdg-{sdg.number}-{SCENES[scene][1]}.png",
        ),
    )
    image._set_image_file_metadata()
    image.save()
    return image


def illustrate(pages, items, seed):
    """Give about SHARE of the unsaved case `pages` (with their demo `items`) an illustration
    of their first SDG, with its credit and licence. Which ones follows from `seed` and each
    case's slug, so a case looks the same whatever the number of cases seeded."""
    from taxonomy.models import SDG

    sdgs = {sdg.number: sdg for sdg in SDG.objects.order_by("number")}
    colours = [sdgs[n].colour for n in sorted(sdgs)]
    for page, item in zip(pages, items, strict=True):
        rng = random.Random(f"{seed}:illustration:{item['slug']}")
        if rng.random() >= SHARE:
            continue
        image = illustration(sdgs[item["sdgs"][0]], rng.randrange(len(SCENES)), colours)
        page.main_image = image
        page.image_credit = CREDIT
        page.image_licence = LICENCE
