"""Query parameters shared by the pages listing, the map and the exports.

Every parameter is read in one place, and a bad value raises `BadRequestError` with a message
that starts with the parameter's name, which every endpoint turns into HTTP 400.
"""

from types import SimpleNamespace

from django.db.models import Q

from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import get_page_models

from django_countries import countries
from rest_framework.filters import BaseFilterBackend

from cases.models import CasePage, Status
from cityevents import filters as event_filters
from cityevents.models import EventPage
from library.models import DocumentType, LibraryItemPage
from taxonomy import regions
from taxonomy.models import SDG_NUMBERS

YEAR_MIN, YEAR_MAX = 1900, 2100
REGION_CODES = set(regions.REGIONS) | set(regions.SUBREGIONS)


def values(request, name):
    """All values of a parameter, given repeated (?sdg=1&sdg=2) or comma-separated (?sdg=1,2)."""
    found = []
    for raw in request.GET.getlist(name):
        found.extend(part.strip() for part in raw.split(",") if part.strip())
    return found


def sdg_numbers(request):
    numbers = []
    for value in values(request, "sdg"):
        try:
            number = int(value)
        except ValueError:
            number = None
        if number not in SDG_NUMBERS:
            raise BadRequestError(f"sdg: '{value}' is not an SDG number (1 to 17)")
        numbers.append(number)
    return numbers


def country_codes(request):
    codes = []
    for value in values(request, "country"):
        code = value.upper()
        if code not in countries:
            raise BadRequestError(f"country: '{value}' is not an ISO 3166-1 alpha-2 country code")
        codes.append(code)
    return codes


def topic_slugs(request):
    return [value.lower() for value in values(request, "topic")]


def region_codes(request):
    codes = []
    for value in values(request, "region"):
        if value not in REGION_CODES:
            raise BadRequestError(
                f"region: '{value}' is not a UN M49 region or sub-region code (such as 002 or 014)"
            )
        codes.append(value)
    return codes


def statuses(request):
    found = []
    for value in values(request, "status"):
        if value not in Status.values:
            raise BadRequestError(f"status: '{value}' is not one of {', '.join(Status.values)}")
        found.append(value)
    return found


def year(request, name):
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    try:
        number = int(raw)
    except ValueError:
        number = None
    if number is None or not YEAR_MIN <= number <= YEAR_MAX:
        raise BadRequestError(f"{name}: '{raw}' is not a year from {YEAR_MIN} to {YEAR_MAX}")
    return number


def year_range(request):
    year_from, year_to = year(request, "year_from"), year(request, "year_to")
    if year_from and year_to and year_from > year_to:
        raise BadRequestError("year_to: must not be before year_from")
    return year_from, year_to


def _has_field(model, name):
    return any(field.name == name for field in model._meta.get_fields())


def conditions(request, model):
    """The filters of the request as a Q on `model`, or None if `model` cannot match them
    (it lacks a field the request filters on)."""
    year_from, year_to = year_range(request)
    wanted = [
        ("sdgs", Q(sdgs__number__in=sdg_numbers(request)), bool(values(request, "sdg"))),
        ("topics", Q(topics__slug__in=topic_slugs(request)), bool(values(request, "topic"))),
        ("country", Q(country__in=country_codes(request)), bool(values(request, "country"))),
        ("status", Q(status__in=statuses(request)), bool(values(request, "status"))),
    ]
    regions_wanted = region_codes(request)
    condition = Q()
    for field, q, active in wanted:
        if active:
            if not _has_field(model, field):
                return None
            condition &= q
    if regions_wanted:
        if not _has_field(model, "region"):
            return None
        condition &= Q(region__in=regions_wanted) | Q(subregion__in=regions_wanted)
    if year_from or year_to:
        # Cases are dated by the year they started, articles by their publication, events by
        # the year they take place.
        if _has_field(model, "start_year"):
            field = "start_year"
        elif _has_field(model, "publication_date"):
            field = "publication_date__year"
        elif model is LibraryItemPage:
            field = "year"
        elif model is EventPage:
            field = "start__year"
        else:
            return None
        if year_from:
            condition &= Q(**{f"{field}__gte": year_from})
        if year_to:
            condition &= Q(**{f"{field}__lte": year_to})
    return condition


class TaxonomyFilter(BaseFilterBackend):
    """`sdg`, `topic`, `country`, `region`, `status`, `year_from` and `year_to` on the pages
    listing.

    Values within a parameter combine with OR, parameters with AND. They work with or without
    `type`: without it, a page matches if its own type carries the fields and the values.
    """

    parameters = ("sdg", "topic", "country", "region", "status", "year_from", "year_to")

    def filter_queryset(self, request, queryset, view):
        if not any(name in request.GET for name in self.parameters):
            return queryset
        matching = Q(pk__in=[])
        for model in get_page_models():
            condition = conditions(request, model)
            if condition is None or not condition:
                continue
            matching |= Q(pk__in=model.objects.filter(condition).values("pk"))
        if not any(values(request, name) for name in self.parameters):
            return queryset
        return queryset.filter(matching)


class ContentFilter(BaseFilterBackend):
    """`document_type` (library documents of these types: policy, strategy, …; OR within it)
    and `has_video` (cases with a video: true, or without: false). With either, only the
    pages that carry the field are listed; a value that is not one of the choices is a 400."""

    parameters = ("document_type", "has_video")
    BOOLEANS = {"true": True, "false": False}

    def filter_queryset(self, request, queryset, view):
        types = values(request, "document_type")
        for value in types:
            if value not in DocumentType.values:
                raise BadRequestError(
                    f"document_type: '{value}' is not one of {', '.join(DocumentType.values)}"
                )
        if types:
            chosen = LibraryItemPage.objects.filter(document_type__in=types)
            queryset = queryset.filter(pk__in=chosen.values("pk"))
        videos = values(request, "has_video")
        for value in videos:
            if value not in self.BOOLEANS:
                raise BadRequestError(f"has_video: '{value}' is not one of true, false")
        if videos:
            chosen = CasePage.objects.filter(has_video__in=[self.BOOLEANS[v] for v in videos])
            queryset = queryset.filter(pk__in=chosen.values("pk"))
        return queryset


class EventFilter(BaseFilterBackend):
    """`event_type` (OR within it), `starts_after` (the start is at or after this date or
    moment) and `starts_before` (the start is before it): with them, only events are listed.
    Dates are midnight UTC; a date and time without an offset is UTC."""

    parameters = ("event_type", "starts_after", "starts_before")

    def filter_queryset(self, request, queryset, view):
        try:
            condition = event_filters.api_condition(request.GET)
        except event_filters.InvalidFilter as error:
            raise BadRequestError(error.message) from None
        if condition is None:
            return queryset
        return queryset.filter(pk__in=EventPage.objects.filter(condition).values("pk"))


class PageFieldsFilter(FieldsFilter):
    """Wagtail's exact-match field filters, minus the parameters TaxonomyFilter and EventFilter
    own (so `country=pe` is not also matched literally against the stored "PE")."""

    def filter_queryset(self, request, queryset, view):
        params = request.GET.copy()
        for name in (
            *TaxonomyFilter.parameters,
            *ContentFilter.parameters,
            *EventFilter.parameters,
        ):
            params.pop(name, None)
        return super().filter_queryset(SimpleNamespace(GET=params), queryset, view)
