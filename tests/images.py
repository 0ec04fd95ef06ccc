"""Real images for tests: small PNGs drawn with Pillow and stored through Wagtail's image
model, so renditions are made by Wagtail exactly as for an editor's upload."""

import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image as PILImage


def make_image(title="A street with new trees", colour="#4c9f38", size=(800, 450), alt=""):
    """A saved Wagtail image of one colour; `alt` is its description (the alt text)."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    image = get_image_model()(title=title, description=alt)
    image.file = ImageFile(buffer, name=f"{title[:40].replace(' ', '-').lower()}.png")
    image.save()
    return image
