"""Queue the email alerts' digests that are due (run it hourly or daily: systemd timer, cron)."""

from django.core.management.base import BaseCommand

from django_tasks import default_task_backend

from alerts.models import AlertEmail
from alerts.services import enqueue_delivery, queue_digests


class Command(BaseCommand):
    help = (
        "Queue the daily and weekly digests of new cases that are due, send again the alert "
        "emails a failed mail server left unsent, and delete alerts unconfirmed for 7 days."
    )

    def handle(self, *args, **options):
        queued = queue_digests()
        waiting = []
        if not default_task_backend.supports_defer:
            # Left unsent by a mail server outage under the immediate task backend (the
            # database queue retries by itself): try them again now.
            waiting = list(
                AlertEmail.objects.filter(sent_at__isnull=True, attempts__gt=0).values_list(
                    "pk", flat=True
                )
            )
        for email_id in waiting:
            enqueue_delivery(email_id)
        self.stdout.write(f"Queued {queued} digest(s); retried {len(waiting)} unsent email(s).")
