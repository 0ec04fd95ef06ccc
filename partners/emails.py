"""Emails to the contact person of a partner request. Each is stored in the same transaction as
the change that caused it, then sent by a background task once that transaction commits, so no
email announces a decision that was rolled back."""

from django.db import transaction

from .models import PartnerRequestEmail


def queue_email(request, kind):
    email = PartnerRequestEmail.objects.create(request=request, kind=kind)
    transaction.on_commit(lambda: enqueue_delivery(email.pk), robust=True)
    return email


def enqueue_delivery(email_id, *, run_after=None):
    from .tasks import send_request_email

    task = send_request_email.using(run_after=run_after) if run_after else send_request_email
    return task.enqueue(email_id)
