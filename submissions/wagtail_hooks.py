"""The admin's submission inbox and survey responses (wagtail-modeladmin), with CSV export."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages

from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from core.modeladmin import ReadOnlyPermissionHelper, SafeExportIndexView

from . import admin_views
from .admin_views import SubmissionInspectView
from .models import Submission, SurveyResponse
from .moderation import refuse_stale_review_action


class SubmissionAdmin(ModelAdmin):
    model = Submission
    menu_label = _("Submission inbox")
    menu_icon = "mail"
    permission_helper_class = ReadOnlyPermissionHelper
    index_view_class = SafeExportIndexView
    inspect_view_enabled = True
    inspect_view_class = SubmissionInspectView
    list_display = (
        "title",
        admin_views.status_tag,
        "created_at",
        admin_views.on_site,
        admin_views.edit_link,
        admin_views.workflow_link,
    )
    list_filter = ("status",)
    search_fields = ("title", "submitter_name", "submitter_email", "submitter_organisation")
    inspect_view_fields = (
        "title",
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
    index_view_extra_css = ["submissions/admin.css"]
    inspect_view_extra_css = ["submissions/admin.css"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("page")


class SurveyResponseAdmin(ModelAdmin):
    model = SurveyResponse
    menu_label = _("Survey responses")
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
    menu_label = _("Submissions")
    menu_icon = "mail"
    menu_order = 250
    items = (SubmissionAdmin, SurveyResponseAdmin)


# Moderation never acts twice, nor on a review that was just decided (moderation.py).
hooks.register("before_edit_page", refuse_stale_review_action)


@hooks.register("before_edit_page")
def show_publish_failure(request, page):
    """Tell the moderator opening a case whose last approval did not publish it why."""
    if request.method != "GET":
        return None
    error = (
        Submission.objects.filter(page_id=page.pk)
        .exclude(publish_error="")
        .values_list("publish_error", flat=True)
        .first()
    )
    if error:
        messages.error(
            request,
            gettext(
                "The last approval did not publish this case, which is still awaiting review: "
                "%(error)s. Fix the problem and approve it again."
            )
            % {"error": error},
        )
    return None
