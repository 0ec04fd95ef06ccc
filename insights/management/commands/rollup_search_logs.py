"""python manage.py rollup_search_logs (daily, from cron or a systemd timer)"""

from django.core.management.base import BaseCommand

from insights import rollups


class Command(BaseCommand):
    help = "Sum up every finished day of the search log that has no daily roll-up yet (for the research dashboards)."

    def handle(self, *args, **options):
        count = rollups.refresh()
        self.stdout.write(f"Rolled up {count} day(s) of the search log.")
