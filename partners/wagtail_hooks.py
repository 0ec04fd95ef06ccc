"""Partners in the admin: the Partner snippet (drafts, publishing, revisions) and the inbox of
partner requests, where moderators read a request and accept or decline it."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import InspectView

from core.modeladmin import ReadOnlyPermissionHelper

from . import admin_views, services
from .models import Partner, PartnerRequest, PartnerRequestEmail, PartnershipType


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["name", "partnership_type", "sector", "country", "since_year"]
    list_filter = ["partnership_type", "sector", "live"]
    search_fields = ["name"]


register_snippet(PartnerViewSet)


class PartnerRequestInspectView(InspectView):
    """The request, and the moderator's Accept and Decline buttons while it is undecided."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["instance"] = self.instance
        context["partnership_types"] = PartnershipType.choices
        return context


class PartnerRequestAdmin(ModelAdmin):
    """The inbox. Requests come from the public, so nobody adds, edits or deletes them by
    hand; a moderator's decision is the only change (see admin_views.py)."""

    model = PartnerRequest
    menu_label = _("Partner requests")
    menu_icon = "mail"
    menu_order = 251
    permission_helper_class = ReadOnlyPermissionHelper
    inspect_view_enabled = True
    inspect_view_class = PartnerRequestInspectView
    list_display = ("organisation", "sector", "country", "status", "created_at", "partner_link")
    list_filter = ("status", "sector")
    search_fields = ("organisation", "contact_name", "contact_email")
    inspect_view_fields = (
        "organisation",
        "sector",
        "country",
        "website",
        "contribution",
        "contact_name",
        "contact_email",
        "status",
        "created_at",
        "decided_at",
        "decided_by",
        "anonymised_at",
    )
    list_export = (
        "id",
        "organisation",
        "sector",
        "country",
        "website",
        "contribution",
        "status",
        "created_at",
        "decided_at",
        "contact_name",
        "contact_email",
    )
    export_filename = "partner-requests"

    def partner_link(self, obj):
        if obj.partner_id is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("wagtailsnippets_partners_partner:edit", args=[obj.partner_id]),
            _("Partner record"),
        )

    partner_link.short_description = _("Partner")


modeladmin_register(PartnerRequestAdmin)


@hooks.register("register_admin_urls")
def partner_request_decisions():
    return [
        path(
            "partners/requests/<int:pk>/accept/",
            admin_views.accept,
            name="partners_request_accept",
        ),
        path(
            "partners/requests/<int:pk>/decline/",
            admin_views.decline,
            name="partners_request_decline",
        ),
    ]


@hooks.register("purge_submitter_data")
def purge_partner_contacts(older_than_days):
    """`manage.py purge_submitter_data` also removes the contacts of decided requests."""
    return "partner request(s)", services.purge_contact_data(older_than_days)


@hooks.register("send_pending_notifications")
def queue_unsent_partner_emails():
    """`manage.py send_pending_notifications` also queues unsent emails to partner contacts."""
    from .emails import enqueue_delivery

    pending = PartnerRequestEmail.objects.filter(
        sent_at__isnull=True, request__anonymised_at__isnull=True
    ).values_list("pk", flat=True)
    for pk in pending:
        enqueue_delivery(pk)
    return len(pending)
