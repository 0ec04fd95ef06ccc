"""Emails to submitters. Each email is first stored as a Notification in the same transaction as
the change that caused it, then sent by a background task once that transaction commits."""

from django.db import transaction

from .models import Notification


def queue_notification(submission, kind, *, comment=""):
    notification = Notification.objects.create(submission=submission, kind=kind, comment=comment)
    transaction.on_commit(lambda: enqueue_delivery(notification.pk))
    return notification


def enqueue_delivery(notification_id, *, run_after=None):
    from .tasks import send_notification

    task = send_notification.using(run_after=run_after) if run_after else send_notification
    return task.enqueue(notification_id)
