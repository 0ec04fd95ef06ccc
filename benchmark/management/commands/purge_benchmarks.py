"""Delete benchmarks older than 30 days, as the benchmark page promises."""

from django.core.management.base import BaseCommand, CommandError

from benchmark.models import KEEP_DAYS
from benchmark.services import purge_benchmarks


class Command(BaseCommand):
    help = "Delete the benchmarks visitors made more than N days ago (default 30)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=KEEP_DAYS,
            metavar="DAYS",
            help=f"Delete benchmarks made more than DAYS ago (default {KEEP_DAYS}).",
        )

    def handle(self, *args, older_than, **options):
        if older_than < 0:
            raise CommandError("--older-than must be zero or more days.")
        count = purge_benchmarks(older_than)
        self.stdout.write(f"Deleted {count} benchmark(s) made more than {older_than} days ago.")
