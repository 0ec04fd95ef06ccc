"""The research instrument in the Wagtail admin: the researchers' dashboards, the "Was this
useful?" counts per page, and the list of research data releases."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from core.modeladmin import ReadOnlyPermissionHelper

from .dashboards import views
from .models import ResearchRelease


@hooks.register("register_admin_urls")
def research_urls():
    return [
        path("research/feedback/", views.feedback_report, name="insights_feedback_report"),
        path("research/<str:section>/", views.dashboard, name="insights_dashboard"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def dashboards_menu_item():
    return PermissionMenuItem(
        _("Research dashboards"),
        reverse("insights_dashboard", args=["search"]),
        icon_name="table",
        order=250,
        permission=views.DASHBOARD_PERMISSION,
    )


@hooks.register("register_admin_menu_item")
def feedback_menu_item():
    return PermissionMenuItem(
        _("Was this useful?"),
        reverse("insights_feedback_report"),
        icon_name="help",
        order=255,
        permission="insights.view_pagefeedback",
    )


@modeladmin_register
class ResearchReleaseAdmin(ModelAdmin):
    """The research data releases written so far (`manage.py research_release`)."""

    model = ResearchRelease
    menu_label = _("Data releases")
    menu_icon = "download"
    menu_order = 265
    permission_helper_class = ReadOnlyPermissionHelper
    inspect_view_enabled = True
    list_display = ("version", "date_from", "date_to", "created_at", "directory")
    inspect_view_fields = ("version", "date_from", "date_to", "created_at", "directory", "files")
