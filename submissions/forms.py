"""The one validation of what the public sends, shared by the HTML forms and the JSON API.

The field names are a contract with external tools (see the API docs); keep them, and add new
ones rather than rename. Each field's JSON type is checked too (fields.json_type_errors).
"""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from django_countries import countries

from cases.assessment import ASSESSMENT
from cases.models import ImageLicence, Scale, Status
from exchange.learned_from import LearnedFromField, consent_contact_field
from taxonomy.models import SDG, SDG_NUMBERS, Topic

from .fields import (
    ANY,
    ActorsField,
    ListChoiceField,
    SubmittedImageField,
    URLListField,
    json_type_errors,
)

TEXT_LIMIT = 10_000
CHOOSE = [("", _("Choose…"))]
# Long lists of options are shown in columns; short ones one option per line.
COLUMNS = forms.CheckboxSelectMultiple(attrs={"class": "choices-columns"})

__all__ = [
    "CaseSubmissionForm",
    "SurveyForm",
    "assessment_choice",
    "errors_as_json",
    "json_type_errors",
]


def assessment_choice(name):
    """One of the five optional self-assessment questions (cases/assessment.py) as a form
    field, for the case submission and the benchmark."""
    label, choices = ASSESSMENT[name]
    return forms.ChoiceField(label=label, required=False, choices=[*CHOOSE, *choices.choices])


class HoneypotMixin(forms.Form):
    # Hidden from people by the template; bots fill it. Named like a real field on purpose.
    fax = forms.CharField(required=False)
    fax.json_type = ANY

    def is_spam(self):
        return bool(str(self.data.get("fax") or "").strip())


