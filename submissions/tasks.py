"""Background tasks (django-tasks): sending the emails submitters are owed."""

import datetime
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from django_tasks import task

from .models import Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


def retry_delay(attempts):
    """Wait 1, 2, 4 … minutes between attempts, at most a few hours."""
    return datetime.timedelta(minutes=2 ** min(attempts - 1, 8))


@task()
def send_notification(notification_id):
    """Send one stored email. On failure the error is recorded and, on a backend that can
    defer work (the database queue), the email is queued again with a growing delay."""
    notification = (
        Notification.objects.select_related("submission").filter(pk=notification_id).first()
    )
    if notification is None or notification.sent_at is not None:
        return "nothing to send"
    submission = notification.submission
    if submission.anonymised_at is not None:
        return "submitter data removed"
    context = {
        "submission": submission,
        "notification": notification,
        "status_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("submissions:status", args=[submission.token]),
        "page_url": submission.page.full_url if submission.page and submission.page.live else "",
    }
    subject = render_to_string("submissions/email/subject.txt", context).strip()
    body = render_to_string(f"submissions/email/{notification.kind}.txt", context)
    notification.attempts += 1
    try:
        send_mail(subject, body, None, [submission.submitter_email])
    except Exception as error:
        notification.last_error = f"{type(error).__name__}: {error}"[:2000]
        notification.save(update_fields=["attempts", "last_error"])
        _retry_later(notification)
        raise
    notification.sent_at = timezone.now()
    notification.last_error = ""
    notification.save(update_fields=["attempts", "last_error", "sent_at"])
    return "sent"


def _retry_later(notification):
    from django_tasks import default_task_backend

    from .notifications import enqueue_delivery

    if notification.attempts >= MAX_ATTEMPTS:
        logger.error(
            "Giving up on notification %s after %s attempts", notification.pk, notification.attempts
        )
        return
    if not default_task_backend.supports_defer:
        # The immediate backend cannot wait: the email stays stored as unsent and
        # `manage.py send_pending_notifications` queues it again. Production uses the
        # database queue, which retries by itself.
        logger.warning("Notification %s not sent: %s", notification.pk, notification.last_error)
        return
    enqueue_delivery(notification.pk, run_after=timezone.now() + retry_delay(notification.attempts))
