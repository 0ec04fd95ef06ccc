"""The library in the one search service (`type=library`, with its own facet `document_type`),
the admin's list of document proposals, and what `purge_submitter_data` removes."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from core.modeladmin import ReadOnlyPermissionHelper

from .models import DocumentType, LibraryItemPage
from .proposals import DocumentProposal


def describe(page):
    """What a search result shows of a library document besides its title and summary."""
    return {
        "country": {"code": page.country.code, "name": str(page.country.name)}
        if page.country
        else None,
        "city": page.city or None,
        "document_type": page.document_type,
        "organisation": page.organisation,
        "year": page.year,
    }


@hooks.register("register_search_type")
def library_search_type():
    return {
        "key": "library",
        "model": LibraryItemPage,
        "label": _("Library document"),
        "columns": {
            "country": "country",
            "region": "region",
            "subregion": "subregion",
            "year": "year",
            "document_type": "document_type",
        },
        "result_fields": ("city", "country", "document_type", "organisation", "year"),
        "describe": describe,
        "facets": {
            "document_type": {"label": _("Type of document"), "choices": DocumentType.choices}
        },
    }


@hooks.register("purge_personal_data")
def purge_proposers(older_than_days, now):
    from .services import purge_proposer_data

    count = purge_proposer_data(older_than_days, now=now)
    return f"Anonymised {count} document proposal(s) decided more than {older_than_days} days ago."


class DocumentProposalAdmin(ModelAdmin):
    """Who proposed which document, for Moderators: read-only, never exported."""

    model = DocumentProposal
    menu_label = _("Document proposals")
    menu_icon = "doc-full"
    menu_order = 255
    permission_helper_class = ReadOnlyPermissionHelper
    inspect_view_enabled = True
    list_display = ("title", "status", "created_at", "page_link")
    list_filter = ("status",)
    search_fields = ("title",)
    inspect_view_fields = (
        "title",
        "status",
        "created_at",
        "updated_at",
        "proposer_name",
        "proposer_email",
        "anonymised_at",
    )

    def page_link(self, obj):
        if obj.page_id is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("wagtailadmin_pages:edit", args=[obj.page_id]),
            _("Edit the draft"),
        )

    page_link.short_description = _("Library page")


modeladmin_register(DocumentProposalAdmin)
