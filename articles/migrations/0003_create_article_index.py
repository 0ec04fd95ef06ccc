from django.db import migrations

from home.tree import add_child_page


def create_article_index(apps, schema_editor):
    HomePage = apps.get_model("home.HomePage")
    home = HomePage.objects.first()
    if home is None:
        return
    add_child_page(
        apps,
        home,
        "articles.ArticleIndexPage",
        title="Science",
        slug="science",
        intro="<p>Urban science: reflections, interviews and research summaries by researchers.</p>",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_initial"),
        ("cases", "0002_create_case_index"),
    ]

    operations = [migrations.RunPython(create_article_index, migrations.RunPython.noop)]
