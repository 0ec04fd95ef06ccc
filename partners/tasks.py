"""Background tasks (django-tasks): sending the emails owed to partner requests' contacts,
retried with the same growing delay and attempt limit as the emails to submitters."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from django_tasks import task

from submissions.tasks import MAX_ATTEMPTS, retry_delay

from .models import PartnerRequestEmail

logger = logging.getLogger(__name__)


def status_url(token):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("partners:status", args=[token])


@task()
def send_request_email(email_id):
    """Send one stored email. On failure the error is kept and, on a backend that can defer
    work (the database queue), the email is queued again with a growing delay."""
    email = PartnerRequestEmail.objects.select_related("request").filter(pk=email_id).first()
    if email is None or email.sent_at is not None:
        return "nothing to send"
    request = email.request
    if request.anonymised_at is not None:
        return "contact data removed"
    context = {"request": request, "email": email, "status_url": status_url(request.token)}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("partners/email/subject.txt", context).strip()
        body = render_to_string(f"partners/email/{email.kind}.txt", context)
    email.attempts += 1
    try:
        send_mail(subject, body, None, [request.contact_email])
    except Exception as error:
        email.last_error = f"{type(error).__name__}: {error}"[:2000]
        email.save(update_fields=["attempts", "last_error"])
        _retry_later(email)
        raise
    email.sent_at = timezone.now()
    email.last_error = ""
    email.save(update_fields=["attempts", "last_error", "sent_at"])
    return "sent"


def _retry_later(email):
    from django_tasks import default_task_backend

    from .emails import enqueue_delivery

    if email.attempts >= MAX_ATTEMPTS:
        logger.error(
            "Giving up on partner request email %s after %s attempts", email.pk, email.attempts
        )
        return
    if not default_task_backend.supports_defer:
        # The immediate backend cannot wait: the email stays stored as unsent and
        # `manage.py send_pending_notifications` queues it again.
        logger.warning("Partner request email %s not sent: %s", email.pk, email.last_error)
        return
    enqueue_delivery(email.pk, run_after=timezone.now() + retry_delay(email.attempts))
