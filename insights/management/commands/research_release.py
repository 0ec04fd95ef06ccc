"""python manage.py research_release DIR --from DATE --to DATE"""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from insights.releases import build


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"'{value}' is not a date (YYYY-MM-DD).") from None


class Command(BaseCommand):
    help = (
        "Write a versioned research data release (a Frictionless data package with codebook, "
        "licence and citation) into a new folder under DIR: cases, knowledge links, searches, "
        "survey responses and 'Was this useful?' answers from --from to --to, anonymised."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Where to write; the release gets a folder in it.")
        parser.add_argument(
            "--from", dest="date_from", required=True, help="First day (YYYY-MM-DD)."
        )
        parser.add_argument("--to", dest="date_to", required=True, help="Last day (YYYY-MM-DD).")

    def handle(self, *args, directory, date_from, date_to, **options):
        start, end = _date(date_from), _date(date_to)
        if start > end:
            raise CommandError("--to must not be before --from.")
        if Path(directory).exists() and not Path(directory).is_dir():
            raise CommandError(f"{directory} is not a directory.")
        release = build.build(directory, start, end)
        rows = ", ".join(f"{name}: {count}" for name, count in release.descriptor["rows"].items())
        self.stdout.write(f"Release {release.version} written to {release.directory} ({rows}).")
