"""Thin views over forms.py and services.py: subscribing (the form on the search page and the
case index posts here), confirming, managing and cancelling an alert from the links in its
emails. Every answer is private (never kept by a shared cache, never indexed); the address is
never shown."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from home.templatetags.language_tags import language_prefix
from submissions.views import form_post_allowed

from . import services
from .forms import FrequencyForm, SubscriptionForm
from .models import Subscription
from .saved_search import describe

SCOPE = "alerts"


def cases_url(query):
    """The case index with the alert's filters, in the language the alert searches (its
    `locale`: /fr/cases/ for French; every language keeps `locale=all`)."""
    locale = dict(query).get("locale")
    codes = {code for code, _name in settings.LANGUAGES}
    items = [tuple(item) for item in query if item[0] != "locale" or item[1] not in codes]
    url = language_prefix(locale if locale in codes else None) + "/cases/"
    return f"{url}?{urlencode(items)}" if items else url


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _subscription(token):
    if len(token) > 64:
        raise Http404
    return get_object_or_404(Subscription, token=token, unsubscribed_at__isnull=True)


# No CSRF token: the form sits on pages that shared caches keep for every visitor, and an
# alert starts only once the address's owner confirms it from their inbox.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request):
    """GET: the form for the search in `?query=`. POST: an unconfirmed alert and the
    confirmation email; the same answer whether or not the address already has alerts."""
    if request.method == "GET":
        form = SubscriptionForm(initial={"query": request.GET.get("query", "")})
        return _private(render(request, "alerts/subscribe.html", {"form": form}))
    form = SubscriptionForm(request.POST)
    context = {"form": form}
    if not form_post_allowed(request, SCOPE):
        return _private(
            render(request, "alerts/subscribe.html", {**context, "rate_limited": True}, status=429)
        )
    if form.is_spam():
        return _private(render(request, "alerts/subscribe.html", {"done": True}))
    if not form.is_valid():
        return _private(render(request, "alerts/subscribe.html", context, status=400))
    data = form.cleaned_data
    services.subscribe(data["email"], data["query"], data["frequency"], translation.get_language())
    return _private(render(request, "alerts/subscribe.html", {"done": True}))


@csrf_exempt
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET: what the alert is about and a button to confirm it (a link scanner that opens the
    link confirms nothing). POST: confirmed."""
    subscription = _subscription(token)
    if request.method == "POST":
        services.confirm(subscription)
    context = {"subscription": subscription, "filters": describe(subscription.query)}
    return _private(render(request, "alerts/confirm.html", context))


@csrf_exempt
@require_http_methods(["GET", "POST"])
def manage(request, token):
    """The alert's page, reached from every email: what it is about, how often it comes
    (changeable), the current matches, and cancelling it."""
    subscription = _subscription(token)
    status = 200
    form = FrequencyForm(initial={"frequency": subscription.frequency})
    saved = False
    if request.method == "POST":
        form = FrequencyForm(request.POST)
        if form.is_valid():
            services.change_frequency(subscription, form.cleaned_data["frequency"])
            saved = True
        else:
            status = 400
    context = {
        "subscription": subscription,
        "filters": describe(subscription.query),
        "form": form,
        "saved": saved,
        "cases_url": cases_url(subscription.query),
    }
    return _private(render(request, "alerts/manage.html", context, status=status))


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET: one button that cancels the alert. POST (that button, or a mail program's
    one-click unsubscribe, RFC 8058): cancelled. Cancelling twice is fine."""
    if len(token) > 64:
        raise Http404
    subscription = get_object_or_404(Subscription, token=token)
    if request.method == "POST":
        services.unsubscribe(subscription)
    return _private(render(request, "alerts/unsubscribe.html", {"subscription": subscription}))
