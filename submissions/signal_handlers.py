"""Keep each Submission in step with the Wagtail workflow on its draft case page.

Wagtail sends these signals from the real workflow machinery (the admin's approve / request
changes / reject buttons and the same methods called from code), so the status log records
exactly what moderators did, with who and when.
"""

from django.dispatch import receiver

from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_cancelled, workflow_rejected

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


@receiver(workflow_approved, sender=WorkflowState)
def case_approved(sender, instance, user=None, **kwargs):
    if page_id := _case_page_id(instance):
        services.record_transition(
            page_id,
            SubmissionStatus.APPROVED,
            user=user,
            comment=_comment(instance),
            notify=NotificationKind.APPROVED,
        )


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
    # cancels the workflow after publishing); or an editor cancelling the review (no email).
    if page_id := _case_page_id(instance):
        task_state = instance.current_task_state
        if CasePage.objects.filter(pk=page_id, live=True).exists():
            services.record_transition(
                page_id, SubmissionStatus.APPROVED, user=user, notify=NotificationKind.APPROVED
            )
        elif task_state and task_state.status == TaskState.STATUS_REJECTED:
            services.record_transition(
                page_id,
                SubmissionStatus.REJECTED,
                user=user,
                comment=_comment(instance),
                notify=NotificationKind.REJECTED,
            )
        else:
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
