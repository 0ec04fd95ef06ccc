"""Moderation that never lies: one review action at a time per page, and no stale one.

Wagtail's page editor can post the same "Approve" twice about a second apart (the click, and
the editor's autosave carrying the approval's hidden inputs), and two moderators can answer the
same review at once. Unserialised, the second request overwrote the page that the first had
just published with its own copy (still a draft) and then failed with a 500, while the first
had already recorded "published". Here:

- `OneReviewActionAtATimeMiddleware` runs every POST to a page's editor, workflow action or
  unpublish view in one transaction that first locks the page's row, so a second request waits
  for the first to commit and then sees what it did (on SQLite, which has no row locks, the
  transaction's write lock does the same);
- `refuse_stale_review_action` (a `before_edit_page` hook) answers a review action that is no
  longer possible, or one carried by an autosave, with a message and changes nothing, instead
  of Wagtail's fallback of saving the posted form as a new draft.
"""

from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.models import Page

SERIALISED_VIEWS = {
    "wagtailadmin_pages:edit",
    "wagtailadmin_pages:workflow_action",
    "wagtailadmin_pages:unpublish",
}


def _page_id(request):
    if request.method != "POST":
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.view_name not in SERIALISED_VIEWS:
        return None
    return match.kwargs.get("page_id")


class OneReviewActionAtATimeMiddleware:
    """Serialise the admin's page-changing POSTs per page (see the module's docstring). A
    request that ends in a server error is rolled back whole, as with ATOMIC_REQUESTS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        page_id = _page_id(request)
        if page_id is None:
            return self.get_response(request)
        with transaction.atomic():
            list(Page.objects.select_for_update().filter(pk=page_id).values_list("pk"))
            failed_before = _last_failed_approval(page_id)
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)
            elif _last_failed_approval(page_id) != failed_before:
                _report_failed_approval(request, page_id, response)
        return response


def _last_failed_approval(page_id):
    from .models import Submission

    return (
        Submission.objects.filter(page_id=page_id)
        .exclude(publish_error="")
        .values_list("publish_error", "updated_at")
        .first()
    )


def _report_failed_approval(request, page_id, response):
    """Say at once that the approval did not publish (the editor, if that is where the
    moderator lands, says it itself)."""
    if response.get("Location") == reverse("wagtailadmin_pages:edit", args=[page_id]):
        return
    error, _at = _last_failed_approval(page_id)
    messages.error(
        request,
        _("The approval did not publish the case, which is still awaiting review: %(error)s")
        % {"error": error},
    )


def refuse_stale_review_action(request, page):
    """Before Wagtail's editor handles a POST that carries a review action ("Approve",
    "Request changes", "Reject"): refuse it when it comes from the autosave, or when the review
    is no longer waiting for that action (it was just decided)."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    if not request.accepts("text/html"):
        return JsonResponse(
            {
                "success": False,
                "error_code": "review_action_not_autosaved",
                "error_message": _("A review decision is sent with the page, not autosaved."),
            },
            status=400,
        )
    task_state = page.current_workflow_task_state
    title = page.get_admin_display_title()
    if task_state is None:
        message = _("The review of “%(title)s” was already decided; nothing was changed.")
    else:
        actions = task_state.task.specific.get_actions(page, request.user)
        if request.POST.get("workflow-action-name") in [name for name, *_rest in actions]:
            return None
        message = _("You cannot take that review action on “%(title)s”; nothing was changed.")
    messages.warning(request, message % {"title": title})
    return redirect("wagtailadmin_pages:edit", page.pk)
