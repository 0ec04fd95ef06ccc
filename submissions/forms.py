"""The one validation of what the public sends, shared by the HTML forms and the JSON API.

The field names are a contract with external tools (see the API docs); keep them.
"""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField

from django_countries import countries

from cases.models import Sector, Status
from exchange.learned_from import LearnedFromField, consent_contact_field
from taxonomy.models import SDG, SDG_NUMBERS, Topic

IMAGE_FORMATS = {"jpeg", "png", "webp"}
MAX_ACTORS = 20
ACTOR_ROWS_IN_HTML_FORM = 3
TEXT_LIMIT = 10_000


class SubmittedImageField(WagtailImageField):
    """Wagtail's image check (the content is opened, not just the name read; at most
    WAGTAILIMAGES_MAX_UPLOAD_SIZE) narrowed to the formats the site publishes."""

    def to_python(self, data):
        f = super().to_python(data)
        if f is not None and f.image.format_name not in IMAGE_FORMATS:
            raise ValidationError("Send a JPEG, PNG or WebP image.", code="invalid_image_format")
        return f


class ActorsWidget(forms.Widget):
    """Reads actors as a JSON list (API), a JSON string (multipart) or numbered rows
    `actors-0-organisation`, `actors-0-sector`, `actors-0-role` (the HTML form)."""

    # In the app's templates/ folder: form widgets render through Django's form renderer,
    # which looks in apps, not in the project's template folder.
    template_name = "submissions/widgets/actors.html"

    def value_from_datadict(self, data, files, name):
        if name in data:
            value = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
            if hasattr(data, "getlist") and len(value) == 1:
                value = value[0]
            return value
        rows = []
        for i in range(MAX_ACTORS):
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
        rows += [{}] * max(0, ACTOR_ROWS_IN_HTML_FORM - len(rows))
        context["widget"]["rows"] = list(enumerate(rows))
        context["widget"]["sectors"] = Sector.choices
        return context


class ActorsField(forms.Field):
    """A list of `{organisation, sector, role}`; organisation and sector are required."""

    widget = ActorsWidget

    def to_python(self, value):
        if value in (None, "", []):
            return []
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                raise ValidationError(
                    "Send actors as a list of {organisation, sector, role}."
                ) from None
        if not isinstance(value, list) or not all(isinstance(a, dict) for a in value):
            raise ValidationError("Send actors as a list of {organisation, sector, role}.")
        if len(value) > MAX_ACTORS:
            raise ValidationError(f"Name at most {MAX_ACTORS} actors.")
        sectors = dict(Sector.choices)
        actors, errors = [], []
        for number, raw in enumerate(value, start=1):
            organisation = str(raw.get("organisation") or "").strip()
            sector = str(raw.get("sector") or "").strip()
            role = str(raw.get("role") or "").strip()
            if not organisation:
                errors.append(f"Actor {number}: give the organisation.")
            elif len(organisation) > 200:
                errors.append(f"Actor {number}: the organisation has at most 200 characters.")
            if sector not in sectors:
                errors.append(f"Actor {number}: the sector must be one of {', '.join(sectors)}.")
            if len(role) > 200:
                errors.append(f"Actor {number}: the role has at most 200 characters.")
            actors.append({"organisation": organisation, "sector": sector, "role": role})
        if errors:
            raise ValidationError(errors)
        return actors


class ListChoiceField(forms.TypedMultipleChoiceField):
    """A list in JSON, repeated fields in HTML forms and multipart, or one comma-separated value."""

    def to_python(self, value):
        if isinstance(value, str | int):
            value = [value]
        if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
            value = [part.strip() for part in value[0].split(",") if part.strip()]
        if value and not isinstance(value, list | tuple):
            raise ValidationError("Send a list.", code="invalid_list")
        return super().to_python([str(v) for v in value] if value else [])


class HoneypotMixin(forms.Form):
    # Hidden from people by the template; bots fill it. Named like a real field on purpose.
    fax = forms.CharField(required=False)

    def is_spam(self):
        return bool(str(self.data.get("fax") or "").strip())


