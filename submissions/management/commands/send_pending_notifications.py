"""Queue every stored email that has not been sent yet (e.g. after the mail server was down
while the site ran with the immediate task backend)."""

from django.core.management.base import BaseCommand

from wagtail import hooks

from submissions.models import Notification, OutgoingEmail
from submissions.notifications import enqueue_delivery, enqueue_email


class Command(BaseCommand):
    help = "Queue unsent emails (to submitters, and Wagtail's notifications) for delivery."

    def handle(self, *args, **options):
        notifications = Notification.objects.filter(
            sent_at__isnull=True, submission__anonymised_at__isnull=True
        ).values_list("pk", flat=True)
        emails = OutgoingEmail.objects.filter(sent_at__isnull=True).values_list("pk", flat=True)
        count = 0
        for pk in notifications:
            enqueue_delivery(pk)
            count += 1
        for pk in emails:
            enqueue_email(pk)
            count += 1
        # Other apps' stored emails (a `send_pending_notifications` hook returns how many).
        count += sum(queue() for queue in hooks.get_hooks("send_pending_notifications"))
        self.stdout.write(f"Queued {count} email(s).")
