"""python manage.py send_pending_contact_messages"""

from django.core.management.base import BaseCommand

from exchange.services import enqueue_delivery, pending_messages


class Command(BaseCommand):
    help = (
        "Queue again every question to a case's team that is still unsent (after a mail "
        "outage, with the immediate task backend; the database queue retries by itself)."
    )

    def handle(self, *args, **options):
        ids = list(pending_messages().values_list("pk", flat=True))
        for pk in ids:
            try:
                enqueue_delivery(pk)
            except Exception as error:  # the immediate backend runs it now; it stays stored
                self.stderr.write(f"Message {pk} not sent: {type(error).__name__}")
        self.stdout.write(f"Queued {len(ids)} unsent contact message(s).")
