"""Search logs in the admin, for the researchers who study how professionals search: list,
filter and export as CSV (wagtail-modeladmin, read-only)."""

from wagtail import hooks

from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from core.modeladmin import ReadOnlyPermissionHelper, SafeExportIndexView

from .models import SearchClick, SearchLog


class SearchLogAdmin(ModelAdmin):
    model = SearchLog
    menu_label = "Searches"
    menu_icon = "search"
    permission_helper_class = ReadOnlyPermissionHelper
    index_view_class = SafeExportIndexView
    inspect_view_enabled = True
    list_display = ("created_at", "query", "filters", "result_count", "page", "source")
    list_filter = ("source", "order", "created_at")
    search_fields = ("query",)
    list_export = (
        "id",
        "created_at",
        "session",
        "source",
        "query",
        "filters",
        "order",
        "page",
        "result_count",
        "duration_ms",
    )
    export_filename = "search-log"


class SearchClickAdmin(ModelAdmin):
    model = SearchClick
    menu_label = "Result clicks"
    menu_icon = "link"
    permission_helper_class = ReadOnlyPermissionHelper
    index_view_class = SafeExportIndexView
    list_display = ("created_at", "page_id", "position", "search")
    list_filter = ("created_at",)
    list_export = ("id", "created_at", "session", "search_id", "page_id", "position")
    export_filename = "search-clicks"


@modeladmin_register
class SearchResearchGroup(ModelAdminGroup):
    menu_label = "Search research"
    menu_icon = "search"
    menu_order = 260
    items = (SearchLogAdmin, SearchClickAdmin)


@hooks.register("page_listing")
def page_listing(request, content_type):
    """The index pages list their published pages through the search service."""
    from .listing import page_listing

    return page_listing(request, content_type)
