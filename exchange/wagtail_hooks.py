"""The knowledge exchange in the admin: the links listing, adoption reports to review (approve,
reject, turn into a draft case), delivery of questions to case teams, the researchers' anonymous
record of contact requests and their network export, and external sources as snippets."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from core.modeladmin import ReadOnlyPermissionHelper

from . import admin_views
from .models import (
    AdoptionReport,
    ContactMessage,
    ContactRequestRecord,
    ExternalSource,
    KnowledgeLink,
    ReviewStatus,
)


class ExternalSourceViewSet(SnippetViewSet):
    model = ExternalSource
    icon = "site"
    menu_label = _("External sources")
    add_to_admin_menu = False
    list_display = ["title", "city", "country", "url"]
    search_fields = ["title", "city"]


register_snippet(ExternalSourceViewSet)


def _edit_case_link(page_id, text):
    return format_html(
        '<a href="{}">{}</a>', reverse("wagtailadmin_pages:edit", args=[page_id]), text
    )


class KnowledgeLinkAdmin(ModelAdmin):
    """Every link, public or not. Links are edited on their case (so they go through the
    case's review): the listing leads there."""

    model = KnowledgeLink
    menu_label = _("Knowledge links")
    menu_icon = "link"
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ("source", "target_case", "kind", "channel", "year", "public")
    list_filter = ("kind", "channel", "year")
    search_fields = ("target__title", "source_case__title", "source_external__title")
    list_export = ("id", "target_id", "source_case_id", "source_external_id", "kind", "channel")
    list_export += ("year", "description")
    export_filename = "knowledge-links"

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("target", "source_case", "source_external")
        )

    def source(self, obj):
        return obj.source_label

    source.short_description = _("Learned from")

    def target_case(self, obj):
        return _edit_case_link(obj.target_id, obj.target.title)

    target_case.short_description = _("Case (edit the link there)")

    def public(self, obj):
        from .network import public_links

        return _("yes") if public_links().filter(pk=obj.pk).exists() else _("no")

    public.short_description = _("Public")


class AdoptionButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if not self.permission_helper.user_has_specific_permission(
            self.request.user, "change_adoptionreport"
        ):
            return buttons
        actions = []
        if obj.status != ReviewStatus.APPROVED:
            actions.append(("approve", _("Approve")))
        if obj.status != ReviewStatus.REJECTED:
            actions.append(("reject", _("Reject")))
        if not obj.draft_case_id:
            actions.append(("draft", _("Turn into a draft case")))
        for action, label in actions:
            buttons.append(
                {
                    "url": reverse("exchange_admin:adoption_action", args=[obj.pk, action]),
                    "label": label,
                    "classname": "button button-small button-secondary",
                    "title": label,
                }
            )
        return buttons


class AdoptionReportAdmin(ModelAdmin):
    model = AdoptionReport
    menu_label = _("Adoption reports")
    menu_icon = "tick"
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = AdoptionButtonHelper
    inspect_view_enabled = True
    list_display = ("case", "city", "country", "stage", "status", "created_at", "draft")
    list_filter = ("status", "stage", "organisation_sector")
    search_fields = ("city", "case__title", "what_was_used")
    inspect_view_fields = (
        "case",
        "city",
        "country",
        "organisation_sector",
        "what_was_used",
        "stage",
        "year",
        "contact_email",
        "status",
        "created_at",
        "reviewed_at",
        "reviewed_by",
        "draft_case",
    )

    def draft(self, obj):
        return _edit_case_link(obj.draft_case_id, _("Edit")) if obj.draft_case_id else "—"

    draft.short_description = _("Draft case")


class ContactMessageAdmin(ModelAdmin):
    """Whether questions reached the case teams (the details are erased once sent)."""

    model = ContactMessage
    menu_label = _("Questions to case teams")
    menu_icon = "mail"
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ("case", "created_at", "sent_at", "attempts", "last_error")
    list_filter = ("sent_at",)


class ContactRequestRecordAdmin(ModelAdmin):
    """For researchers: who asked about which case, by sector and country, anonymously."""

    model = ContactRequestRecord
    menu_label = _("Contact requests (research)")
    menu_icon = "doc-full"
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = ("case", "sector", "country", "created_on")
    list_filter = ("sector", "created_on")
    list_export = ("id", "case_id", "sector", "country", "created_on")
    export_filename = "contact-requests"
    index_template_name = "exchange/admin/contact_requests_index.html"


@modeladmin_register
class ExchangeGroup(ModelAdminGroup):
    menu_label = _("Knowledge exchange")
    menu_icon = "link"
    menu_order = 260
    items = (
        KnowledgeLinkAdmin,
        AdoptionReportAdmin,
        ContactMessageAdmin,
        ContactRequestRecordAdmin,
    )


@hooks.register("register_admin_urls")
def exchange_admin_urls():
    urls = [
        path(
            "adoptions/<int:pk>/<str:action>/",
            admin_views.adoption_action,
            name="adoption_action",
        ),
        path(
            "research/network.graphml",
            admin_views.research_network_graphml,
            name="research_network",
        ),
    ]
    return [path("exchange/", (urls, "exchange_admin", "exchange_admin"))]
