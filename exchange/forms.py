"""The public's input to the knowledge exchange: "I'm applying this" (adoption reports) and
questions to the team behind a case. They follow the submission pattern and reuse its
machinery: the honeypot, one validation for the API and the HTML forms, errors per field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from django_countries import countries

from cases.models import CasePage, Sector
from submissions.forms import HoneypotMixin

from .models import TEXT_LIMIT, Stage

COUNTRY_CHOICES = [("", "---------"), *countries]


class CaseChoiceField(forms.IntegerField):
    """The page id of a live, public case."""

    default_error_messages = {
        "invalid": _("Give the page id of a published case."),
        "unknown": _("No published case has this id."),
    }

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=2**63 - 1, **kwargs)
        self.widget = forms.HiddenInput()

    def clean(self, value):
        if isinstance(value, bool | float | list | dict):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        number = super().clean(value)
        if number is None:
            return None
        case = CasePage.objects.live().public().filter(pk=number).first()
        if case is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return case


class AdoptionForm(HoneypotMixin, forms.Form):
    """ "I'm applying this": a city reports that it uses, adapts or considers a case."""

    case = CaseChoiceField()
    city = forms.CharField(label=_("Your city"), max_length=120)
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRY_CHOICES)
    organisation_sector = forms.ChoiceField(
        label=_("Your organisation's sector"), choices=[("", "---------"), *Sector.choices]
    )
    what_was_used = forms.CharField(
        label=_("What are you using from this case?"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Published once a moderator approves it."),
    )
    stage = forms.ChoiceField(label=_("Where are you with it?"), choices=Stage.choices)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2100)
    contact_email = forms.EmailField(
        label=_("Your email (optional, never published)"),
        required=False,
        help_text=_("Only so that moderators can ask you about your report."),
    )
    consent_privacy = forms.BooleanField(
        label=_("I agree that this report is kept to review it; my email is never published."),
        error_messages={"required": _("Agree to the privacy notice to send the report.")},
    )


class ContactForm(HoneypotMixin, forms.Form):
    """A question to the team behind a case, relayed to them by email."""

    case = CaseChoiceField()
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Your email"))
    organisation = forms.CharField(label=_("Your organisation"), required=False, max_length=200)
    sector = forms.ChoiceField(label=_("Your sector"), choices=[("", "---------"), *Sector.choices])
    country = forms.ChoiceField(label=_("Your country"), choices=COUNTRY_CHOICES)
    message = forms.CharField(
        label=_("Your question"), max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 5})
    )
    consent_privacy = forms.BooleanField(
        label=_(
            "I agree that my name, email and message are forwarded to the team behind this case "
            "by email, so that they can answer me directly."
        ),
        error_messages={"required": _("Agree to the privacy notice to send your question.")},
    )

    def clean_case(self):
        case = self.cleaned_data["case"]
        if case is not None and not case.contact_email:
            raise forms.ValidationError(
                _("The team behind this case has not given a contact address."),
                code="no_contact",
            )
        return case
