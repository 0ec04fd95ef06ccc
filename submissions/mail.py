"""Email that never blocks a request and is never lost: every message is stored in the
transaction that caused it and sent by a background task after the commit, retried while the
mail server is down or hanging.

`QueuedEmailBackend` is Django's EMAIL_BACKEND, so Wagtail's moderation notifications (and any
other email Django or Wagtail sends) take this path too; `deliver()` hands a message to the
transport that really sends (EMAIL_DELIVERY_BACKEND: SMTP in production, with EMAIL_TIMEOUT).
"""

from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction


def serialise(message):
    """The parts of an email that the site sends, as JSON. Attachments are not sent by the
    site's notifications; one would be refused rather than silently dropped."""
    if message.attachments:
        raise ValueError("Stored emails carry no attachments.")
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


def deserialise(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    return message


def deliver(message):
    """Send one message now through the real transport; raises when the mail server fails."""
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    message.connection = connection
    return message.send()


class QueuedEmailBackend(BaseEmailBackend):
    """Stores each message as an OutgoingEmail and queues its delivery for after the commit of
    the current transaction (at once outside one). Storing cannot hang on a mail server."""

    def send_messages(self, email_messages):
        from .models import OutgoingEmail
        from .notifications import enqueue_email

        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            email = OutgoingEmail.objects.create(message=serialise(message))
            transaction.on_commit(partial(enqueue_email, email.pk))
            count += 1
        return count
