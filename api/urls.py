"""The API's own URLs, mounted at the site root by closercities/urls.py next to the v2 router."""

from django.urls import path

from wagtail.api.v3.urls import api as api_v3

from . import insights, views

urlpatterns = [
    path("api/v2/map/", views.MapView.as_view(), name="api_map"),
    path("api/v2/map/events/", views.EventMapView.as_view(), name="api_map_events"),
    path("api/v2/cases/<int:pk>/similar/", views.SimilarCasesView.as_view(), name="api_similar"),
    path("api/v2/stats/", views.StatsView.as_view(), name="api_stats"),
    path("api/v2/export/cases.csv", views.CasesCSVView.as_view(), name="api_export_csv"),
    path("api/v2/export/cases.json", views.CasesJSONView.as_view(), name="api_export_json"),
    path("api/v2/network/", views.NetworkView.as_view(), name="api_network"),
    path("api/v2/network.graphml", views.NetworkGraphMLView.as_view(), name="api_network_graphml"),
    path("api/v2/export/links.csv", views.LinksCSVView.as_view(), name="api_export_links_csv"),
    path("api/v2/insights/<str:name>/", insights.InsightView.as_view(), name="api_insights"),
    path("api/v2/research/releases/", insights.ReleaseListView.as_view(), name="api_releases"),
    path(
        "api/v2/research/releases/<str:version>/",
        insights.ReleaseDetailView.as_view(),
        name="api_release",
    ),
    path(
        "api/v2/research/releases/<str:version>/files/<str:name>",
        insights.ReleaseFileView.as_view(),
        name="api_release_file",
    ),
    path("api/v2/schema/", views.SchemaView.as_view(), name="api_schema"),
    path("api/v2/docs/", views.docs, name="api_docs"),
    # Wagtail's own description of v3, corrected where this site answers differently; first,
    # so that it answers this address (v3's docs page reads it from here).
    path("api/v3/openapi.json", views.v3_schema, name="api_v3_schema"),
    # Wagtail API v3: read for everyone (live, public pages only without a token), write with a
    # bearer token; writes to reviewed pages go through moderation (see review.py).
    path("api/v3/", api_v3.urls),
]
