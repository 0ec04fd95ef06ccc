"""Thin views over forms.py and services.py: the "Propose a document" form page (sharing the
public submissions' honeypot, rate limit and 400 rules) and a proposal's status page."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from submissions.views import form_post_allowed

from . import services
from .forms import ProposalForm
from .proposals import DocumentProposal

SCOPE = "library"
TEMPLATE = "library/propose_document_page.html"


def _private(response):
    # What someone typed, or their personal link: never kept by a shared cache or indexed.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def serve_proposal_form(page, request):
    """Shown; sent back with the mistakes beside the fields and what was typed kept (400);
    refused over the rate limit (429); or accepted with a link to the proposal's status."""
    context = page.get_context(request)
    if request.method != "POST":
        context["form"] = ProposalForm()
        return render(request, TEMPLATE, context)
    form = ProposalForm(request.POST, request.FILES)
    if not form_post_allowed(request, SCOPE):
        context.update(form=form, rate_limited=True)
        return _private(render(request, TEMPLATE, context, status=429))
    if form.is_spam():
        context["done"] = True
        return _private(render(request, TEMPLATE, context))
    if not form.is_valid():
        context["form"] = form
        return _private(render(request, TEMPLATE, context, status=400))
    context.update(done=True, result=services.submit_proposal(form.cleaned_data))
    return _private(render(request, TEMPLATE, context))


def proposal_status(request, token):
    """Where a proposed document stands: its title and status, and the page once public."""
    if len(token) > 64:
        raise Http404
    proposal = get_object_or_404(
        DocumentProposal.objects.only("title", "status", "created_at", "page"), token=token
    )
    page = proposal.page
    public_page = (
        page if page is not None and page.live and not page.get_view_restrictions() else None
    )
    return _private(
        render(
            request,
            "library/proposal_status.html",
            {"proposal": proposal, "public_page": public_page},
        )
    )
