import time

import django.utils.timezone
from django.db import migrations, models


def create_version(apps, schema_editor):
    # Start from the clock, not 1: a site upgraded from the content version's old home
    # (closercities_api) must not reuse the cache keys and ETags of its old versions.
    apps.get_model("core", "ContentVersion").objects.get_or_create(
        pk=1, defaults={"version": int(time.time())}
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("version", models.PositiveBigIntegerField(default=1)),
                ("changed_at", models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={"verbose_name": "content version"},
        ),
        migrations.RunPython(create_version, migrations.RunPython.noop),
    ]
