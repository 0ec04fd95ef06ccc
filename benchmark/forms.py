"""What a visitor describes to benchmark a project: one validation for the page's form and
`POST /api/v2/benchmark/`, with the submission form's field rules (same lengths, choices,
honeypot, JSON types)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from django_countries import countries

from cases.models import Scale, Sector, Status
from submissions.fields import MAX_ACTORS, OBJECTS, ListChoiceField
from submissions.forms import CHOOSE, COLUMNS, TEXT_LIMIT, HoneypotMixin, assessment_choice
from taxonomy.models import SDG, SDG_NUMBERS, Topic


class ActorSectorsField(forms.MultipleChoiceField):
    """Who takes part, by sector: a list of `{"sector": ...}` in JSON, ticked sectors in the
    HTML form. Returns the sectors, each once."""

    widget = forms.CheckboxSelectMultiple
    json_type = OBJECTS

    def __init__(self, **kwargs):
        super().__init__(choices=Sector.choices, **kwargs)

    def to_python(self, value):
        if value in (None, "", []):
            return []
        if not isinstance(value, list | tuple):
            raise ValidationError(_('Send actors as a list of {"sector": …}.'))
        if len(value) > MAX_ACTORS:
            raise ValidationError(_("Name at most %(count)s actors.") % {"count": MAX_ACTORS})
        sectors = []
        for number, item in enumerate(value, start=1):
            sector = item.get("sector") if isinstance(item, dict) else item
            if sector not in Sector.values:
                raise ValidationError(
                    _("Actor %(number)s: the sector must be one of %(sectors)s.")
                    % {"number": number, "sectors": ", ".join(Sector.values)}
                )
            sectors.append(sector)
        return list(dict.fromkeys(sectors))

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")


class BenchmarkForm(HoneypotMixin, forms.Form):
    """A project to compare with the cases most like it. Only the title, the description and
    one SDG are required; the more is given, the closer the comparison."""

    title = forms.CharField(label=_("Project title"), max_length=255)
    description = forms.CharField(
        label=_("Description"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the project does, how and for whom. Any language."),
    )
    city = forms.CharField(label=_("City"), required=False, max_length=120)
    country = forms.ChoiceField(label=_("Country"), required=False, choices=[*CHOOSE, *countries])
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
    actors = ActorSectorsField(label=_("Who takes part"), required=False)
    evidence = assessment_choice("evidence")
    participation = assessment_choice("participation")
    funding = assessment_choice("funding")
    documentation = assessment_choice("documentation")
    transfer = assessment_choice("transfer")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sdgs"].choices = [(sdg.number, str(sdg)) for sdg in SDG.objects.all()]
        self.fields["topics"].choices = [(t.name, t.name) for t in Topic.objects.all()]

    def clean_topics(self):
        return sorted(set(self.cleaned_data["topics"]))

    def clean_sdgs(self):
        return sorted(set(self.cleaned_data["sdgs"]))
