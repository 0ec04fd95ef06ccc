"""The one validation of a document proposed by the public. Field names are a contract with the
form's template (and any tool that posts to it); add fields rather than rename them."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from django_countries import countries

from cases.models import Sector
from submissions.forms import HoneypotMixin, ListChoiceField
from taxonomy.models import SDG, SDG_NUMBERS, Topic

from .models import LANGUAGES, DocumentType, Licence

MAX_FILE_BYTES = 20 * 1024 * 1024
# What each accepted kind of file starts with: a PDF its header, ODT and DOCX a ZIP archive.
FILE_SIGNATURES = {"pdf": b"%PDF-", "odt": b"PK\x03\x04", "docx": b"PK\x03\x04"}


class ProposalForm(HoneypotMixin, forms.Form):
    """A policy or strategy document proposed for the library, and who proposed it (private)."""

    title = forms.CharField(label=_("Title of the document"), max_length=255)
    summary = forms.CharField(
        label=_("What it is about"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("At most 300 characters."),
    )
    document_type = forms.ChoiceField(
        label=_("Type of document"), choices=[("", "---------"), *DocumentType.choices]
    )
    organisation = forms.CharField(label=_("Issuing organisation"), max_length=200)
    organisation_sector = forms.ChoiceField(
        label=_("Sector of the organisation"), choices=[("", "---------"), *Sector.choices]
    )
    city = forms.CharField(label=_("City"), max_length=120, required=False)
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", "---------"), *countries]
    )
    year = forms.IntegerField(label=_("Year it was issued"), min_value=1900, max_value=2100)
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES, initial="en")
    sdgs = ListChoiceField(
        label="SDGs",
        required=False,
        coerce=int,
        choices=[(n, f"SDG {n}") for n in SDG_NUMBERS],
        widget=forms.CheckboxSelectMultiple,
    )
    topics = ListChoiceField(label=_("Topics"), required=False, widget=forms.CheckboxSelectMultiple)
    url = forms.URLField(
        label=_("Where it is published"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("The address of the document, or send the file below."),
    )
    file = forms.FileField(
        label=_("The file"),
        required=False,
        help_text=_("A PDF, ODT or DOCX file of at most 20 MB."),
    )
    licence = forms.ChoiceField(
        label=_("Licence"), required=False, choices=[("", _("I do not know")), *Licence.choices]
    )
    proposer_name = forms.CharField(label=_("Your name"), max_length=200)
    proposer_email = forms.EmailField(label=_("Your email"))
    consent_public = forms.BooleanField(
        label=_("The document is public: its authors published it, or I may share it."),
        error_messages={"required": _("Only public documents can be added to the library.")},
    )
    consent_privacy = forms.BooleanField(
        label=_(
            "I agree that my name and email are kept to handle this proposal; they are never "
            "published."
        ),
        error_messages={"required": _("Agree to the privacy notice to send a proposal.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sdgs"].choices = [(sdg.number, str(sdg)) for sdg in SDG.objects.all()]
        self.fields["topics"].choices = [(t.name, t.name) for t in Topic.objects.all()]

    def clean_topics(self):
        return list(Topic.objects.filter(name__in=self.cleaned_data["topics"]))

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in FILE_SIGNATURES:
            raise ValidationError(_("Send a PDF, ODT or DOCX file."), code="file_type")
        if upload.size > MAX_FILE_BYTES:
            raise ValidationError(_("The file is larger than 20 MB."), code="file_size")
        start = upload.read(8)
        upload.seek(0)
        if not start.startswith(FILE_SIGNATURES[extension]):
            raise ValidationError(
                _("This file is not a %(kind)s file.") % {"kind": extension.upper()},
                code="file_content",
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("url") and not cleaned.get("file") and not self.has_error("file"):
            self.add_error("url", _("Give the address of the document, or send the file."))
        return cleaned
