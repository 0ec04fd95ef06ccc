"""Checks on what a request carries, made before any view (the platform's or Wagtail's) sees it.

Each check raises `BadInput` naming the parameter, form field or JSON member at fault. They
cover what no view should have to think about: characters a database cannot store, JSON
nested deeper than anything the platform accepts, and uploaded images that cannot be read.
"""

import json

from django.conf import settings
from django.utils.translation import gettext as _

from PIL import Image, UnidentifiedImageError

# Deeper than any document the platform takes (a page's stream field is about 10 levels);
# well below where Python's own recursion limit would turn a parse into a server error.
MAX_JSON_DEPTH = 64
# Wagtail's own default when WAGTAILIMAGES_MAX_IMAGE_PIXELS is not set.
DEFAULT_MAX_IMAGE_PIXELS = 128_000_000


class BadInput(Exception):
    """Something the request carries cannot be taken: `parameter` names it (a query
    parameter, a form field, a JSON member such as `actors[0].organisation`, a cookie, or
    `path` / `body`), `message` says why, for the person who sent it."""

    def __init__(self, parameter, message, location="query", field=None):
        # Named as it can be shown: the very character at fault must not travel back.
        parameter = shown(parameter)
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message
        self.location = location
        # The form field (the top-level JSON member) it belongs to, when the parameter's
        # own name may hold dots or brackets: a member called "a.b" is field "a.b".
        self.field = shown(field) if field is not None else None


def shown(text):
    """`text` safe to repeat in an answer: NUL as \\0, a lone surrogate as its escape."""
    return text.replace("\x00", "\\0").encode("utf-8", "backslashreplace").decode("utf-8")


def check_text(parameter, text, location="query"):
    """Text a database can store: PostgreSQL refuses the NUL character, and a lone surrogate
    (which JSON's \\ud800 escapes can carry) cannot be encoded as UTF-8 at all."""
    if "\x00" in text:
        raise BadInput(parameter, _("must not contain the NUL character (U+0000)."), location)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise BadInput(parameter, _("is not valid Unicode text."), location) from None


def parse_json(body):
    """The JSON document in `body`, or None when the body is not JSON at all (the middleware
    then refuses it if its content type says JSON). Nesting too deep for the parser is bad
    input, not a crash."""
    try:
        return json.loads(body)
    except RecursionError:
        raise BadInput("body", _("JSON nested too deeply."), "body") from None
    except ValueError:  # not JSON (or not UTF-8): not this check's business
        return None


def check_json(document):
    """Every key and string in a JSON document, at most MAX_JSON_DEPTH levels deep. Walked
    without recursion, so no document can exhaust the stack here."""
    pending = [(document, "", 1, None)]
    while pending:
        value, path, depth, field = pending.pop()
        try:
            if depth > MAX_JSON_DEPTH:
                raise BadInput(
                    path or "body",
                    _("JSON nested more than %(depth)d levels deep.") % {"depth": MAX_JSON_DEPTH},
                    "body",
                )
            if isinstance(value, str):
                check_text(path or "body", value, "body")
            elif isinstance(value, dict):
                for key, item in value.items():
                    member = f"{path}.{key}" if path else key
                    top = field if path else key
                    try:
                        check_text(member, key, "body")
                    except BadInput as error:
                        error.field = shown(top) if top is not None else None
                        raise
                    pending.append((item, member, depth + 1, top))
            elif isinstance(value, list):
                pending.extend(
                    (item, f"{path or 'body'}[{index}]", depth + 1, field)
                    for index, item in enumerate(value)
                )
        except BadInput as error:
            if error.field is None and field is not None:
                error.field = shown(field)
            raise


def check_upload(field, upload):
    """An uploaded file: its name, and, when it is an image, that it is whole and within the
    pixel limit (WAGTAILIMAGES_MAX_IMAGE_PIXELS). Wagtail reads an image's size by decoding
    it, and a cut-short or damaged image (a truncated PNG, a GIF whose image data is a
    script) makes that decoding fail with an error nobody catches."""
    check_text(field, upload.name or "", "body")
    limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS)
    damaged = BadInput(field, _("the image is damaged or cut short."), "body")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            width, height = image.size
            if limit and width * height > limit:
                raise BadInput(
                    field,
                    _("the image has more than %(limit)s pixels.") % {"limit": f"{limit:,}"},
                    "body",
                )
            image.load()
    except UnidentifiedImageError:
        return  # not an image: the view decides whether it takes such files
    except Image.DecompressionBombError:
        raise BadInput(field, _("the image has too many pixels."), "body") from None
    except BadInput:
        raise
    except Exception:  # whatever Pillow raises for a broken file
        raise damaged from None
    finally:
        upload.seek(0)
