"""Two middlewares of the whole site.

InputGuardMiddleware: hostile input gets a clear 400 naming what is wrong, whichever view
(the platform's or Wagtail's) would have received it, instead of a server error deep inside.

Every request is checked before any view sees it (`core.validation`): the path, query
parameters, cookies, form fields, uploaded files and JSON bodies must hold text a database can
store (no NUL character, no lone surrogate); JSON may not nest deeper than any document the
platform takes; an uploaded image must be whole and within the pixel limit. Then the checks
listed in `INPUT_GUARD_CHECKS` (dotted paths of functions that take the request and raise
`BadInput`; a JSON body they find already parsed in `request.input_json`) run: the API checks
its query parameters and bodies against its OpenAPI description there (`api/parameters.py`).

The answer takes the form the clients of that part of the site read, chosen by path prefix
in `INPUT_GUARD_ANSWERS` (longest prefix first): `message` (`{"message": "param: ..."}`, the
read API), `errors` (`{"errors": {"field": ["..."]}}`, public submissions), `problem`
(RFC 9457 `application/problem+json`, Wagtail API v3); anywhere else, an HTML page.

PublicPageCacheMiddleware lets a shared cache in front of the site (nginx's proxy_cache in
deploy/) keep the pages that anonymous visitors read, for PAGE_CACHE_MAX_AGE seconds (0: never;
production: 60).

Only answers that are the same for every anonymous visitor are marked `public`: a GET of an
HTML page with status 200, from a visitor without a session (never a logged-in editor, never
someone who unlocked a password-protected page), that sets no cookie (a form's CSRF token) and
has not said itself how it may be cached (the search page says "never", the API says its own).
"""

import inspect

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .validation import BadInput, check_json, check_text, check_upload, parse_json

FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")
# Methods whose body the site reads; any other is answered by the view (405), unread.
BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")
PROBLEM_JSON = "application/problem+json"
JSON = "application/json"


def _view_takes(request):
    """Whether the view at this address takes the request's method at all: one that does not
    answers 405 itself, whatever the body holds. Class-based views (Django's, DRF's, Wagtail
    API v2's viewsets) and django-ninja's (Wagtail API v3) say which methods they take; any
    other view is assumed to take it."""
    try:
        view = resolve(request.path_info).func
    except Resolver404:
        return True
    actions = getattr(view, "actions", None)  # a DRF viewset's {method: action}
    if actions is not None:
        return request.method.lower() in actions
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return hasattr(view_class, request.method.lower())
    path_view = inspect.getclosurevars(view).nonlocals.get("self")
    operations = getattr(path_view, "operations", None)
    if operations is not None:
        return any(request.method in operation.methods for operation in operations)
    return True


class InputGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        answers = getattr(settings, "INPUT_GUARD_ANSWERS", {})
        self.answers = sorted(answers.items(), key=lambda item: -len(item[0]))
        self.checks = [import_string(path) for path in getattr(settings, "INPUT_GUARD_CHECKS", [])]

    def __call__(self, request):
        try:
            self.check(request)
        except BadInput as error:
            return self.refuse(request, error)
        return self.get_response(request)

    def check(self, request):
        check_text("path", request.path, "path")
        for name, value in request.COOKIES.items():
            check_text(name, name, "cookie")
            check_text(name, value, "cookie")
        query = self._read(lambda: request.GET, "query")
        for name, values in query.lists():
            check_text(name, name)
            for value in values:
                check_text(name, value)
        if request.method in BODY_METHODS and _view_takes(request):
            self.check_body(request)
        for check in self.checks:
            check(request)

    def check_body(self, request):
        if request.content_type in FORMS:
            # Django parses forms for POST only; other methods' views read the raw body.
            if request.method == "POST":
                fields = self._read(lambda: request.POST, "body")
                for name, values in fields.lists():
                    check_text(name, name, "body")
                    for value in values:
                        check_text(name, value, "body")
                # The site's own forms (the submission pages, the admin) check their images
                # themselves and show the message beside the field, keeping what was typed; a
                # page of the guard's would lose it. APIs get the guard's answer.
                if request.path.startswith("/api/"):
                    for name, uploads in request.FILES.lists():
                        for upload in uploads:
                            check_upload(name, upload)
            return
        body = self._read(lambda: request.body, "body")
        if body:
            document = parse_json(body)
            if document is not None:
                check_json(document)
                # For the checks in INPUT_GUARD_CHECKS, so none parses the body again.
                request.input_json = document
            elif request.content_type == JSON or request.content_type.endswith("+json"):
                raise BadInput("body", _("not valid JSON."), "body")

    @staticmethod
    def _read(read, location):
        """What Django parses from the request; a body or query it cannot parse is bad input
        (Django's own answer would be an HTML page, whatever the client)."""
        try:
            return read()
        except (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent) as error:
            raise BadInput(location, str(error), location) from None
        except MultiPartParserError:
            raise BadInput("body", _("not valid multipart form data."), "body") from None

    def refuse(self, request, error):
        kind = next(
            (kind for prefix, kind in self.answers if request.path.startswith(prefix)), None
        )
        text = f"{error.parameter}: {error.message}"
        if kind == "message":
            return JsonResponse({"message": text, "parameter": error.parameter}, status=400)
        if kind == "errors":
            field = error.field or error.parameter.split(".")[0].split("[")[0]
            message = error.message if field == error.parameter else text
            if field == "body":
                # The whole body: where Django REST framework's forms say it.
                field, message = "non_field_errors", text
            return JsonResponse({"errors": {field: [message]}}, status=400)
        if kind == "problem":
            location = [error.location]
            if error.parameter != error.location:
                location.append(error.parameter)
            problem = {
                "type": "about:blank",
                "title": "Bad Request",
                "status": 400,
                "detail": text,
                "errors": [{"type": "bad_input", "loc": location, "msg": text}],
            }
            response = JsonResponse(problem, status=400)
            response["Content-Type"] = PROBLEM_JSON
            return response
        return render(request, "core/bad_input.html", {"error": error}, status=400)


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        max_age = getattr(settings, "PAGE_CACHE_MAX_AGE", 0)
        if max_age and self._same_for_every_visitor(request, response):
            patch_cache_control(response, public=True, max_age=max_age)
            # A cache must not hand this copy to someone who has a session.
            patch_vary_headers(response, ["Cookie"])
        return response

    @staticmethod
    def _same_for_every_visitor(request, response):
        return (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and not response.has_header("Cache-Control")
            and not response.cookies
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith("/admin/")
        )
