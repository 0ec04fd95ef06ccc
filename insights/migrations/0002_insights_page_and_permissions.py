"""The insights page at /insights/ (editors word its introduction), and who sees what:
Researchers and Science editors see the research dashboards, the "Was this useful?" counts and
the research data releases; Editors and Moderators see the "Was this useful?" counts."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from home.tree import add_child_page

PERMISSIONS = {
    "Researchers": [
        "view_research_dashboards",
        "view_pagefeedback",
        "view_researchrelease",
    ],
    "Science editors": [
        "view_research_dashboards",
        "view_pagefeedback",
        "view_researchrelease",
    ],
    "Editors": ["view_pagefeedback"],
    "Moderators": ["view_pagefeedback"],
}
INTRO = (
    "<p>Where urban knowledge is shared, and where it is not yet: the cases on this platform by "
    "Sustainable Development Goal and world region, by country, over time and by maturity, the "
    "organisations behind them, how knowledge travels between cities, and what visitors told "
    "us. Every chart has a table with the same numbers and a CSV download.</p>"
)


def create(apps, schema_editor):
    app_config = apps.get_app_config("insights")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name, codenames in PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="insights", codename__in=codenames
                )
            )
    HomePage = apps.get_model("home.HomePage")
    Page = apps.get_model("wagtailcore.Page")
    home = HomePage.objects.first()
    if home is None:
        return
    taken = Page.objects.filter(depth=home.depth + 1, path__startswith=home.path, slug="insights")
    if not taken.exists():
        add_child_page(
            apps, home, "insights.InsightsPage", title="Insights", slug="insights", intro=INTRO
        )


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("submissions", "0002_groups_and_workflows"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
