"""Thin views over forms.py (validation), services.py (what happens to valid input) and
network.py (the network as data): the two public APIs, the same two forms for browsers, the
adoption report's status page and the /network/ page."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from cases.models import CasePage
from submissions.views import PublicSubmissionAPIView, form_post_allowed
from taxonomy.models import SDG, Topic
from taxonomy.regions import REGIONS

from . import filters, network, services, snapshot
from .forms import AdoptionForm, ContactForm
from .models import EDGE_KINDS, AdoptionReport, Channel, new_token

LINKS_PER_PAGE = 100


def adoption_status_url(request, token):
    return request.build_absolute_uri(reverse("exchange:adoption_status", args=[token]))


class AdoptionAPIView(PublicSubmissionAPIView):
    """`POST /api/v2/exchange/adoptions/`: report that a city is applying a case."""

    throttle_scope = "adoptions"
    form_class = AdoptionForm

    def save(self, data):
        return services.report_adoption(data)

    def accepted(self, request, report):
        # A honeypot hit gets the same answer with a token that leads nowhere.
        token = report.token if report else new_token()
        return {
            "status": "received",
            "token": token,
            "status_url": adoption_status_url(request, token),
        }


class ContactAPIView(PublicSubmissionAPIView):
    """`POST /api/v2/exchange/contact/`: a question relayed to the team behind a case."""

    throttle_scope = "contact"
    form_class = ContactForm

    def save(self, data):
        return services.relay_question(data)

    def accepted(self, request, message):
        return {"status": "received"}


FORMS = {
    "adopt": (AdoptionForm, "adoptions", services.report_adoption),
    "contact": (ContactForm, "contact", services.relay_question),
}


@csrf_exempt
@require_POST
def case_form(request, case_id, which):
    """The HTML forms on a case page post here: on success a thank-you page, otherwise the
    form again on a page of its own, with the messages beside the fields and what was typed.

    Without CSRF protection, like `POST /api/v2/exchange/...` that it mirrors: nothing here
    acts for a logged-in user or a session (anyone may send the same through the API), the
    honeypot and the rate limit deal with abuse, and a CSRF token would set a cookie on every
    case page, which a shared page cache must then not keep."""
    form_class, scope, save = FORMS[which]
    if case_id >= 2**63:
        raise Http404
    case = get_object_or_404(CasePage.objects.live().public(), pk=case_id)
    context = {"case": case, "which": which}
    if not form_post_allowed(request, scope):
        context["rate_limited"] = True
        return render(request, "exchange/form_page.html", context, status=429)
    data = request.POST.copy()
    data["case"] = str(case.pk)
    form = form_class(data)
    if form.is_spam():
        context["done"] = True
        return render(request, "exchange/form_page.html", context)
    if form.is_valid():
        context["done"] = True
        context["result"] = save(form.cleaned_data)
        return render(request, "exchange/form_page.html", context)
    context["form"] = form
    return render(request, "exchange/form_page.html", context, status=400)


@require_safe
def adoption_status(request, token):
    """Where an adoption report stands; personal link, never cached or indexed."""
    if len(token) > 64:
        raise Http404
    report = get_object_or_404(AdoptionReport.objects.select_related("case"), token=token)
    public_case = (
        report.case if report.case.live and not report.case.get_view_restrictions() else None
    )
    response = render(
        request, "exchange/adoption_status.html", {"report": report, "case": public_case}
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def network_page(request):
    """The knowledge network: the interactive graph (network.js) and, for every reader, the
    same links and figures as tables."""
    context = {
        "sdgs": SDG.objects.order_by("number"),
        "topics": Topic.objects.order_by("name"),
        "regions": sorted(REGIONS.items()),
        "kinds": [(kind, network.kind_label(kind)) for kind in EDGE_KINDS],
        "channels": Channel.choices,
        "selected": request.GET,
        "api_url": "/api/v2/network/",
        # What the graph script needs to colour and name things.
        "labels": {
            "sdgColours": {sdg.number: sdg.colour for sdg in SDG.objects.all()},
            "regions": dict(REGIONS),
            "status": {
                "loading": _("Loading the network…"),
                "shown": _("%(nodes)s nodes and %(edges)s links shown"),
                "failed": _("The network could not be loaded. The tables below list it."),
            },
        },
    }
    try:
        chosen = filters.from_querydict(request.GET)
    except filters.InvalidFilter as error:
        context["error"] = str(error)
        return render(request, "exchange/network_page.html", context, status=400)
    data = snapshot.network(chosen)
    pages = Paginator(network.link_rows(data), LINKS_PER_PAGE)
    page = pages.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context.update(
        {
            "network": data,
            "links": page,
            "query": query.urlencode(),
            "node_titles": {node["id"]: node["title"] for node in data["nodes"]},
            "heading": _("Knowledge network"),
        }
    )
    return render(request, "exchange/network_page.html", context)
