"""What a submitted case learned from: the `learned_from` and `consent_contact` fields of the
case submission (API and form), and what they add to the draft case.

Kept here, apart from the submission form that uses them, so that the submission app only
declares the two fields and calls `apply_to_submitted_case`. This module imports nothing from
`submissions`.

`learned_from` is a list of `{"case": <page id>}` or `{"title", "url", "city", "country"}`,
each with `kind`, `channel`, and optionally `year` and `description`. The HTML form sends
numbered rows (`learned_from-0-case`, `learned_from-0-kind`, ...); there a case is named by its
title, and when the title is not exact the form comes back with the matching cases to choose
from (the search-and-choose step that works without JavaScript).
"""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from django_countries import countries

from cases.models import CasePage

from . import places
from .models import DESCRIPTION_LIMIT, Channel, ExternalSource, Kind, KnowledgeLink

MAX_SOURCES = 20
ROWS_IN_HTML_FORM = 2
CANDIDATES = 8
ROW_KEYS = ("case", "choice", "title", "url", "city", "country", "kind", "channel", "year")
ROW_KEYS += ("description",)


def public_cases():
    return CasePage.objects.live().public()


class LearnedFromWidget(forms.Widget):
    """Reads a JSON list (API), a JSON string (multipart) or numbered rows (the HTML form)."""

    template_name = "exchange/widgets/learned_from.html"
    candidates = None

    def value_from_datadict(self, data, files, name):
        if name in data:
            value = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
            if hasattr(data, "getlist") and len(value) == 1:
                value = value[0]
            return value
        rows = []
        for i in range(MAX_SOURCES):
            row = {key: data.get(f"{name}-{i}-{key}", "") for key in ROW_KEYS}
            filled = {k: v for k, v in row.items() if isinstance(v, str) and v.strip()}
            if filled.keys() - {"kind", "channel"}:
                rows.append({**row, "_row": i})
        return rows

    def format_value(self, value):
        return value if isinstance(value, list) else []

    def id_for_label(self, id_):
        # The label of the whole list points at the first row's case box.
        return f"{id_.removeprefix('id_')}-0-case" if id_ else None

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        rows = [row for row in context["widget"]["value"] if isinstance(row, dict)]
        rows += [{}] * max(0, ROWS_IN_HTML_FORM - len(rows))
        candidates = self.candidates or {}
        context["widget"]["rows"] = [
            (i, row, candidates.get(i, [])) for i, row in enumerate(rows[:MAX_SOURCES])
        ]
        context["widget"]["kinds"] = Kind.choices
        context["widget"]["channels"] = Channel.choices
        context["widget"]["countries"] = list(countries)
        return context


def _text(raw, key, limit):
    value = raw.get(key)
    if value is None:
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise ValueError(_t("give text"))
    value = str(value).strip()
    if len(value) > limit:
        raise ValueError(_t("at most %(limit)s characters") % {"limit": limit})
    return value


