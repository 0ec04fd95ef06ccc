"""Emails to submitters and every other stored email. Each is first stored in the same
transaction as the change that caused it, then sent by a background task once that transaction
commits (see tasks.py), so nothing announces a change that was rolled back."""

from django.db import transaction

from .models import Notification


def queue_notification(submission, kind, *, comment=""):
    notification = Notification.objects.create(submission=submission, kind=kind, comment=comment)
    transaction.on_commit(lambda: enqueue_delivery(notification.pk))
    return notification


def _enqueue(task, record_id, run_after):
    return (task.using(run_after=run_after) if run_after else task).enqueue(record_id)


def enqueue_delivery(notification_id, *, run_after=None):
    """Queue the email to a submitter."""
    from .tasks import send_notification

    return _enqueue(send_notification, notification_id, run_after)


def enqueue_email(email_id, *, run_after=None):
    """Queue a stored OutgoingEmail (Wagtail's notifications and the like)."""
    from .tasks import send_stored_email

    return _enqueue(send_stored_email, email_id, run_after)
