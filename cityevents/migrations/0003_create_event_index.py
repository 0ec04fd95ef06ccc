"""The events page (/events/) under the home page. Events are published through Wagtail's
default "Moderators approval" workflow, which the site root carries: Editors write events and
submit them; Moderators approve, which publishes, so they hold the publish permission here (as
they do on the case index)."""

from django.db import migrations

from home.tree import add_child_page


def create_event_index(apps, schema_editor):
    HomePage = apps.get_model("home.HomePage")
    Page = apps.get_model("wagtailcore.Page")
    home = HomePage.objects.first()
    if home is None:
        return
    index = Page.objects.filter(
        depth=home.depth + 1, path__startswith=home.path, slug="events"
    ).first()
    if index is None:
        index = add_child_page(
            apps,
            home,
            "events.EventIndexPage",
            title="Events",
            slug="events",
            intro="<p>Workshops, focus groups, conferences, webinars and study visits where "
            "urban professionals learn from each other. Add them to your calendar.</p>",
        )
    moderators = apps.get_model("auth.Group").objects.filter(name="Moderators").first()
    if moderators is None:
        return
    Permission = apps.get_model("auth.Permission")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    for action in ("add", "change", "publish"):
        GroupPagePermission.objects.get_or_create(
            group=moderators,
            page_id=index.pk,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            ),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_initial"),
        ("home", "0002_create_homepage"),
        ("partners", "0002_pages_and_permissions"),
        ("submissions", "0002_groups_and_workflows"),
    ]

    operations = [migrations.RunPython(create_event_index, migrations.RunPython.noop)]
