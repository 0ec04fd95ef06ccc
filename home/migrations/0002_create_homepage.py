from django.db import migrations

from home.tree import child_path

INTRO = (
    "<p>Cities, NGOs and researchers share what they learned from urban projects on poverty, "
    "health, housing, mobility, climate and inclusion, so that other cities can learn from them.</p>"
)


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    # Replace the welcome page Wagtail's own initial migration creates (its Site goes with it).
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    root = Page.objects.get(depth=1)
    content_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    homepage = HomePage.objects.create(
        title="Closer Cities",
        draft_title="Closer Cities",
        slug="home",
        content_type=content_type,
        path=child_path(root.path, 1),
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=root.locale_id,
        live=True,
        intro=INTRO,
    )
    Page.objects.filter(pk=root.pk).update(numchild=1)
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page_id=homepage.pk,
        is_default_site=True,
        site_name="Closer Cities",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