class CaseSubmissionForm(HoneypotMixin, forms.Form):
    """A case as sent in by anyone: the content of the draft case page, the person who sent it
    (kept private), and the two consents."""

    title = forms.CharField(max_length=255)
    summary = forms.CharField(
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="At most 300 characters.",
    )
    description = forms.CharField(max_length=TEXT_LIMIT, widget=forms.Textarea)
    city = forms.CharField(max_length=120)
    country = forms.ChoiceField(choices=[("", "---------"), *countries])
    latitude = forms.FloatField(required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(required=False, min_value=-180, max_value=180)
    sdgs = ListChoiceField(
        label="SDGs",
        coerce=int,
        choices=[(n, f"SDG {n}") for n in SDG_NUMBERS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one Sustainable Development Goal."},
    )
    topics = ListChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    actors = ActorsField(required=False)
    lessons_learned = forms.CharField(
        required=False, max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 4})
    )
    barriers = forms.CharField(
        required=False, max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 4})
    )
    start_year = forms.IntegerField(required=False, min_value=1900, max_value=2100)
    status = forms.ChoiceField(required=False, choices=[("", "---------"), *Status.choices])
    website = forms.URLField(required=False, max_length=200, assume_scheme="https")
    image = SubmittedImageField(required=False)
    submitter_name = forms.CharField(label="Your name", max_length=200)
    submitter_email = forms.EmailField(label="Your email")
    submitter_organisation = forms.CharField(
        label="Your organisation", required=False, max_length=200
    )
    consent_publish = forms.BooleanField(
        label="I agree that this case is published under the platform's terms once approved.",
        error_messages={"required": "Agree to publication to send a case."},
    )
    consent_privacy = forms.BooleanField(
        label="I agree that my name and email are kept to handle this submission; they are never published.",
        error_messages={"required": "Agree to the privacy notice to send a case."},
    )
    # Knowledge exchange (exchange/learned_from.py): what the project learned from, and
    # whether questions from other cities may be forwarded to the submitter.
    learned_from = LearnedFromField(required=False)
    consent_contact = consent_contact_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sdgs"].choices = [(sdg.number, str(sdg)) for sdg in SDG.objects.all()]
        self.fields["topics"].choices = [(t.name, t.name) for t in Topic.objects.all()]
        image = self.fields["image"]
        image.help_text = (
            f"Optional. A JPEG, PNG or WebP image of at most {image.max_upload_size_text}."
        )

    def clean_topics(self):
        names = {t.lower(): t for t in self.cleaned_data["topics"]}
        return list(Topic.objects.filter(name__in=names.values()))

    def clean(self):
        cleaned = super().clean()
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (latitude is None) != (longitude is None) and not (
            self.has_error("latitude") or self.has_error("longitude")
        ):
            field = "longitude" if longitude is None else "latitude"
            self.add_error(field, "Give both latitude and longitude, or neither.")
        return cleaned


class Choices:
    SECTORS = [
        ("government", "Local or national government"),
        ("academia", "University or research"),
        ("private", "Private sector"),
        ("civil_society", "Civil society or community group"),
        ("ngo", "NGO"),
        ("urban_network", "Urban network"),
        ("other", "Other"),
    ]
    LEARNING_CHANNELS = [
        ("peer_visits", "Study visits and peer exchanges"),
        ("conferences", "Conferences and events"),
        ("networks", "City networks and communities of practice"),
        ("online_platforms", "Online platforms and case databases"),
        ("publications", "Reports and academic publications"),
        ("colleagues", "Colleagues in my own organisation"),
        ("consultants", "Consultants and experts"),
    ]
    MOTIVATIONS = [
        ("solve_problems", "Solving a concrete problem"),
        ("avoid_mistakes", "Avoiding others' mistakes"),
        ("visibility", "Visibility for our work"),
        ("funding", "Funding requirements"),
        ("relationships", "Building relationships"),
        ("public_good", "Contributing to the common good"),
    ]
    BARRIERS = [
        ("time", "Lack of time"),
        ("context", "Contexts are too different"),
        ("language", "Language"),
        ("confidentiality", "Confidentiality or politics"),
        ("failure", "Reluctance to share failures"),
        ("findability", "Hard to find relevant examples"),
    ]
    LEARNING_LEVELS = [
        ("individual", "Individual: my own knowledge and skills"),
        ("organisation", "Organisation: our procedures and policies"),
        ("network", "Network: practice across cities"),
    ]


class SurveyForm(HoneypotMixin, forms.Form):
    """ "Tell us how you share": how and what urban professionals learn from each other, why they
    share or not, and at which level the learning lands. Anonymous."""

    sector = forms.ChoiceField(label="Where do you work?", choices=Choices.SECTORS)
    country = forms.ChoiceField(
        label="Country", required=False, choices=[("", "---------"), *countries]
    )
    learning_channels = ListChoiceField(
        label="How do you learn from other cities?",
        choices=Choices.LEARNING_CHANNELS,
        widget=forms.CheckboxSelectMultiple,
    )
    what_learned = forms.CharField(
        label="What did you last learn from another city?",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    motivations = ListChoiceField(
        label="What motivates you to share your own experience?",
        required=False,
        choices=Choices.MOTIVATIONS,
        widget=forms.CheckboxSelectMultiple,
    )
    barriers = ListChoiceField(
        label="What keeps you from sharing?",
        required=False,
        choices=Choices.BARRIERS,
        widget=forms.CheckboxSelectMultiple,
    )
    learning_levels = ListChoiceField(
        label="Where does what you learn end up?",
        required=False,
        choices=Choices.LEARNING_LEVELS,
        widget=forms.CheckboxSelectMultiple,
    )
    comments = forms.CharField(
        label="Anything else?",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent_share_text = forms.BooleanField(
        label=_(
            "Researchers of other institutions may read what I wrote in my own words "
            "(without my name) in the data the project shares with them."
        ),
        required=False,
    )
    consent_research = forms.BooleanField(
        label="I agree that my anonymous answers are used for research.",
        error_messages={"required": "Agree to the research use to send your answers."},
    )


def errors_as_json(form):
    """`{"field": ["message", ...]}` — the same messages the HTML form shows beside the fields."""
    return {field: [str(m) for m in messages] for field, messages in form.errors.items()}