class CaseSubmissionForm(HoneypotMixin, forms.Form):
    """A case as sent in by anyone: every public field a case page shows (the content of the
    draft case page), the person who sent it (kept private), and the two consents."""

    title = forms.CharField(label=_("Title"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("At most 300 characters. Shown in lists and search results."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea,
        help_text=_("What was done, how and with what result. Blank lines start paragraphs."),
    )
    image = SubmittedImageField(label=_("Image"), required=False)
    image_description = forms.CharField(
        label=_("Image description"),
        required=False,
        max_length=255,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    image_credit = forms.CharField(
        label=_("Image credit"),
        required=False,
        max_length=255,
        help_text=_("Who made the image, e.g. “Photo: Ana Lima / City of Recife”."),
    )
    image_licence = forms.ChoiceField(
        label=_("Image licence"), required=False, choices=[*CHOOSE, *ImageLicence.choices]
    )
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )
    websites = URLListField(
        label=_("Websites"),
        required=False,
        help_text=_("Up to five web addresses about the case."),
    )
    city = forms.CharField(label=_("City"), max_length=120)
    country = forms.ChoiceField(label=_("Country"), choices=[*CHOOSE, *countries])
    latitude = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180
    )
    sdgs = ListChoiceField(
        label=_("SDGs"),
        coerce=int,
        choices=[(n, f"SDG {n}") for n in SDG_NUMBERS],
        widget=COLUMNS,
        error_messages={"required": _("Choose at least one Sustainable Development Goal.")},
    )
    topics = ListChoiceField(label=_("Topics"), required=False, widget=COLUMNS)
    scale = forms.ChoiceField(label=_("Scale"), required=False, choices=[*CHOOSE, *Scale.choices])
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[*CHOOSE, *Status.choices]
    )
    start_year = forms.IntegerField(
        label=_("Start year"), required=False, min_value=1900, max_value=2100
    )
    end_year = forms.IntegerField(
        label=_("End year"),
        required=False,
        min_value=1900,
        max_value=2100,
        help_text=_("Leave empty if it is still running."),
    )
    target_groups = forms.CharField(
        label=_("Target groups"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Who the case is for, e.g. older residents, informal workers."),
    )
    actors = ActorsField(
        label=_("Who took part"),
        required=False,
        help_text=_("The organisations behind the case: at least the organisation and its sector."),
    )
    lessons_learned = forms.CharField(
        label=_("Lessons learned"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    barriers = forms.CharField(
        label=_("Barriers"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    facilitating_conditions = forms.CharField(
        label=_("Facilitating conditions"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What helped: backing, funding, partners, rules."),
    )
    evidence = assessment_choice("evidence")
    participation = assessment_choice("participation")
    funding = assessment_choice("funding")
    documentation = assessment_choice("documentation")
    transfer = assessment_choice("transfer")
    submitter_name = forms.CharField(label=_("Your name"), max_length=200)
    submitter_email = forms.EmailField(label=_("Your email"))
    submitter_organisation = forms.CharField(
        label=_("Your organisation"), required=False, max_length=200
    )
    consent_publish = forms.BooleanField(
        label=_("I agree that this case is published under the platform's terms once approved."),
        error_messages={"required": _("Agree to publication to send a case.")},
    )
    consent_privacy = forms.BooleanField(
        label=_(
            "I agree that my name and email are kept to handle this submission; "
            "they are never published."
        ),
        error_messages={"required": _("Agree to the privacy notice to send a case.")},
    )
    # The language the case is written in: its draft goes into that language's page tree.
    # Left out, it is the language of the page the form is on (the API's: the default).
    language = forms.ChoiceField(
        label=_("Language of the case"),
        required=False,
        help_text=_("The language you wrote the case in. It is published in that language."),
    )
    # Knowledge exchange (exchange/learned_from.py): what the project learned from, and
    # whether questions from other cities may be forwarded to the submitter.
    learned_from = LearnedFromField(required=False)
    # It checks its own JSON (a list of objects, item by item, naming the item and field).
    learned_from.json_type = ANY
    consent_contact = consent_contact_field()

    def __init__(self, *args, actor_rows=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sdgs"].choices = [(sdg.number, str(sdg)) for sdg in SDG.objects.all()]
        self.fields["topics"].choices = [(t.name, t.name) for t in Topic.objects.all()]
        self.fields["language"].choices = [(code, name) for code, name in settings.LANGUAGES]
        self.fields["language"].initial = get_language()
        if actor_rows:
            self.fields["actors"].widget.rows = actor_rows

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
            self.add_error(field, _("Give both latitude and longitude, or neither."))
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The end year cannot be before the start year."))
        # The single `website` of earlier clients and the list, as one list of links.
        links = [cleaned.get("website") or "", *(cleaned.get("websites") or [])]
        cleaned["links"] = list(dict.fromkeys(url for url in links if url))
        if not cleaned.get("language") and not self.has_error("language"):
            cleaned["language"] = get_language() or settings.LANGUAGE_CODE
        return cleaned


class Choices:
    SECTORS = [
        ("government", _("Local or national government")),
        ("academia", _("University or research")),
        ("private", _("Private sector")),
        ("civil_society", _("Civil society or community group")),
        ("ngo", _("NGO")),
        ("urban_network", _("Urban network")),
        ("other", _("Other")),
    ]
    LEARNING_CHANNELS = [
        ("peer_visits", _("Study visits and peer exchanges")),
        ("conferences", _("Conferences and events")),
        ("networks", _("City networks and communities of practice")),
        ("online_platforms", _("Online platforms and case databases")),
        ("publications", _("Reports and academic publications")),
        ("colleagues", _("Colleagues in my own organisation")),
        ("consultants", _("Consultants and experts")),
    ]
    MOTIVATIONS = [
        ("solve_problems", _("Solving a concrete problem")),
        ("avoid_mistakes", _("Avoiding others' mistakes")),
        ("visibility", _("Visibility for our work")),
        ("funding", _("Funding requirements")),
        ("relationships", _("Building relationships")),
        ("public_good", _("Contributing to the common good")),
    ]
    BARRIERS = [
        ("time", _("Lack of time")),
        ("context", _("Contexts are too different")),
        ("language", _("Language")),
        ("confidentiality", _("Confidentiality or politics")),
        ("failure", _("Reluctance to share failures")),
        ("findability", _("Hard to find relevant examples")),
    ]
    LEARNING_LEVELS = [
        ("individual", _("Individual: my own knowledge and skills")),
        ("organisation", _("Organisation: our procedures and policies")),
        ("network", _("Network: practice across cities")),
    ]


class SurveyForm(HoneypotMixin, forms.Form):
    """ "Tell us how you share": how and what urban professionals learn from each other, why they
    share or not, and at which level the learning lands. Anonymous."""

    # No answer is chosen for anyone: a required question starts on "Choose…".
    sector = forms.ChoiceField(label=_("Where do you work?"), choices=[*CHOOSE, *Choices.SECTORS])
    country = forms.ChoiceField(label=_("Country"), required=False, choices=[*CHOOSE, *countries])
    learning_channels = ListChoiceField(
        label=_("How do you learn from other cities?"),
        choices=Choices.LEARNING_CHANNELS,
        widget=COLUMNS,
    )
    what_learned = forms.CharField(
        label=_("What did you last learn from another city?"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    motivations = ListChoiceField(
        label=_("What motivates you to share your own experience?"),
        required=False,
        choices=Choices.MOTIVATIONS,
        widget=COLUMNS,
    )
    barriers = ListChoiceField(
        label=_("What keeps you from sharing?"),
        required=False,
        choices=Choices.BARRIERS,
        widget=COLUMNS,
    )
    learning_levels = ListChoiceField(
        label=_("Where does what you learn end up?"),
        required=False,
        choices=Choices.LEARNING_LEVELS,
        widget=forms.CheckboxSelectMultiple,
    )
    comments = forms.CharField(
        label=_("Anything else?"),
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
        label=_("I agree that my anonymous answers are used for research."),
        error_messages={"required": _("Agree to the research use to send your answers.")},
    )


def errors_as_json(form):
    """`{"field": ["message", ...]}` — the same messages the HTML form shows beside the fields."""
    return {field: [str(m) for m in messages] for field, messages in form.errors.items()}
