"""Email alerts, step by step: subscribing (an unconfirmed alert and its confirmation email, in
one transaction), confirming, changing and cancelling, queueing the digests that are due, and
deleting addresses that are no longer needed."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import AlertEmail, EmailKind, Frequency, Subscription

# Unconfirmed alerts are deleted after this long (the confirmation link stops working).
UNCONFIRMED_DAYS = 7
PERIODS = {
    Frequency.DAILY: datetime.timedelta(days=1),
    Frequency.WEEKLY: datetime.timedelta(days=7),
}
# A timer that fires a little early still sends the digest that is due.
GRACE = datetime.timedelta(hours=2)


def index_lag():
    """Cases published this recently may not be searchable yet (the search engine catches up
    within seconds): they go into the next digest rather than being missed."""
    return datetime.timedelta(seconds=getattr(settings, "ALERTS_INDEX_LAG_SECONDS", 600))


def queue_email(subscription, kind, *, window_end=None):
    email = AlertEmail.objects.create(subscription=subscription, kind=kind, window_end=window_end)
    transaction.on_commit(lambda: enqueue_delivery(email.pk), robust=True)
    return email


def enqueue_delivery(email_id, *, run_after=None):
    from .tasks import send_alert_email

    task = send_alert_email.using(run_after=run_after) if run_after else send_alert_email
    return task.enqueue(email_id)


@transaction.atomic
def subscribe(email, query, frequency, language=None):
    """An unconfirmed alert for `query` (see saved_search.clean_query) and its confirmation
    email, sent after the commit. Nothing is sent to the address before it confirms."""
    subscription = Subscription.objects.create(
        email=email,
        query=query,
        frequency=frequency,
        language=language or settings.LANGUAGE_CODE,
    )
    queue_email(subscription, EmailKind.CONFIRMATION)
    return subscription


def confirm(subscription, *, now=None):
    """Start the alert: the first digest lists cases published from now on."""
    if subscription.confirmed_at is None and subscription.unsubscribed_at is None:
        now = now or timezone.now()
        subscription.confirmed_at = now
        subscription.covered_until = now
        subscription.save(update_fields=["confirmed_at", "covered_until"])
    return subscription


def change_frequency(subscription, frequency):
    subscription.frequency = frequency
    subscription.save(update_fields=["frequency"])
    return subscription


def unsubscribe(subscription, *, now=None):
    """Stop every email; the address is deleted by the next `purge_submitter_data`."""
    if subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = now or timezone.now()
        subscription.save(update_fields=["unsubscribed_at"])
    return subscription


def delete_unconfirmed(*, now=None):
    """Delete alerts nobody confirmed within UNCONFIRMED_DAYS (with their addresses)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=UNCONFIRMED_DAYS)
    deleted, _ = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


def delete_unsubscribed():
    """Delete every cancelled alert (with its address)."""
    return Subscription.objects.filter(unsubscribed_at__isnull=False).delete()[0]


@transaction.atomic
def queue_digests(*, now=None):
    """Queue a digest for every confirmed alert whose period has passed and that has none
    waiting to be sent; each covers the cases published up to a little before `now`. Returns
    how many were queued. Run it every hour or day (`manage.py send_alert_digests`)."""
    now = now or timezone.now()
    delete_unconfirmed(now=now)
    window_end = now - index_lag()
    waiting = AlertEmail.objects.filter(kind=EmailKind.DIGEST, sent_at__isnull=True).values(
        "subscription_id"
    )
    queued = 0
    for frequency, period in PERIODS.items():
        due = (
            Subscription.objects.filter(
                frequency=frequency,
                confirmed_at__isnull=False,
                unsubscribed_at__isnull=True,
                covered_until__lte=now - period + GRACE,
                covered_until__lt=window_end,
            )
            .exclude(pk__in=waiting)
            .select_for_update()
        )
        for subscription in due:
            queue_email(subscription, EmailKind.DIGEST, window_end=window_end)
            queued += 1
    return queued
