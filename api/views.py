"""The platform's own read endpoints next to Wagtail's: map, statistics, open-data exports,
and the OpenAPI description with its docs page. Thin: the work is in `services`."""

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views import defaults

from wagtail.api.v2.utils import BadRequestError

from rest_framework.response import Response
from rest_framework.views import APIView

from cases.models import CasePage
from cityevents import filters as event_filters
from cityevents import listing as events
from core.caching import PROCESS_MEMORY, Provisional, cached_read, render_json
from core.throttling import AnonymousAPIThrottle
from exchange import exports, filters, snapshot
from meaning import similar

from . import languages, openapi, services


class ReadEndpoint(APIView):
    """A public, cached, rate-limited GET endpoint. Subclasses give `build(request)` (the data)
    and may set `content_type`; a bad parameter answers 400 naming it."""

    authentication_classes = []
    permission_classes = []
    throttle_classes = [AnonymousAPIThrottle]
    content_type = "application/json"
    filename = None

    def get(self, request):
        response = cached_read(
            request, lambda: self.build(request), self.content_type, store=self.store(request)
        )
        if self.filename:
            response["Content-Disposition"] = f'attachment; filename="{self.filename}"'
        return response

    def store(self, request):
        """Where the answer is cached: Django's shared cache unless a view says otherwise."""
        return None

    def handle_exception(self, exc):
        if isinstance(exc, BadRequestError):
            return Response({"message": str(exc)}, status=400)
        if isinstance(exc, Http404):
            return Response({"message": "not found"}, status=404)
        return super().handle_exception(exc)


class MapView(ReadEndpoint):
    """GeoJSON FeatureCollection of published cases with coordinates."""

    content_type = "application/geo+json"

    def store(self, request):
        # The whole map is built once per content version in each process, and kept out of
        # the shared cache; filtered maps are small and shared as usual.
        return PROCESS_MEMORY if not request.GET else None

    def build(self, request):
        return services.map_features(request)


class EventMapView(ReadEndpoint):
    """GeoJSON FeatureCollection of published events in person with coordinates (the map's
    events layer). Not kept in the server's cache: which events are upcoming changes with the
    clock, not only when content is published."""

    content_type = "application/geo+json"

    def get(self, request):
        try:
            data = events.map_features(request.GET)
        except event_filters.InvalidFilter as error:
            raise BadRequestError(error.message) from None
        response = HttpResponse(render_json(data), content_type=self.content_type)
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        return response


class StatsView(ReadEndpoint):
    """The live figures: cases, articles, countries, last update, and counts per facet."""

    def build(self, request):
        code = languages.requested(request)
        figures = services.statistics(None if code == languages.ALL else code)
        return {**figures, "meta": {"locale": code}}


class CasesCSVView(ReadEndpoint):
    """Every published case as CSV (public fields only)."""

    content_type = "text/csv; charset=utf-8"
    filename = "closercities-cases.csv"

    def build(self, request):
        return services.cases_csv()


class CasesJSONView(ReadEndpoint):
    """Every published case as JSON (public fields only), with the licence."""

    def build(self, request):
        return services.cases_json()


class SimilarCasesView(ReadEndpoint):
    """The live, public cases most like one case, with a score and the reasons."""

    MAX_LIMIT = 50

    def get(self, request, pk):
        self.pk = pk
        return super().get(request)

    def build(self, request):
        raw = request.GET.get("limit", "10")
        if not raw.isdigit() or not 1 <= int(raw) <= self.MAX_LIMIT:
            raise BadRequestError(f"limit: give a whole number from 1 to {self.MAX_LIMIT}")
        # Drafts, private and unknown cases are all just "not found".
        case = None
        if self.pk < 2**63:
            case = CasePage.objects.live().public().filter(pk=self.pk).first()
        if case is None:
            raise Http404
        items = similar.similar_cases(case, limit=int(raw))
        return {"results": similar.as_api(items, request)}


def _network_filters(request):
    try:
        return filters.from_querydict(request.GET)
    except filters.InvalidFilter as error:
        raise BadRequestError(str(error)) from None


class NetworkView(ReadEndpoint):
    """The knowledge network: nodes, edges and metrics (exchange/snapshot.py). Right after a
    change, until the background build is done, the previous version's network, marked
    `meta.stale` and not cached."""

    def build(self, request):
        data = snapshot.network(_network_filters(request), allow_stale=True)
        data = {**data, "meta": {**data["meta"], "locale": languages.requested(request)}}
        return Provisional(data) if data["meta"]["stale"] else data


class NetworkGraphMLView(ReadEndpoint):
    """The same network as GraphML, for networkx, Gephi and Cytoscape desktop."""

    content_type = "application/graphml+xml; charset=utf-8"
    filename = "closercities-network.graphml"

    def build(self, request):
        return exports.graphml(snapshot.build(_network_filters(request)))


class LinksCSVView(ReadEndpoint):
    """Every public knowledge-transfer link (and approved adoption) as CSV."""

    content_type = "text/csv; charset=utf-8"
    filename = "closercities-links.csv"

    def build(self, request):
        return exports.links_csv()


class SchemaView(ReadEndpoint):
    """The OpenAPI 3 description of the API."""

    throttle_classes = []
    content_type = "application/vnd.oai.openapi+json"

    def build(self, request):
        return openapi.description(request)


def v3_schema(request):
    """Wagtail API v3's OpenAPI description, as this site answers (see openapi/v3.py)."""
    return JsonResponse(openapi.v3.description(), json_dumps_params={"ensure_ascii": False})


def docs(request):
    """The browsable API documentation (Swagger UI, served from this site's static files)."""
    return render(request, "api/docs.html", {"schema_url": "/api/v2/schema/"})


def page_not_found(request, exception=None):
    """404 for the whole site: JSON under /api/ (what an API client can read), the site's
    page everywhere else."""
    if request.path.startswith("/api/"):
        return JsonResponse({"message": "not found"}, status=404)
    return defaults.page_not_found(request, exception)
