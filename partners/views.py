"""Thin views over forms.py (validation) and services.py (what happens to valid input): the
"Become a partner" form page, `POST /api/v2/partners/requests/` and the request's status page.
Both channels share the public submissions' rate limit, honeypot and 400 rules."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from submissions.views import PublicSubmissionAPIView, form_post_allowed

from . import services
from .forms import PartnerRequestForm
from .models import PartnerRequest, new_token

SCOPE = "partners"
TEMPLATE = "partners/become_partner_page.html"


def status_url(request, token):
    return request.build_absolute_uri(reverse("partners:status", args=[token]))


class PartnerRequestAPIView(PublicSubmissionAPIView):
    """`POST /api/v2/partners/requests/`: ask to become a partner."""

    throttle_scope = SCOPE
    form_class = PartnerRequestForm

    def save(self, data):
        return services.submit_request(data)

    def accepted(self, request, partner_request):
        # A honeypot hit gets the same answer with a token that leads nowhere.
        token = partner_request.token if partner_request else new_token()
        return {"status": "received", "token": token, "status_url": status_url(request, token)}


def _private(response):
    # What someone typed, or their personal link: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response


def serve_request_form(page, request):
    """The form: shown, sent back with the mistakes beside the fields and what was typed
    kept (400), refused over the rate limit (429), or accepted with a thank-you."""
    context = page.get_context(request)
    if request.method != "POST":
        context["form"] = PartnerRequestForm()
        return render(request, TEMPLATE, context)
    form = PartnerRequestForm(request.POST)
    if not form_post_allowed(request, SCOPE):
        context.update(form=form, rate_limited=True)
        return _private(render(request, TEMPLATE, context, status=429))
    if form.is_spam():
        context["done"] = True
        return _private(render(request, TEMPLATE, context))
    if not form.is_valid():
        context["form"] = form
        return _private(render(request, TEMPLATE, context, status=400))
    context.update(done=True, result=services.submit_request(form.cleaned_data))
    return _private(render(request, TEMPLATE, context))


def request_status(request, token):
    """Where a partner request stands: only its status, never the contact data."""
    if len(token) > 64:
        raise Http404
    partner_request = get_object_or_404(
        PartnerRequest.objects.only("organisation", "status", "created_at", "decided_at"),
        token=token,
    )
    response = render(request, "partners/request_status.html", {"partner_request": partner_request})
    response["X-Robots-Tag"] = "noindex"
    return _private(response)
