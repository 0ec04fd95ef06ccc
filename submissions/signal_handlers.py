"""Keep each Submission in step with the Wagtail workflow on its draft case page.

Wagtail sends these signals from the real workflow machinery (the admin's approve / request
changes / reject buttons and the same methods called from code), so the status log records
exactly what moderators did, with who and when. "Published" is different: it is recorded after
the commit of the publish, and only when the page is live then (see services.confirm_published),
so no status or email ever claims a publish that was rolled back or overwritten.
"""

from functools import partial

from django.db import transaction
from django.dispatch import receiver

from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    page_published,
    task_submitted,
    workflow_approved,
    workflow_cancelled,
    workflow_rejected,
)

from cases.models import CasePage

from . import services
from .models import NotificationKind, SubmissionStatus


def _case_page_id(workflow_state):
    if workflow_state.content_type.model_class() is not CasePage:
        return None
    return int(workflow_state.object_id)


def _comment(workflow_state):
    task_state = workflow_state.current_task_state
    return task_state.get_comment() if task_state else ""


def _confirm_after_commit(page_id):
    # robust: the publish is committed whatever happens here; a failure is logged, not a 500.
    transaction.on_commit(partial(services.confirm_published, page_id), robust=True)


@receiver(page_published, sender=CasePage)
def case_published(sender, instance, **kwargs):
    _confirm_after_commit(instance.pk)


@receiver(workflow_approved, sender=WorkflowState)
def case_approved(sender, instance, user=None, **kwargs):
    # Approving publishes the page (page_published above); an approval with a publishing date
    # to come is confirmed as scheduled the same way.
    if page_id := _case_page_id(instance):
        _confirm_after_commit(page_id)


@receiver(workflow_rejected, sender=WorkflowState)
def case_changes_requested(sender, instance, user=None, **kwargs):
    # Wagtail's "reject" on a group approval task means "Request changes": the workflow waits.
    if page_id := _case_page_id(instance):
        services.record_transition(
            page_id,
            SubmissionStatus.CHANGES_REQUESTED,
            user=user,
            comment=_comment(instance),
            notify=NotificationKind.CHANGES_REQUESTED,
        )


@receiver(workflow_cancelled, sender=WorkflowState)
def case_review_ended(sender, instance, user=None, **kwargs):
    # Three ways a Case review ends without "Approve": the task's "Reject" (it rejects the task,
    # then cancels the workflow); someone with publish permission pressing "Publish" (Wagtail
    # cancels the workflow after publishing: page_published confirms it after the commit); or
    # an editor cancelling the review (no email).
    page_id = _case_page_id(instance)
    if page_id is None:
        return
    task_state = instance.current_task_state
    if task_state and task_state.status == TaskState.STATUS_REJECTED:
        services.record_transition(
            page_id,
            SubmissionStatus.REJECTED,
            user=user,
            comment=_comment(instance),
            notify=NotificationKind.REJECTED,
        )
    elif not (
        CasePage.objects.filter(pk=page_id, live=True).exists() or services.is_scheduled(page_id)
    ):
        services.record_transition(page_id, SubmissionStatus.WITHDRAWN, user=user)


@receiver(task_submitted)
def case_resubmitted(sender, instance, user=None, **kwargs):
    # After changes were requested, a moderator edits the draft and resubmits it for review.
    workflow_state = instance.workflow_state
    page_id = _case_page_id(workflow_state)
    if page_id is None:
        return
    submission = services.submission_for_page(page_id)
    if submission and submission.status in (
        SubmissionStatus.CHANGES_REQUESTED,
        SubmissionStatus.WITHDRAWN,
    ):
        services.record_transition(page_id, SubmissionStatus.RECEIVED, user=user)
