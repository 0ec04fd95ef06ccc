"""Who works with the knowledge exchange in the admin.

- Moderators review adoption reports (approve, reject, turn into a draft case), see the links
  listing, keep external sources, and see whether questions to case teams were delivered.
- Editors keep external sources and see the links listing (they edit links on the cases).
- Researchers see the anonymous record of contact requests and the links listing.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "Moderators": [
        "view_adoptionreport",
        "change_adoptionreport",
        "view_knowledgelink",
        "view_contactmessage",
        "add_externalsource",
        "change_externalsource",
        "view_externalsource",
    ],
    "Editors": [
        "view_knowledgelink",
        "add_externalsource",
        "change_externalsource",
        "view_externalsource",
    ],
    "Researchers": ["view_contactrequestrecord", "view_knowledgelink"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name, codenames in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="exchange", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Permission.objects.filter(content_type__app_label="exchange").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("exchange", "0001_initial"),
        ("submissions", "0002_groups_and_workflows"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
