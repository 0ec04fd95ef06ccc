"""Background tasks (django-tasks): relaying questions to the team behind a case, and building
the network of a new content version before the first reader asks for it."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from django_tasks import default_task_backend, task

from submissions.tasks import MAX_ATTEMPTS, retry_delay

from . import snapshot
from .models import ContactMessage

logger = logging.getLogger(__name__)


@task()
def send_contact_message(message_id):
    """Send one stored question to the case's contact, with Reply-To the asker so that the two
    continue by email. On failure the error is kept and, on a backend that can defer work
    (the database queue), the message is queued again with a growing delay. Once sent, the
    asker's details and the message are erased."""
    message = ContactMessage.objects.select_related("case").filter(pk=message_id).first()
    if message is None or message.sent_at is not None:
        return "nothing to send"
    recipient = message.case.contact_email
    if not recipient:
        message.last_error = "The case has no contact address any more."
        message.save(update_fields=["last_error"])
        return "no recipient"
    context = {
        "message": message,
        "case_url": message.case.full_url if message.case.live else "",
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    email = EmailMessage(
        subject=_("A question about “%(title)s” from %(name)s")
        % {"title": message.case.title, "name": message.name},
        body=render_to_string("exchange/email/contact_message.txt", context),
        to=[recipient],
        reply_to=[message.email],
    )
    message.attempts += 1
    try:
        email.send()
    except Exception as error:
        message.last_error = f"{type(error).__name__}: {error}"[:2000]
        message.save(update_fields=["attempts", "last_error"])
        _retry_later(message)
        raise
    # Delivered: nothing about the asker is kept (the anonymous research record stays).
    ContactMessage.objects.filter(pk=message.pk).update(
        sent_at=timezone.now(),
        attempts=message.attempts,
        last_error="",
        name="",
        email="",
        organisation="",
        message="",
    )
    return "sent"


def _retry_later(message):
    from .services import enqueue_delivery

    if message.attempts >= MAX_ATTEMPTS:
        logger.error("Giving up on contact message %s after %s attempts", message.pk, MAX_ATTEMPTS)
        return
    if not default_task_backend.supports_defer:
        # The immediate backend cannot wait: the message stays stored as unsent and
        # `manage.py send_pending_contact_messages` queues it again.
        logger.warning("Contact message %s not sent: %s", message.pk, message.last_error)
        return
    enqueue_delivery(message.pk, run_after=timezone.now() + retry_delay(message.attempts))


@task()
def warm_network_snapshot(version):
    """Build the public network of content version `version` (exchange/snapshot.py), so the
    first read after a change finds it ready. Skips a version that is no longer current."""
    return snapshot.warm(version)
