"""The "Benchmark your project" page (/benchmark/) under the home page. Editors reword or move
it like any other page."""

from django.db import migrations

from home.tree import add_child_page

FIELDS = {
    "title": "Benchmark your project",
    "slug": "benchmark",
    "intro": "<p>Describe an urban project, in any language, and see how it compares with the "
    "published cases most like it: their status, how long they have run, who took part, how "
    "they assess themselves, and what they learned.</p>",
    "result_intro": "",
}


def create_benchmark_page(apps, schema_editor):
    HomePage = apps.get_model("home.HomePage")
    Page = apps.get_model("wagtailcore.Page")
    home = HomePage.objects.first()
    if home is None:
        return
    if Page.objects.filter(
        depth=home.depth + 1, path__startswith=home.path, slug=FIELDS["slug"]
    ).exists():
        return
    add_child_page(apps, home, "benchmark.BenchmarkPage", **FIELDS)


class Migration(migrations.Migration):
    dependencies = [
        ("benchmark", "0001_initial"),
        ("home", "0002_create_homepage"),
    ]

    operations = [migrations.RunPython(create_benchmark_page, migrations.RunPython.noop)]
