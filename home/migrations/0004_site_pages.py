"""The platform's own pages (About, Objectives, Research questions, Principles, Contact,
Privacy) with their real text, from home/site_content.py, on every new site."""

from django.db import migrations

from home import site_content
from home.tree import add_child_page


def create_site_pages(apps, schema_editor):
    HomePage = apps.get_model("home.HomePage")
    Page = apps.get_model("wagtailcore.Page")
    home = HomePage.objects.first()
    if home is None:
        return
    for data in site_content.pages():
        home = HomePage.objects.get(pk=home.pk)  # numchild changes with every page added
        siblings = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
        if siblings.filter(slug=data["slug"]).exists():
            continue
        add_child_page(
            apps,
            home,
            "home.StandardPage",
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            body=site_content.stream_data(data["body"]),
            search_description=data["description"],
            show_in_menus=True,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_homepage_spotlight"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_site_pages, migrations.RunPython.noop)]
