"""Anonymise the submitter data of finished submissions, as promised in the privacy notice, and
the personal data other apps keep about people who wrote in. Apps join through either Wagtail
hook: `purge_submitter_data` (takes the days, returns (what, how many)) or `purge_personal_data`
(takes the days and now, returns a line for the output)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from wagtail import hooks

from submissions.services import purge_submitter_data


class Command(BaseCommand):
    help = "Anonymise name, email and organisation of finished submissions older than N days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            required=True,
            metavar="DAYS",
            help="Only submissions finished (approved, rejected or withdrawn) more than DAYS ago.",
        )

    def handle(self, *args, older_than, **options):
        if older_than < 0:
            raise CommandError("--older-than must be zero or more days.")
        now = timezone.now()
        count = purge_submitter_data(older_than, now=now)
        self.stdout.write(
            f"Anonymised {count} submission(s) finished more than {older_than} days ago."
        )
        for purge in hooks.get_hooks("purge_submitter_data"):
            what, count = purge(older_than)
            self.stdout.write(f"Anonymised {count} {what} decided more than {older_than} days ago.")
        for purge in hooks.get_hooks("purge_personal_data"):
            self.stdout.write(purge(older_than, now))