class LearnedFromField(forms.Field):
    """The list of sources, checked item by item; an error names the item and its field."""

    widget = LearnedFromWidget
    default_error_messages = {
        "invalid": _("Send learned_from as a list of objects with a case or a title."),
        "too_many": _("Name at most %(max)s sources."),
    }

    def to_python(self, value):
        if value in (None, "", []):
            return []
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if len(value) > MAX_SOURCES:
            raise ValidationError(self.error_messages["too_many"] % {"max": MAX_SOURCES})
        items, errors, candidates = [], [], {}
        for number, raw in enumerate(value, start=1):
            item, problems = self._item(raw, number, candidates)
            errors.extend(problems)
            items.append(item)
        self.widget.candidates = candidates
        if errors:
            raise ValidationError(errors)
        return items

    def _item(self, raw, number, candidates):
        problems = []

        def problem(field, message):
            problems.append(
                _t("Source %(number)s, %(field)s: %(message)s")
                % {"number": number, "field": field, "message": message}
            )

        item = {}
        case_given = raw.get("case") not in (None, "") or raw.get("choice") not in (None, "")
        title_given = raw.get("title") not in (None, "")
        if case_given and title_given:
            problem("case", _t("give either a case on the platform or a title, not both"))
        elif case_given:
            item["case"] = self._case(raw, problem, candidates)
        elif title_given:
            item["external"] = self._external(raw, problem)
        else:
            problem("case", _t("give a case on the platform, or the title of an external source"))
        kind = raw.get("kind")
        if kind not in Kind.values:
            problem("kind", _t("must be one of %(values)s") % {"values": ", ".join(Kind.values)})
        channel = raw.get("channel")
        if channel not in Channel.values:
            problem(
                "channel", _t("must be one of %(values)s") % {"values": ", ".join(Channel.values)}
            )
        item["kind"], item["channel"] = kind, channel
        item["year"] = self._year(raw.get("year"), problem)
        try:
            item["description"] = _text(raw, "description", DESCRIPTION_LIMIT)
        except ValueError as error:
            problem("description", str(error))
        return item, problems

    def _case(self, raw, problem, candidates):
        chosen = raw.get("choice") or raw.get("case")
        if isinstance(chosen, bool) or not isinstance(chosen, int | str):
            problem("case", _t("give the page id of a published case"))
            return None
        text = str(chosen).strip()
        if text.isdigit() and len(text) < 19:
            if public_cases().filter(pk=int(text)).exists():
                return int(text)
            problem("case", _t("no published case has the id %(id)s") % {"id": text})
            return None
        if isinstance(chosen, int):
            problem("case", _t("give the page id of a published case"))
            return None
        # A title typed into the HTML form: exact (ignoring case) wins; otherwise offer the
        # cases whose titles contain it, for the visitor to choose from.
        text = text[:255]
        exact = list(public_cases().filter(title__iexact=text).values_list("pk", flat=True)[:2])
        if len(exact) == 1:
            return exact[0]
        found = list(
            public_cases().filter(title__icontains=text).order_by("title", "pk")[:CANDIDATES]
        )
        row = raw.get("_row")
        if found:
            if row is not None:
                candidates[row] = [(page.pk, page.title) for page in found]
            problem("case", _t("several published cases match; choose one below"))
        else:
            problem(
                "case",
                _t(
                    "no published case is called “%(title)s”; check the title, or describe it as an external source"
                )
                % {"title": text},
            )
        return None

    def _external(self, raw, problem):
        source = {}
        for key, limit in (("title", 255), ("url", 200), ("city", 120), ("country", 2)):
            try:
                source[key] = _text(raw, key, limit if key != "country" else 100)
            except ValueError as error:
                problem(key, str(error))
                source[key] = ""
        if source["url"]:
            try:
                URLValidator(schemes=["http", "https"])(source["url"])
            except ValidationError:
                problem("url", _t("give a web address starting with http:// or https://"))
        if source["country"]:
            code = source["country"].upper()
            if code not in countries:
                problem("country", _t("give an ISO 3166-1 alpha-2 country code, such as KE"))
            source["country"] = code
        return source

    def _year(self, raw, problem):
        if raw in (None, ""):
            return None
        try:
            if isinstance(raw, bool | float):
                raise ValueError
            year = int(str(raw).strip())
        except ValueError:
            year = None
        if year is None or not 1900 <= year <= 2100:
            problem("year", _t("give a year from 1900 to 2100"))
            return None
        return year


def consent_contact_field():
    return forms.BooleanField(
        required=False,
        label=_("Forward questions from other cities to me by email (my address is never shown)."),
    )


def _external_source(data):
    """An existing external source with the same address (or, without one, the same title and
    place), or a new one."""
    existing = ExternalSource.objects.all()
    if data["url"]:
        match = existing.filter(url__iexact=data["url"]).first()
    else:
        match = existing.filter(
            title__iexact=data["title"], city__iexact=data["city"], country=data["country"]
        ).first()
    if match:
        return match
    latitude, longitude = places.locate(data["city"], data["country"])
    return ExternalSource.objects.create(**data, latitude=latitude, longitude=longitude)


def apply_to_submitted_case(page, data):
    """Add the submission's sources to the (unsaved) draft case as links, and its contact
    address when the submitter agreed to be contacted. Called inside the submission's
    transaction, so it is all or nothing with the rest."""
    if data.get("consent_contact"):
        page.contact_email = data["submitter_email"]
    for order, item in enumerate(data.get("learned_from") or []):
        link = KnowledgeLink(
            sort_order=order,
            kind=item["kind"],
            channel=item["channel"],
            year=item["year"],
            description=item["description"],
        )
        if "case" in item:
            link.source_case_id = item["case"]
        else:
            link.source_external = _external_source(item["external"])
        page.knowledge_sources.add(link)
