""" "Was this useful?" at the end of every case and article.

A plain form (two buttons, then optionally "Will you use something from it?"), so it works
without JavaScript; static/js/feedback.js sends the same form in the background. Anonymous: the
answer is stored with the page and the search log's daily session hash (a salted hash of a
random cookie and the date), never an address or user agent; a visitor's second answer on the
same page and day replaces the first. Rate-limited per client address, counted in the cache.
"""

from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from wagtail.models import Page

from rest_framework.throttling import SimpleRateThrottle

from articles.models import ArticlePage
from cases.models import CasePage
from search import searchlog

from .models import PageFeedback, WillUse

ANSWERS = {"yes": True, "no": False}


class FeedbackThrottle(SimpleRateThrottle):
    """FEEDBACK_RATE answers per client address (default 60 an hour: a visitor reading many
    cases answers twice on each), counted in Django's cache."""

    scope = "page-feedback"

    def get_rate(self):
        from django.conf import settings

        return getattr(settings, "FEEDBACK_RATE", "60/hour")

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _cross_site(request):
    """A form posted from another site (a page tricking its visitors into voting)."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    return (
        bool(origin)
        and origin != "null"
        and not url_has_allowed_host_and_scheme(origin + "/", allowed_hosts={request.get_host()})
    )


def _page(page_id):
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    return page if isinstance(page, CasePage | ArticlePage) else None


def _answer(request, status, errors=None, page=None, step=None):
    if _wants_json(request):
        body = {"errors": errors} if errors else {"recorded": True, "step": step}
        return JsonResponse(body, status=status)
    if errors:
        return TemplateResponse(
            request, "insights/feedback_error.html", {"errors": errors, "page": page}, status=status
        )
    response = HttpResponseRedirect(f"{page.url}?feedback={step}#page-feedback")
    response.status_code = 303  # see the page again, with the next question
    return response


def save(page, session, useful, will_use):
    """Store or replace this session's answer on the page (one row per page and session)."""
    values = {"useful": useful, "will_use": will_use}
    for _attempt in range(2):
        try:
            with transaction.atomic():
                return PageFeedback.objects.update_or_create(
                    page=page, session=session, defaults=values
                )[0]
        except IntegrityError:  # the same visitor's other request won the race: update it
            continue
    return None


@csrf_exempt  # anonymous and cookie-free in effect; cross-site posts are refused below
@require_POST
def answer(request, page_id):
    page = _page(page_id)
    if page is None:
        return _answer(request, 404, {"page": [_("No published case or article has this id.")]})
    if _cross_site(request):
        return _answer(request, 403, {"page": [_("Answer on this site's own page.")]}, page)
    if not FeedbackThrottle().allow_request(request, None):
        return _answer(
            request, 429, {"page": [_("Too many answers; please try again later.")]}, page
        )
    useful = ANSWERS.get(request.POST.get("useful", ""))
    if useful is None:
        return _answer(request, 400, {"useful": [_("Answer yes or no.")]}, page)
    will_use = request.POST.get("will_use", "")
    if will_use and will_use not in WillUse.values:
        return _answer(request, 400, {"will_use": [_("Choose one of the answers given.")]}, page)
    save(page, searchlog.session_hash(request), useful, will_use)
    step = "done" if will_use else request.POST["useful"]
    return searchlog.remember(request, _answer(request, 201, page=page, step=step))
