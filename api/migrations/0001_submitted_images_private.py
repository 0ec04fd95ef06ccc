"""Make the "Submitted images" collection private to Moderators where it already exists (see
api/media.py: from now on it is made private whenever it is created)."""

from django.db import migrations
from django.db.models import F

COLLECTION = "Submitted images"
GROUP = "Moderators"
GROUPS = "groups"


def make_private(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for collection in Collection.objects.filter(name=COLLECTION):
        restriction, _ = CollectionViewRestriction.objects.get_or_create(
            collection=collection, restriction_type=GROUPS
        )
        restriction.groups.add(group)
    # Cached API answers listed these images: they are stale now (see core.models).
    apps.get_model("core", "ContentVersion").objects.update(version=F("version") + 1)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("core", "0001_initial"),
        ("wagtailcore", "0092_alter_collectionviewrestriction_password_and_more"),
        ("submissions", "0006_private_submitted_images"),
    ]

    operations = [migrations.RunPython(make_private, migrations.RunPython.noop)]
