"""Background tasks (django-tasks): sending stored emails, retried while the mail server fails.

Both kinds of email take one path: an attempt is counted, the message goes to the real
transport (`mail.deliver`, bounded by EMAIL_TIMEOUT), and a failure is recorded and queued
again with a growing delay, until it is sent or MAX_ATTEMPTS is reached.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from django_tasks import task

from .mail import deliver, deserialise
from .models import Notification, OutgoingEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


def retry_delay(attempts):
    """Wait 1, 2, 4 … minutes between attempts, at most a few hours."""
    return datetime.timedelta(minutes=2 ** min(attempts - 1, 8))


def site_url(path):
    """An absolute link on the site, at the address it is served on (WAGTAILADMIN_BASE_URL)."""
    if path.startswith(("http://", "https://")):
        return path  # a page of another site in the same installation
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task()
def send_notification(notification_id):
    """Send one stored email to a submitter, rendered now (so its links and status are
    current). On failure the error is recorded and the email queued again."""
    notification = (
        Notification.objects.select_related("submission").filter(pk=notification_id).first()
    )
    if notification is None or notification.sent_at is not None:
        return "nothing to send"
    submission = notification.submission
    if submission.anonymised_at is not None:
        return "submitter data removed"
    page = submission.page
    # In the language the case was written in (its page tree), which is the language the
    # submitter used; the status link leads to the status page in that language too.
    language = page.locale.language_code if page else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "submission": submission,
            "notification": notification,
            "status_url": site_url(reverse("submissions:status", args=[submission.token])),
            "page_url": site_url(page.get_url()) if page and page.live and page.get_url() else "",
        }
        subject = render_to_string("submissions/email/subject.txt", context).strip()
        body = render_to_string(f"submissions/email/{notification.kind}.txt", context)
    message = EmailMessage(subject, body, None, [submission.submitter_email])
    return _attempt(notification, message, "submissions.notifications.enqueue_delivery")


@task()
def send_stored_email(email_id):
    """Send one stored OutgoingEmail (Wagtail's moderation notifications and the like)."""
    email = OutgoingEmail.objects.filter(pk=email_id).first()
    if email is None or email.sent_at is not None:
        return "nothing to send"
    return _attempt(email, deserialise(email.message), "submissions.notifications.enqueue_email")


def _attempt(record, message, requeue):
    record.attempts += 1
    try:
        deliver(message)
    except Exception as error:
        record.last_error = f"{type(error).__name__}: {error}"[:2000]
        record.save(update_fields=["attempts", "last_error"])
        _retry_later(record, requeue)
        raise
    record.sent_at = timezone.now()
    record.last_error = ""
    record.save(update_fields=["attempts", "last_error", "sent_at"])
    return "sent"


def _retry_later(record, requeue):
    from django.utils.module_loading import import_string

    from django_tasks import default_task_backend

    label = f"{type(record).__name__} {record.pk}"
    if record.attempts >= MAX_ATTEMPTS:
        logger.error("Giving up on %s after %s attempts", label, record.attempts)
        return
    if not default_task_backend.supports_defer:
        # The immediate backend cannot wait: the email stays stored as unsent and
        # `manage.py send_pending_notifications` queues it again. Production uses the
        # database queue, which retries by itself.
        logger.warning("%s not sent: %s", label, record.last_error)
        return
    import_string(requeue)(record.pk, run_after=timezone.now() + retry_delay(record.attempts))
