"""The form fields that public submissions share, and the JSON type each field accepts.

Every field of a submission form checks the JSON type of what an API client sent before its
value is read (`json_type_errors`): `"title": ["a", "b"]` or `{"$gt": ""}` is refused with 400
naming the field, never stored as Python's text of it. A field's JSON type follows from its
form field class; a field may also name it (`json_type = ...`). New fields added to a form (a
new group of questions) are checked the same way without further code.
"""

import json
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField

from cases.models import Sector

IMAGE_FORMATS = {"jpeg", "png", "webp"}
MAX_ACTORS = 20
MAX_WEBSITES = 5


@dataclass(frozen=True)
class JSONType:
    """A JSON type a field accepts, and the message that says so when something else came."""

    message: Any
    accepts: Any

    def check(self, value):
        return self.accepts(value)


def _is_integer(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool)


STRING = JSONType(_("Send text (a JSON string)."), lambda v: isinstance(v, str))
INTEGER = JSONType(_("Send a whole number."), _is_integer)
NUMBER = JSONType(_("Send a number."), _is_number)
BOOLEAN = JSONType(_("Send true or false."), lambda v: isinstance(v, bool))
STRINGS = JSONType(
    _("Send a list of texts."),
    lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v),
)
INTEGERS = JSONType(
    _("Send a list of whole numbers."),
    lambda v: isinstance(v, list) and all(_is_integer(i) for i in v),
)
OBJECTS = JSONType(
    _("Send a list of objects."),
    lambda v: isinstance(v, list) and all(isinstance(i, dict) for i in v),
)
# The honeypot: whatever a bot puts there, it must not learn that the field is special.
ANY = JSONType("", lambda v: True)
FILE = JSONType(_("Send the image as a file, in a multipart/form-data request."), lambda v: False)


def json_type_of(field):
    """The JSON type an API client must send for `field`."""
    if explicit := getattr(field, "json_type", None):
        return explicit
    if isinstance(field, forms.FileField):
        return FILE
    if isinstance(field, forms.BooleanField):
        return BOOLEAN
    if isinstance(field, forms.FloatField | forms.DecimalField):  # subclasses of IntegerField
        return NUMBER
    if isinstance(field, forms.IntegerField):
        return INTEGER
    if isinstance(field, forms.TypedMultipleChoiceField) and field.coerce is int:
        return INTEGERS
    if isinstance(field, forms.MultipleChoiceField):
        return STRINGS
    return STRING


def json_type_errors(form_class, data):
    """`{field: [message]}` for each field of the form whose JSON value has the wrong type.
    A missing field or `null` is left to the form (required or not)."""
    errors = {}
    for name, field in form_class.base_fields.items():
        value = data.get(name)
        if value is None:
            continue
        json_type = json_type_of(field)
        if not json_type.check(value):
            errors[name] = [str(json_type.message)]
    return errors


