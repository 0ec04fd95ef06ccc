"""Search logs in the admin, for the researchers who study how professionals search: list,
filter and export as CSV (wagtail-modeladmin, read-only)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from core.modeladmin import ReadOnlyPermissionHelper, SafeExportIndexView

from .models import SearchClick, SearchLog

# How the filters of a logged search read in the admin (the export keeps the JSON).
FILTER_LABELS = {
    "type": _("Type"),
    "sdg": _("SDG"),
    "topic": _("Topic"),
    "country": _("Country"),
    "region": _("Region"),
    "status": _("Status"),
    "year_from": _("From"),
    "year_to": _("To"),
}


def readable_filters(search_log):
    """The filters of a search as a researcher reads them: "SDG: 7, 11 · Topic: mobility"."""
    parts = []
    for name, value in (search_log.filters or {}).items():
        values = value if isinstance(value, list) else [value]
        label = FILTER_LABELS.get(name, name)
        parts.append(f"{label}: {', '.join(str(v) for v in values)}")
    return " · ".join(parts) or "—"


readable_filters.short_description = _("Filters")


class SearchLogAdmin(ModelAdmin):
    model = SearchLog
    menu_label = "Searches"
    menu_icon = "search"
    permission_helper_class = ReadOnlyPermissionHelper
    index_view_class = SafeExportIndexView
    inspect_view_enabled = True
    list_display = ("created_at", "query", readable_filters, "result_count", "page", "source")
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


@hooks.register("register_search_type")
def case_search_type():
    from cases.models import CasePage

    from .results import country_item

    return {
        "key": "case",
        "model": CasePage,
        "label": _("Case"),
        "columns": {
            "country": "country",
            "region": "region",
            "subregion": "subregion",
            "status": "status",
            "year": "start_year",
            "start_year": "start_year",
            "has_video": "has_video",
        },
        "result_fields": ("country", "city", "start_year", "has_video", "main_image"),
        "describe": lambda page: {
            "country": country_item(page.country),
            "city": page.city,
            "start_year": page.start_year,
            "has_video": page.has_video,
        },
        # Video case studies: a case with a video (and its transcript) or without.
        "facets": {
            "has_video": {
                "label": _("Video"),
                "choices": [("true", _("With a video")), ("false", _("Without a video"))],
            }
        },
    }


@hooks.register("register_search_type")
def article_search_type():
    from articles.models import ArticlePage, ArticleType

    return {
        "key": "article",
        "model": ArticlePage,
        "label": _("Science article"),
        "columns": {"year": "publication_date__year", "article_type": "article_type"},
        "result_fields": ("publication_date", "article_type"),
        "describe": lambda page: {
            "publication_date": page.publication_date.isoformat()
            if page.publication_date
            else None,
            "article_type": page.article_type,
        },
        # Science articles of a kind (research article, review, ...).
        "facets": {
            "article_type": {"label": _("Article type"), "choices": ArticleType.choices},
        },
    }
