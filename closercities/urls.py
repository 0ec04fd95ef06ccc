from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from api import api_router
from home.views import case_map, favicon, robots_txt, sdg_stylesheet

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/submissions/", include("submissions.api_urls")),
    path("api/v2/benchmark/", include("benchmark.api_urls")),
    path("api/v2/partners/", include("partners.api_urls")),
    path("", include("api.urls")),
    path("api/v2/search/", include("search.api_urls")),
    path("api/v2/", api_router.urls),
    path("feedback/", include("insights.urls")),
    path("", include("alerts.feed_urls")),
    path("", include("cityevents.urls")),
    path("api/v2/exchange/", include("exchange.api_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    path("sdg-colours.css", sdg_stylesheet, name="sdg_colours"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
]

# The site's pages in the visitor's language: English (the default) unprefixed, so every
# existing address keeps working; the other languages under their code (/fr/cases/…). The API,
# admin, sitemap, robots and feeds above stay outside: one address each, whatever the language.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("submissions/", include("submissions.urls")),
    path("proposals/", include("library.urls")),
    path("alerts/", include("alerts.urls")),
    path("partners/requests/", include("partners.urls")),
    path("", include("exchange.urls")),
    path("benchmark/result/", include("benchmark.urls")),
    path("map/", case_map, name="map"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# API clients get a JSON 404 under /api/; everyone else gets the site's page.
handler404 = "api.views.page_not_found"
