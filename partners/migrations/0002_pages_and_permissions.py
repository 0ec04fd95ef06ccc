"""The partners page (/partners/) with the "Become a partner" form below it, and who may do
what: Moderators answer partner requests and publish partners; Editors add and edit partners
(as drafts)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from home.tree import add_child_page

PERMISSIONS = {
    "Moderators": [
        "partners.view_partnerrequest",
        "partners.change_partnerrequest",
        "partners.add_partner",
        "partners.change_partner",
        "partners.publish_partner",
        "partners.view_partner",
    ],
    "Editors": ["partners.add_partner", "partners.change_partner", "partners.view_partner"],
}


def create_pages(apps, schema_editor):
    HomePage = apps.get_model("home.HomePage")
    Page = apps.get_model("wagtailcore.Page")
    home = HomePage.objects.first()
    if home is None:
        return
    index = Page.objects.filter(
        depth=home.depth + 1, path__startswith=home.path, slug="partners"
    ).first()
    if index is None:
        index = add_child_page(
            apps,
            home,
            "partners.PartnerIndexPage",
            title="Partners",
            slug="partners",
            intro="<p>Governments, universities, urban networks, companies, civil society and "
            "NGOs that share what works in cities through Closer Cities.</p>",
        )
    if not Page.objects.filter(path__startswith=index.path, slug="become-a-partner").exists():
        add_child_page(
            apps,
            Page.objects.get(pk=index.pk),
            "partners.BecomePartnerPage",
            title="Become a partner",
            slug="become-a-partner",
            intro="<p>Tell us about your organisation and what it would bring: cases, research, "
            "events, funding or a network of cities. We answer every request.</p>",
            thank_you_text="",
        )


def grant_permissions(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    # Wagtail adds a draft-state snippet's publish permission after migrating; it is needed now.
    partner_type, _ = ContentType.objects.get_or_create(app_label="partners", model="partner")
    Permission.objects.get_or_create(
        content_type=partner_type,
        codename="publish_partner",
        defaults={"name": "Can publish partner"},
    )
    for name, labels in PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for label in labels:
            app_label, codename = label.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("submissions", "0002_groups_and_workflows"),
    ]

    operations = [
        migrations.RunPython(create_pages, migrations.RunPython.noop),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
    ]