class SubmittedImageField(WagtailImageField):
    """Wagtail's image check (the content is opened, not just the name read; at most
    WAGTAILIMAGES_MAX_UPLOAD_SIZE and WAGTAILIMAGES_MAX_IMAGE_PIXELS) narrowed to the formats
    the site publishes. An image bomb (a small file that decodes to a huge image) is refused
    by its pixel count before any thumbnail is made."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        megapixels = (self.max_image_pixels or 0) // 1_000_000
        self.error_messages["file_too_many_pixels"] = _(
            "This image has too many pixels (%(num_pixels)s); send one of at most "
            "%(max_pixels_count)s pixels (%(megapixels)s megapixels)."
        ) % {
            "num_pixels": "%(num_pixels)s",
            "max_pixels_count": "%(max_pixels_count)s",
            "megapixels": megapixels,
        }
        self.help_text = _(
            "Optional. A JPEG, PNG or WebP image of at most %(size)s and %(megapixels)s megapixels."
        ) % {"size": filesizeformat(self.max_upload_size), "megapixels": megapixels}

    def to_python(self, data):
        f = super().to_python(data)
        if f is not None and f.image.format_name not in IMAGE_FORMATS:
            raise ValidationError(_("Send a JPEG, PNG or WebP image."), code="invalid_image_format")
        return f


class ActorsWidget(forms.Widget):
    """Reads actors as a JSON list (API), a JSON string (multipart) or numbered rows
    `actors-0-organisation`, `actors-0-sector`, `actors-0-role` (the HTML form). The HTML form
    shows the rows sent (or `rows` empty ones) and one checkbox per row to remove it."""

    # In the app's templates/ folder: form widgets render through Django's form renderer,
    # which looks in apps, not in the project's template folder.
    template_name = "submissions/widgets/actors.html"
    rows = 3

    def value_from_datadict(self, data, files, name):
        if name in data:
            value = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
            if hasattr(data, "getlist") and len(value) == 1:
                value = value[0]
            return value
        rows = []
        for i in range(MAX_ACTORS + 1):
            if data.get(f"{name}-{i}-remove"):
                continue
            row = {
                key: data.get(f"{name}-{i}-{key}", "") for key in ("organisation", "sector", "role")
            }
            if any(v.strip() for v in row.values() if isinstance(v, str)):
                rows.append(row)
        return rows

    def format_value(self, value):
        return value if isinstance(value, list) else []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        rows = [row for row in context["widget"]["value"] if isinstance(row, dict)]
        rows += [{}] * max(0, self.rows - len(rows))
        context["widget"]["rows"] = list(enumerate(rows[:MAX_ACTORS]))
        context["widget"]["sectors"] = Sector.choices
        context["widget"]["can_add"] = len(rows) < MAX_ACTORS
        return context


class ActorsField(forms.Field):
    """A list of `{organisation, sector, role}`; organisation and sector are required, and each
    is text."""

    widget = ActorsWidget
    json_type = OBJECTS
    message = _("Send actors as a list of {organisation, sector, role}.")

    def to_python(self, value):
        if value in (None, "", []):
            return []
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                raise ValidationError(self.message) from None
        if not OBJECTS.check(value):
            raise ValidationError(self.message)
        if len(value) > MAX_ACTORS:
            raise ValidationError(_("Name at most %(count)s actors.") % {"count": MAX_ACTORS})
        actors, errors = [], []
        for number, raw in enumerate(value, start=1):
            actor, actor_errors = _actor(number, raw)
            actors.append(actor)
            errors += actor_errors
        if errors:
            raise ValidationError(errors)
        return actors


def _actor(number, raw):
    errors = []
    parts = {}
    for key in ("organisation", "sector", "role"):
        part = raw.get(key)
        if part is None:
            part = ""
        if not isinstance(part, str):
            errors.append(
                _("Actor %(number)s: the %(part)s must be text.") % {"number": number, "part": key}
            )
            part = ""
        parts[key] = part.strip()
    sectors = dict(Sector.choices)
    if not parts["organisation"]:
        errors.append(_("Actor %(number)s: give the organisation.") % {"number": number})
    elif len(parts["organisation"]) > 200:
        errors.append(
            _("Actor %(number)s: the organisation has at most 200 characters.") % {"number": number}
        )
    if parts["sector"] not in sectors:
        errors.append(
            _("Actor %(number)s: the sector must be one of %(sectors)s.")
            % {"number": number, "sectors": ", ".join(sectors)}
        )
    if len(parts["role"]) > 200:
        errors.append(
            _("Actor %(number)s: the role has at most 200 characters.") % {"number": number}
        )
    return parts, errors


class ListChoiceField(forms.TypedMultipleChoiceField):
    """A list in JSON, repeated fields in HTML forms and multipart, or one comma-separated value."""

    def to_python(self, value):
        if isinstance(value, str | int):
            value = [value]
        if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
            value = [part.strip() for part in value[0].split(",") if part.strip()]
        if value and not isinstance(value, list | tuple):
            raise ValidationError(_("Send a list."), code="invalid_list")
        return super().to_python([str(v) for v in value] if value else [])


class RepeatedURLInput(forms.Widget):
    """`count` web address inputs of one name (repeated in the form data)."""

    template_name = "submissions/widgets/urls.html"
    count = 3

    def value_from_datadict(self, data, files, name):
        if hasattr(data, "getlist"):
            return [v for v in data.getlist(name) if v.strip()]
        return data.get(name)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        values = [v for v in (value or []) if isinstance(v, str)]
        values += [""] * max(0, self.count - len(values))
        context["widget"]["values"] = values[:MAX_WEBSITES]
        return context


class URLListField(forms.Field):
    """Up to MAX_WEBSITES web addresses (https:// is assumed when no scheme is given)."""

    widget = RepeatedURLInput
    json_type = STRINGS

    def to_python(self, value):
        if value in (None, "", []):
            return []
        if isinstance(value, str):
            value = [value]
        if not STRINGS.check(value):
            raise ValidationError(STRINGS.message)
        value = [v.strip() for v in value if v.strip()]
        if len(value) > MAX_WEBSITES:
            raise ValidationError(
                _("Give at most %(count)s web addresses.") % {"count": MAX_WEBSITES}
            )
        urls = []
        for url in value:
            url = url if "://" in url else f"https://{url}"
            if len(url) > 200:
                raise ValidationError(_("A web address has at most 200 characters."))
            try:
                URLValidator(schemes=["http", "https"])(url)
            except ValidationError:
                raise ValidationError(_("“%(url)s” is not a web address.") % {"url": url}) from None
            urls.append(url)
        return urls
