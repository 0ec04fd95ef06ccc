"""python manage.py setup_languages: the Locales of settings.LANGUAGES and the platform's own
pages in each (home/locale_trees.py). Safe to run again: it only adds what is missing."""

from django.core.management.base import BaseCommand

from home.locale_trees import ensure_locale_trees


class Command(BaseCommand):
    help = "Create a page tree per language with the platform's own pages translated."

    def handle(self, *args, **options):
        created = ensure_locale_trees()
        self.stdout.write(f"Created {len(created)} translated pages.")
