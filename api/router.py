"""The Wagtail API v2 router: pages, images and documents, with the platform's filters, a
listing whose query count does not grow with `limit`, the response cache and the rate limit."""

import copy

from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.db.models import Prefetch

from wagtail.api.v2.filters import FieldsFilter, LocaleFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from articles.models import ArticleAuthor, ArticlePage
from cases.models import CasePage
from cityevents.models import EventPage
from core.caching import cached_read, share_site_root_paths
from core.throttling import AnonymousAPIThrottle
from library.models import LibraryItemPage
from partners.models import Partner

from . import languages
from .filters import ContentFilter, EventFilter, PageFieldsFilter, TaxonomyFilter


def _prefetch_for(model, public_pages):
    """Related objects a page type's API fields read, fetched once per listing page; related
    pages are reduced to the public ones (`public_pages`) in the same query."""
    public_pks = public_pages.values("pk")
    if issubclass(model, CasePage):
        return [
            "sdgs",
            "topics",
            "actors",
            "main_image__renditions",
            Prefetch("articles", ArticlePage.objects.filter(pk__in=public_pks).order_by("pk")),
        ]
    if issubclass(model, ArticlePage):
        return [
            "sdgs",
            "topics",
            Prefetch("authors", ArticleAuthor.objects.select_related("researcher")),
            Prefetch("related_cases", CasePage.objects.filter(pk__in=public_pks).order_by("pk")),
        ]
    if issubclass(model, LibraryItemPage):
        return [
            "sdgs",
            "topics",
            "document",
            Prefetch("related_cases", CasePage.objects.filter(pk__in=public_pks).order_by("pk")),
        ]
    if issubclass(model, EventPage):
        return [
            "sdgs",
            "topics",
            Prefetch("organisers", Partner.objects.live().order_by("name")),
            Prefetch("related_cases", CasePage.objects.filter(pk__in=public_pks).order_by("pk")),
            Prefetch(
                "related_articles", ArticlePage.objects.filter(pk__in=public_pks).order_by("pk")
            ),
        ]
    return []


class CachedReadMixin:
    """Listing and detail answers go through the response cache, with ETag and 304s.

    The cache keys on the address alone, so every request is answered as an anonymous
    visitor's without a session: neither a logged-in editor nor a visitor who entered a
    page's password may add pages or images a view restriction hides (they would be cached
    and served to everyone)."""

    authentication_classes = []
    throttle_classes = [AnonymousAPIThrottle]

    def initialize_request(self, request, *args, **kwargs):
        # A copy, so the visitor's own session and user are untouched for the rest of the
        # request (the session middleware still saves what it holds).
        visitor = copy.copy(request)
        visitor.user = AnonymousUser()
        visitor.session = SessionBase()
        return super().initialize_request(visitor, *args, **kwargs)

    def find_object(self, queryset, request):
        # Wagtail passes `id` to the database as it comes, and an empty or non-numeric
        # value would end in a server error.
        if "id" in request.GET:
            raw = request.GET["id"]
            if not raw.isdigit() or not 0 < int(raw) < 2**63:
                raise BadRequestError(f"id: '{raw}' is not a page id (a positive whole number)")
        return super().find_object(queryset, request)

    def listing_data(self, request):
        return super().listing_view(request).data

    def listing_view(self, request):
        return cached_read(request, lambda: self.listing_data(request))

    def detail_view(self, request, pk):
        return cached_read(
            request, lambda: super(CachedReadMixin, self).detail_view(request, pk).data
        )


class CloserCitiesPageSerializer(PageSerializer):
    language = languages.LanguageField(read_only=True)
    translations = languages.TranslationsField(read_only=True)


# Wagtail's filters with the platform's in their place.
OWN_FILTERS = {FieldsFilter: PageFieldsFilter, LocaleFilter: languages.PageLanguageFilter}


class CloserCitiesPagesAPIViewSet(CachedReadMixin, PagesAPIViewSet):
    """Wagtail's pages with the platform's filters. Every page says its `language` and lists
    its `translations`; without `locale` the listing holds every language, as Wagtail's does
    (`locale=en` for English only), and the listing's meta says which `locale` it holds."""

    base_serializer_class = CloserCitiesPageSerializer
    filter_backends = [
        TaxonomyFilter,
        ContentFilter,
        EventFilter,
        *(OWN_FILTERS.get(backend, backend) for backend in PagesAPIViewSet.filter_backends),
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        TaxonomyFilter.parameters, ContentFilter.parameters, EventFilter.parameters
    )
    body_fields = [*PagesAPIViewSet.body_fields, "language", "translations"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "language", "translations"]

    def listing_data(self, request):
        data = super().listing_data(request)
        data["meta"]["locale"] = languages.requested(request)
        return data

    def get_base_queryset(self):
        # Wagtail asks for it several times per request, and each time reads the view
        # restrictions anew; once per request is enough.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset

    def paginate_queryset(self, queryset):
        # Every page's html_url (and its related pages' urls) needs the sites' root paths:
        # read them once for the listing, not once per page (see share_site_root_paths); the
        # pages' translations are read once for the listing too.
        pages = share_site_root_paths(super().paginate_queryset(queryset))
        return languages.attach_translations(pages, self.get_base_queryset())

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            share_site_root_paths([super().get_object()])
        return super().get_object()

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        if issubclass(queryset.model, CasePage):
            queryset = queryset.select_related("main_image")
        prefetch = _prefetch_for(queryset.model, self.get_base_queryset())
        return queryset.prefetch_related(*prefetch) if prefetch else queryset


class CloserCitiesImagesAPIViewSet(CachedReadMixin, ImagesAPIViewSet):
    """Wagtail's images, minus those in private collections: the same rule as v3 (api/media.py)."""


class CloserCitiesDocumentsAPIViewSet(CachedReadMixin, DocumentsAPIViewSet):
    """Wagtail's documents, minus those in private collections (api/media.py): a file sent
    with a proposal for the library stays private until a moderator publishes the document."""


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CloserCitiesPagesAPIViewSet)
api_router.register_endpoint("images", CloserCitiesImagesAPIViewSet)
api_router.register_endpoint("documents", CloserCitiesDocumentsAPIViewSet)
