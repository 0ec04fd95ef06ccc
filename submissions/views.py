"""Thin views over forms.py (validation) and services.py (what happens to valid input)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from rest_framework import status as http
from rest_framework.exceptions import ParseError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from core.throttling import SubmissionRateThrottle

from . import services
from .forms import CaseSubmissionForm, SurveyForm, errors_as_json
from .models import Submission, new_token


class PublicSubmissionThrottle(SubmissionRateThrottle):
    """At most 5 submissions an hour from one client (by IP address), counted in Django's
    default cache, for the API and the HTML form alike. Production's cache (Redis, or a
    database table) is shared by every server process, so the limit holds across gunicorn
    workers; when it cannot be reached, submissions are refused until it is back."""

    rate = "5/hour"
    scope = "public-submissions"

    def get_cache_key(self, request, view):
        return self.cache_format % {
            "scope": f"{self.scope}-{view.throttle_scope}",
            "ident": self.get_ident(request),
        }


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
            return Response(
                {"errors": {"non_field_errors": ["Send a JSON object with the fields."]}},
                status=http.HTTP_400_BAD_REQUEST,
            )
        form = self.form_class(data, request.FILES)
        if form.is_spam():
            return Response(self.accepted(request, None), status=http.HTTP_201_CREATED)
        if not form.is_valid():
            return Response({"errors": errors_as_json(form)}, status=http.HTTP_400_BAD_REQUEST)
        return Response(
            self.accepted(request, self.save(form.cleaned_data)), status=http.HTTP_201_CREATED
        )

    def handle_exception(self, exc):
        # A body that is not JSON (or a form) at all: the same shape as any other bad input,
        # as the OpenAPI description says.
        if isinstance(exc, ParseError):
            return Response(
                {"errors": {"non_field_errors": [str(exc.detail)]}},
                status=http.HTTP_400_BAD_REQUEST,
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


def _serve_form(page, request, form_class, template, save):
    context = page.get_context(request)
    if request.method == "POST":
        if not form_post_allowed(
            request, "cases" if form_class is CaseSubmissionForm else "survey"
        ):
            context["rate_limited"] = True
            return render(request, template, context, status=429)
        form = form_class(request.POST, request.FILES)
        if form.is_spam():
            context["done"] = True
            return render(request, template, context)
        if form.is_valid():
            context["done"] = True
            context["result"] = save(form.cleaned_data)
            return render(request, template, context)
        status = 400
    else:
        form = form_class()
        status = 200
    context["form"] = form
    return render(request, template, context, status=status)


def serve_case_form(page, request):
    return _serve_form(
        page, request, CaseSubmissionForm, "submissions/submit_case_page.html", services.submit_case
    )


def serve_survey_form(page, request):
    return _serve_form(
        page, request, SurveyForm, "submissions/survey_page.html", services.save_survey_response
    )


def submission_status(request, token):
    """Where a submitted case stands. Only the status, and the case once it is public."""
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
    response = render(request, "submissions/status.html", context)
    # Personal links: keep them out of shared caches and search engines.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
