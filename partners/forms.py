"""The one validation of a partner request, shared by the "Become a partner" form and
`POST /api/v2/partners/requests/`. The field names are a contract with external tools; keep
them, and add new ones rather than rename."""

from django import forms
from django.utils.translation import gettext_lazy as _

from django_countries import countries

from cases.models import Sector
from submissions.forms import HoneypotMixin

TEXT_LIMIT = 5000
# What form data may send as consent: a checkbox sends "on" (the form page), other clients
# "true" or "1". Django would read any other text ("no", "off") as yes; consent is not guessed.
CONSENT_SENT = ("on", "true", "1")


class PartnerRequestForm(HoneypotMixin, forms.Form):
    """An organisation asking to become a partner, and the person to answer (never published)."""

    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", "---------"), *Sector.choices])
    country = forms.ChoiceField(label=_("Country"), choices=[("", "---------"), *countries])
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )
    contribution = forms.CharField(
        label=_("What would your organisation contribute?"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Cases, research, events, funding, a network of cities… At most 5,000 characters."
        ),
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=200)
    contact_email = forms.EmailField(label=_("Your email"), max_length=254)
    consent = forms.BooleanField(
        label=_(
            "I agree that my name and email are kept to answer this request; they are never "
            "published."
        ),
        error_messages={"required": _("Agree to the privacy notice to send the request.")},
    )

    def clean_consent(self):
        sent = self.data.get("consent")
        if isinstance(sent, str) and sent not in CONSENT_SENT:
            raise forms.ValidationError(
                self.fields["consent"].error_messages["required"], code="required"
            )
        return self.cleaned_data["consent"]

    def clean_organisation(self):
        return " ".join(self.cleaned_data["organisation"].split())
