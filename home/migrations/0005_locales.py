"""The Locales of the languages the site ships (settings.LANGUAGES, issue 15). A database made
when the default language was "en-gb" has its pages in that Locale: it becomes "en", the
language code the site now uses, so every existing page stays in the default tree."""

from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    default = settings.LANGUAGE_CODE
    if not Locale.objects.filter(language_code=default).exists():
        Locale.objects.filter(language_code__iexact="en-gb").update(language_code=default)
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_site_pages"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
