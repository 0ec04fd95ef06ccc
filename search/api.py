"""`/api/v2/search/`, `/api/v2/search/suggest/` and `/api/v2/search/click/`: thin views over
`search.services`."""

import json
import math
import time

from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from wagtail.models import Page

from core.throttling import AnonymousAPIThrottle

from . import searchlog, services
from .middleware import unavailable_response


def _json(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    # Answers depend on the query and the live content: never let a proxy keep them.
    add_never_cache_headers(response)
    return response


def _bad_request(error):
    return _json({"message": error.message, "parameter": error.parameter}, status=400)


def _throttled(request):
    """The read API's anonymous rate limit (API_ANON_THROTTLE_RATE), one budget with
    /api/v2/pages/ and the rest of the read API: a 429 answer with Retry-After, as DRF gives
    there, or None within the limit."""
    throttle = AnonymousAPIThrottle()
    if throttle.allow_request(request, None):
        return None
    seconds = math.ceil(throttle.wait() or 1)
    response = _json(
        {"detail": f"Request was throttled. Expected available in {seconds} seconds."},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


# Read-only: exempt from CSRF so that a method other than GET (QUERY, say) is answered 405 by
# require_GET, not 403 by the CSRF check that runs before it.
@csrf_exempt
@require_GET
def search(request):
    """Faceted search over published cases and science articles."""
    started = time.perf_counter()
    if throttled := _throttled(request):
        return throttled
    try:
        params = services.SearchParams.from_querydict(request.GET)
    except services.InvalidSearchParameter as error:
        return _bad_request(error)
    try:
        result = services.search(params, request=request, absolute_urls=True)
    except services.SearchUnavailable:
        return unavailable_response(request)
    duration = (time.perf_counter() - started) * 1000
    log = searchlog.log_search(request, params, result, duration, source="api")
    data = result.as_api()
    data["search_id"] = log.pk if log else None
    return searchlog.remember(request, _json(data))


@csrf_exempt
@require_GET
def suggest(request):
    """Up to 10 titles that start like `q`, for a search box's autocomplete."""
    if throttled := _throttled(request):
        return throttled
    text = request.GET.get("q", "")
    if len(text) > services.MAX_QUERY_LENGTH:
        error = services.InvalidSearchParameter(
            "q", f"at most {services.MAX_QUERY_LENGTH} characters"
        )
        return _bad_request(error)
    try:
        results = services.suggest(text)
    except services.SearchUnavailable:
        return unavailable_response(request)
    return _json({"q": " ".join(text.split()), "results": results})


# The largest value each field of a click can hold: page ids are Wagtail's (32-bit), positions
# a PositiveIntegerField, search ids a 64-bit key. A larger number is refused here rather than
# failing in the database after the answer said it was recorded.
CLICK_FIELDS = {"page_id": 2**31 - 1, "position": 2**31 - 1, "search_id": 2**63 - 1}


@csrf_exempt
@require_POST
def click(request):
    """Record that a result was opened: {"page_id", "position", "search_id"}."""
    try:
        data = json.loads(request.body or b"{}")
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return _json({"message": "body: send a JSON object", "parameter": "body"}, status=400)
    fields = {}
    for name, largest in CLICK_FIELDS.items():
        value = data.get(name)
        if value is None and name == "search_id":
            fields[name] = None
            continue
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= largest:
            return _json(
                {"message": f"{name}: give a whole number from 1 to {largest}", "parameter": name},
                status=400,
            )
        fields[name] = value
    if not Page.objects.live().filter(pk=fields["page_id"]).exists():
        return _json(
            {"message": "page_id: no published page has this id", "parameter": "page_id"},
            status=400,
        )
    click = searchlog.log_click(request, fields["page_id"], fields["position"], fields["search_id"])
    return searchlog.remember(request, _json({"recorded": click is not None}, status=201))
