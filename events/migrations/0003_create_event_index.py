"""The events page (/events/) under the home page. Events are published through Wagtail's
default "Moderators approval" workflow, which the site root carries."""

from django.db import migrations

from home.tree import add_child_page


def create_event_index(apps, schema_editor):
    HomePage = apps.get_model("home.HomePage")
    Page = apps.get_model("wagtailcore.Page")
    home = HomePage.objects.first()
    if home is None:
        return
    if Page.objects.filter(
        depth=home.depth + 1, path__startswith=home.path, slug="events"
    ).exists():
        return
    add_child_page(
        apps,
        home,
        "events.EventIndexPage",
        title="Events",
        slug="events",
        intro="<p>Workshops, focus groups, conferences, webinars and study visits where urban "
        "professionals learn from each other. Add them to your calendar.</p>",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_initial"),
        ("home", "0002_create_homepage"),
        ("partners", "0002_pages_and_permissions"),
    ]

    operations = [migrations.RunPython(create_event_index, migrations.RunPython.noop)]
