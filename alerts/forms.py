"""The subscription form: an address, how often, and the search it is about (the query string
of the search page or case index it was sent from, validated by the search service)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from search.services import InvalidSearchParameter
from submissions.forms import HoneypotMixin

from .models import Frequency
from .saved_search import clean_query


class SubscriptionForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(label=_("Your email"))
    frequency = forms.ChoiceField(
        label=_("How often"), choices=Frequency.choices, initial=Frequency.WEEKLY
    )
    # The filters and words of the search, as its address's query string.
    query = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)

    def clean_query(self):
        try:
            return clean_query(self.cleaned_data.get("query", ""))
        except InvalidSearchParameter as error:
            raise forms.ValidationError(
                _("This search cannot be saved: %(problem)s") % {"problem": error.message}
            ) from None


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices)
