"""The admin's submission inbox and survey responses (wagtail-modeladmin), with CSV export."""

from django.urls import reverse
from django.utils.html import format_html

from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from core.modeladmin import ReadOnlyPermissionHelper, SafeExportIndexView

from .models import Submission, SurveyResponse


class SubmissionAdmin(ModelAdmin):
    model = Submission
    menu_label = "Submission inbox"
    menu_icon = "mail"
    permission_helper_class = ReadOnlyPermissionHelper
    index_view_class = SafeExportIndexView
    inspect_view_enabled = True
    list_display = ("title", "status", "created_at", "page_link", "workflow_link")
    list_filter = ("status",)
    search_fields = ("title", "submitter_name", "submitter_email", "submitter_organisation")
    inspect_view_fields = (
        "title",
        "status",
        "created_at",
        "updated_at",
        "submitter_name",
        "submitter_email",
        "submitter_organisation",
        "anonymised_at",
    )
    list_export = (
        "id",
        "title",
        "status",
        "created_at",
        "updated_at",
        "page_id",
        "submitter_name",
        "submitter_email",
        "submitter_organisation",
    )
    export_filename = "submissions"

    def page_link(self, obj):
        if obj.page_id is None:
            return "—"
        return format_html(
            '<a href="{}">Edit the draft</a>',
            reverse("wagtailadmin_pages:edit", args=[obj.page_id]),
        )

    page_link.short_description = "Case page"

    def workflow_link(self, obj):
        if obj.page_id is None:
            return "—"
        return format_html(
            '<a href="{}">Workflow history</a>',
            reverse("wagtailadmin_pages:workflow_history", args=[obj.page_id]),
        )

    workflow_link.short_description = "Workflow"


class SurveyResponseAdmin(ModelAdmin):
    model = SurveyResponse
    menu_label = "Survey responses"
    menu_icon = "list-ul"
    permission_helper_class = ReadOnlyPermissionHelper
    index_view_class = SafeExportIndexView
    inspect_view_enabled = True
    list_display = ("created_at", "sector", "country")
    list_filter = ("sector", "created_at")
    list_export = (
        "id",
        "created_at",
        "sector",
        "country",
        "learning_channels",
        "what_learned",
        "motivations",
        "barriers",
        "learning_levels",
        "comments",
    )
    export_filename = "survey-responses"


@modeladmin_register
class SubmissionsGroup(ModelAdminGroup):
    menu_label = "Submissions"
    menu_icon = "mail"
    menu_order = 250
    items = (SubmissionAdmin, SurveyResponseAdmin)
