"""The Wagtail API v2 router: pages, images and documents, with the platform's taxonomy filters."""

from types import SimpleNamespace

from django.db.models import Q

from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import get_page_models

from django_countries import countries
from rest_framework.filters import BaseFilterBackend

from taxonomy.models import SDG_NUMBERS


def _values(request, name):
    """All values of a parameter, given repeated (?sdg=1&sdg=2) or comma-separated (?sdg=1,2)."""
    values = []
    for raw in request.GET.getlist(name):
        values.extend(part.strip() for part in raw.split(",") if part.strip())
    return values


def _sdg_numbers(request):
    numbers = []
    for value in _values(request, "sdg"):
        try:
            number = int(value)
        except ValueError:
            number = None
        if number not in SDG_NUMBERS:
            raise BadRequestError(f"sdg: '{value}' is not an SDG number (1 to 17)")
        numbers.append(number)
    return numbers


def _country_codes(request):
    codes = []
    for value in _values(request, "country"):
        code = value.upper()
        if code not in countries:
            raise BadRequestError(f"country: '{value}' is not an ISO 3166-1 alpha-2 country code")
        codes.append(code)
    return codes


class TaxonomyFilter(BaseFilterBackend):
    """`sdg`, `topic` and `country` on the pages listing.

    Values within a parameter combine with OR, parameters with AND. They work with or without
    `type`: without it, a page matches if its own type carries the field and the value.
    """

    parameters = ("sdg", "topic", "country")

    def filter_queryset(self, request, queryset, view):
        lookups = {
            "sdgs__number__in": _sdg_numbers(request),
            "topics__slug__in": [v.lower() for v in _values(request, "topic")],
            "country__in": _country_codes(request),
        }
        for lookup, values in lookups.items():
            if values:
                queryset = self._filter(queryset, lookup, values)
        return queryset

    def _filter(self, queryset, lookup, values):
        field_name = lookup.split("__", 1)[0]
        condition = Q(pk__in=[])
        for model in get_page_models():
            if any(f.name == field_name for f in model._meta.get_fields()):
                matching = model.objects.filter(**{lookup: values}).values("pk")
                condition |= Q(pk__in=matching)
        return queryset.filter(condition)


class PageFieldsFilter(FieldsFilter):
    """Wagtail's exact-match field filters, minus the parameters TaxonomyFilter owns
    (so `country=pe` is not also matched literally against the stored "PE")."""

    def filter_queryset(self, request, queryset, view):
        params = request.GET.copy()
        for name in TaxonomyFilter.parameters:
            params.pop(name, None)
        return super().filter_queryset(SimpleNamespace(GET=params), queryset, view)


class CloserCitiesPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        TaxonomyFilter,
        *(
            PageFieldsFilter if backend is FieldsFilter else backend
            for backend in PagesAPIViewSet.filter_backends
        ),
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(TaxonomyFilter.parameters)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CloserCitiesPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
