from django.db import migrations

from home.tree import add_child_page


def create_case_index(apps, schema_editor):
    HomePage = apps.get_model("home.HomePage")
    home = HomePage.objects.first()
    if home is None:
        return
    add_child_page(
        apps,
        home,
        "cases.CaseIndexPage",
        title="Cases",
        slug="cases",
        intro="<p>Urban practice: projects from cities around the world and what they learned.</p>",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
        ("home", "0002_create_homepage"),
    ]

    operations = [migrations.RunPython(create_case_index, migrations.RunPython.noop)]
