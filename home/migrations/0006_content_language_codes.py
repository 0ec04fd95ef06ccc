"""The site's content languages became a setting (LANGUAGES, issue 15): English is `en`.
A database made before has its one locale as `en-gb` (Django's list, the old default of
Wagtail's content languages); it becomes `en`, so new pages, the API's `locale` and search
find it. Nothing changes where the locale already is a content language."""

from django.db import migrations


def to_content_languages(apps, schema_editor):
    from wagtail.coreutils import get_supported_content_language_variant

    Locale = apps.get_model("wagtailcore", "Locale")
    for locale in Locale.objects.all():
        try:
            code = get_supported_content_language_variant(locale.language_code)
        except LookupError:
            continue
        if code != locale.language_code and not Locale.objects.filter(language_code=code).exists():
            locale.language_code = code
            locale.save(update_fields=["language_code"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_locales"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(to_content_languages, migrations.RunPython.noop)]
