from django.db import migrations
from django.utils.text import slugify

# The starting list; editors add, rename and merge topics in the admin afterwards.
TOPICS = [
    "Sustainability",
    "Migration",
    "Health",
    "Safety & Security",
    "Housing",
    "Mobility",
    "Climate",
    "Poverty",
    "Inclusion",
    "Education",
    "Energy",
    "Water",
    "Food",
    "Public space",
    "Governance",
    "Jobs & Economy",
    "Culture",
    "Digital city",
]


def create_topics(apps, schema_editor):
    Topic = apps.get_model("taxonomy.Topic")
    for name in TOPICS:
        Topic.objects.get_or_create(slug=slugify(name), defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0002_sdgs")]

    operations = [migrations.RunPython(create_topics, migrations.RunPython.noop)]
