"""Background tasks (django-tasks): sending alert emails. A failed send keeps the email stored,
records why, and (on a backend that can wait: the database queue) tries again later with the
same growing delay and attempt limit as the emails to submitters. A digest that could not be
sent leaves the alert's window where it was, so the retry lists the same cases."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from django_tasks import task

from submissions.tasks import MAX_ATTEMPTS, retry_delay

from .digest import new_cases
from .models import AlertEmail, EmailKind
from .saved_search import describe

logger = logging.getLogger(__name__)


def site_url(name, token):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=[token])


def _message(email, subscription, context):
    links = {
        "confirm_url": site_url("alerts:confirm", subscription.token),
        "manage_url": site_url("alerts:manage", subscription.token),
        "unsubscribe_url": site_url("alerts:unsubscribe", subscription.token),
        "filters": describe(subscription.query),
    }
    context = {**context, **links, "subscription": subscription, "email": email}
    with translation.override(subscription.language):
        subject = render_to_string(f"alerts/email/{email.kind}_subject.txt", context).strip()
        body = render_to_string(f"alerts/email/{email.kind}.txt", context)
    headers = {}
    if email.kind == EmailKind.DIGEST:
        # One click in the mail program unsubscribes (RFC 2369 and RFC 8058).
        headers["List-Unsubscribe"] = f"<{links['unsubscribe_url']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return EmailMessage(subject, body, None, [subscription.email], headers=headers)


@task()
def send_alert_email(email_id):
    """Send one stored alert email (a confirmation or a digest)."""
    email = AlertEmail.objects.select_related("subscription").filter(pk=email_id).first()
    if email is None or email.sent_at is not None:
        return "nothing to send"
    subscription = email.subscription
    if subscription.unsubscribed_at is not None:
        return "unsubscribed"
    context = {}
    if email.kind == EmailKind.DIGEST:
        if subscription.confirmed_at is None:
            return "not confirmed"
        cases, total = new_cases(subscription.query, subscription.covered_until, email.window_end)
        if not cases:
            _done(email, 0)
            return "no new cases"
        context = {"cases": cases, "total": total, "more": total - len(cases)}
    message = _message(email, subscription, context)
    email.attempts += 1
    try:
        message.send()
    except Exception as error:
        email.last_error = f"{type(error).__name__}: {error}"[:2000]
        email.save(update_fields=["attempts", "last_error"])
        _retry_later(email)
        raise
    _done(email, len(context.get("cases", ())))
    return "sent"


def _done(email, cases):
    email.sent_at = timezone.now()
    email.last_error = ""
    email.cases = cases
    email.save(update_fields=["attempts", "last_error", "sent_at", "cases"])
    if email.kind == EmailKind.DIGEST:
        subscription = email.subscription
        subscription.covered_until = email.window_end
        subscription.save(update_fields=["covered_until"])


def _retry_later(email):
    from django_tasks import default_task_backend

    from .services import enqueue_delivery

    if email.attempts >= MAX_ATTEMPTS:
        logger.error("Giving up on alert email %s after %s attempts", email.pk, email.attempts)
        return
    if not default_task_backend.supports_defer:
        # The immediate backend cannot wait: the email stays stored as unsent and
        # `manage.py send_alert_digests` queues it again. Production uses the database queue.
        logger.warning("Alert email %s not sent: %s", email.pk, email.last_error)
        return
    enqueue_delivery(email.pk, run_after=timezone.now() + retry_delay(email.attempts))
