"""Thin views over forms.py (validation) and services.py (what happens to valid input)."""

import contextlib
import time

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks

from rest_framework import status as http
from rest_framework.exceptions import ParseError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from core.cache_backends import CacheUnavailable
from core.throttling import SubmissionRateThrottle

from . import services
from .fields import MAX_ACTORS
from .forms import CaseSubmissionForm, SurveyForm, errors_as_json, json_type_errors
from .models import Submission, new_token


class PublicSubmissionThrottle(SubmissionRateThrottle):
    """At most 5 accepted submissions an hour from one client (by IP address), for the API and
    the HTML form alike, counted in Django's default cache. Production's cache (Redis, or a
    database table) is shared by every server process, so the limit holds across gunicorn
    workers; when it cannot be reached, submissions are refused until it is back.

    Every request is counted as it arrives (one atomic round trip); one that is refused, for
    going over the limit or for mistakes in what was sent (`refund`), is taken off the count
    again, so only accepted submissions count."""

    rate = "5/hour"
    scope = "public-submissions"

    def get_cache_key(self, request, view):
        return self.cache_format % {
            "scope": f"{self.scope}-{view.throttle_scope}",
            "ident": self.get_ident(request),
        }

    def allow_request(self, request, view):
        key = self.get_cache_key(request, view)
        window = int(time.time() // self.duration)
        if hasattr(request, "closercities_cache_read"):
            del request.closercities_cache_read
        allowed = super().allow_request(request, view)
        # Set when the count was made; absent when the cache could not be reached.
        if hasattr(request, "closercities_cache_read"):
            request.closercities_submission_count = f"{key}:{window}"
            if not allowed:
                refund(request)
        return allowed


def refund(request):
    """Take a refused submission off its client's count."""
    key = getattr(request, "closercities_submission_count", None)
    if key is None:
        return
    request.closercities_submission_count = None
    # Gone or unreachable: nothing to take back, and the window expires anyway.
    with contextlib.suppress(ValueError, CacheUnavailable):
        caches[DEFAULT_CACHE_ALIAS].decr(key)


class _RateLimited:
    def __init__(self, throttle_scope):
        self.throttle_scope = throttle_scope


def form_post_allowed(request, scope):
    """The HTML forms share the API's limit (by scope), so switching channels does not help."""
    return PublicSubmissionThrottle().allow_request(request, _RateLimited(scope))


def status_url(request, token):
    return request.build_absolute_uri(reverse("submissions:status", args=[token]))


def _form_data(request):
    """A JSON object, or the fields of a form/multipart body."""
    data = request.data
    if hasattr(data, "getlist") or isinstance(data, dict):
        return data
    return None


class PublicSubmissionAPIView(APIView):
    # Anonymous by design: no session, so no CSRF token is needed from other sites' tools.
    authentication_classes = []
    permission_classes = []
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    throttle_classes = [PublicSubmissionThrottle]
    form_class = None

    def post(self, request):
        data = _form_data(request)
        if data is None:
            return self.bad_request(
                {"non_field_errors": [_("Send a JSON object with the fields.")]}
            )
        type_errors = {}
        if not hasattr(data, "getlist"):  # JSON: every field must have its JSON type
            type_errors = json_type_errors(self.form_class, data)
            data = {k: v for k, v in data.items() if k not in type_errors}
        form = self.form_class(data, request.FILES)
        if form.is_spam():
            return Response(self.accepted(request, None), status=http.HTTP_201_CREATED)
        if type_errors or not form.is_valid():
            return self.bad_request({**errors_as_json(form), **type_errors})
        result = self.save(form.cleaned_data)
        return Response(self.accepted(request, result), status=http.HTTP_201_CREATED)

    def bad_request(self, errors):
        refund(self.request)  # mistakes do not count towards the limit
        return Response({"errors": errors}, status=http.HTTP_400_BAD_REQUEST)

    def handle_exception(self, exc):
        # A body that is not JSON (or JSON with Infinity/NaN, which JSON does not have) gets
        # the submissions' own answer, like every other mistake.
        if isinstance(exc, ParseError):
            return self.bad_request(
                {
                    "non_field_errors": [
                        _("The body is not valid JSON: %(problem)s") % {"problem": exc.detail}
                    ]
                }
            )
        return super().handle_exception(exc)


class CaseSubmissionAPIView(PublicSubmissionAPIView):
    """`POST /api/v2/submissions/cases/`: send a case for review."""

    throttle_scope = "cases"
    form_class = CaseSubmissionForm

    def save(self, data):
        return services.submit_case(data)

    def accepted(self, request, submission):
        # A honeypot hit gets the same answer with a token that leads nowhere.
        token = submission.token if submission else new_token()
        return {"status": "received", "token": token, "status_url": status_url(request, token)}


class SurveyAPIView(PublicSubmissionAPIView):
    """`POST /api/v2/submissions/survey/`: answer the "Tell us how you share" survey."""

    throttle_scope = "survey"
    form_class = SurveyForm

    def save(self, data):
        return services.save_survey_response(data)

    def accepted(self, request, response):
        return {"status": "received"}


def _thanks_key(page):
    return f"submissions:thanks:{page.pk}"


def _private(response):
    # Personal pages (a status link, what someone typed): never in shared caches.
    response["Cache-Control"] = "private, no-store"
    return response


def _serve_form(page, request, form_class, template, save, scope):
    """The HTML form: shown, sent back with the mistakes beside the fields (400), refused over
    the rate limit with what was typed kept (429), or accepted and redirected to the thank-you
    page, so reloading never sends it again."""
    context = page.get_context(request)
    if request.method != "POST":
        initial = _initial(request) if form_class is CaseSubmissionForm else {}
        context["form"] = form_class(initial=initial)
        response = render(request, template, context)
        return _private(response) if initial else response
    limiter, view = PublicSubmissionThrottle(), _RateLimited(scope)
    extra = {}
    if "add_actor_rows" in request.POST:
        # "Add more rows" without JavaScript: the same form, with room for more actors.
        extra["actor_rows"] = min(_filled_actor_rows(request.POST) + 3, MAX_ACTORS)
    form = form_class(request.POST, request.FILES, **extra)
    if extra:
        context.update(form=form, quiet=True)
        return _private(render(request, template, context))
    if not limiter.allow_request(request, view):
        context.update(form=form, rate_limited=True, quiet=True)
        return _private(render(request, template, context, status=429))
    if form.is_spam():
        return redirect(page.url + "thanks/")
    if not form.is_valid():
        refund(request)  # mistakes do not count towards the limit
        context["form"] = form
        return _private(render(request, template, context, status=400))
    result = save(form.cleaned_data)
    if isinstance(result, Submission):
        request.session[_thanks_key(page)] = result.token
    return redirect(page.url + "thanks/")


def _initial(request):
    """Starting values another app offers for the case form (e.g. benchmark/, "submit this
    project as a case"), through the `case_submission_initial` Wagtail hook."""
    initial = {}
    for hook in hooks.get_hooks("case_submission_initial"):
        initial.update(hook(request) or {})
    return initial


def _filled_actor_rows(data):
    return len(
        [
            i
            for i in range(MAX_ACTORS)
            if data.get(f"actors-{i}-organisation", "").strip()
            and not data.get(f"actors-{i}-remove")
        ]
    )


def serve_thanks(page, request, template):
    """The thank-you page an accepted form leads to; the status link of the case just sent
    is kept in the sender's session."""
    context = page.get_context(request)
    context["done"] = True
    token = request.session.get(_thanks_key(page))
    if token:
        context["result"] = Submission.objects.filter(token=token).first()
    return _private(render(request, template, context))


def serve_case_form(page, request):
    return _serve_form(
        page,
        request,
        CaseSubmissionForm,
        "submissions/submit_case_page.html",
        services.submit_case,
        "cases",
    )


def serve_survey_form(page, request):
    return _serve_form(
        page,
        request,
        SurveyForm,
        "submissions/survey_page.html",
        services.save_survey_response,
        "survey",
    )


def submission_status(request, token):
    """Where a submitted case stands: its title and status, and the case once it is public."""
    if len(token) > 64:
        raise Http404
    submission = get_object_or_404(Submission.objects.select_related("page"), token=token)
    page = submission.page
    context = {
        "submission": submission,
        "log": submission.log.all(),
        "public_page": page
        if page is not None and page.live and not page.get_view_restrictions()
        else None,
    }
    response = _private(render(request, "submissions/status.html", context))
    # Personal links: keep them out of search engines.
    response["X-Robots-Tag"] = "noindex"
    return response
