"""The "Submitted images" collection, where images sent with cases wait for review: only
Moderators are granted permissions on it directly, and (submissions/permissions.py) grants on
the root collection no longer reach it."""

from django.db import migrations

from home.tree import STEPLEN, child_path

COLLECTION = "Submitted images"
ACTIONS = ["add", "change", "choose"]


def _permission(apps, action):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.get(
        content_type__app_label="wagtailimages", codename=f"{action}_image"
    )


def grant_moderators(apps, schema_editor):
    Collection = apps.get_model("wagtailcore.Collection")
    Group = apps.get_model("auth.Group")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    moderators = Group.objects.filter(name="Moderators").first()
    if root is None or moderators is None:
        return
    collection = Collection.objects.filter(depth=2, name=COLLECTION).first()
    if collection is None:
        # Collections are a treebeard materialised-path tree, like pages: the root's next child.
        last = Collection.objects.filter(depth=2).order_by("-path").first()
        path = child_path(root.path, int(last.path[-STEPLEN:], 36) + 1 if last else 1)
        collection = Collection.objects.create(name=COLLECTION, depth=2, path=path, numchild=0)
        Collection.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
    for action in ACTIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=moderators, collection=collection, permission=_permission(apps, action)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0005_moderation_and_outbox"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(grant_moderators, migrations.RunPython.noop)]
