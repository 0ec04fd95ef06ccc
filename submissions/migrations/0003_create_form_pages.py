"""The case submission form (/submit-a-case/, linked from every page's header) and the survey,
as pages under the home page. Editors reword or move them like any other page."""

from django.db import migrations

from home.tree import add_child_page

PAGES = [
    (
        "submissions.SubmitCasePage",
        {
            "title": "Submit a case",
            "slug": "submit-a-case",
            "intro": "<p>Share an urban project from your city: what was done, who took part, "
            "and what others can learn from it. Our moderators review every case before it is "
            "published.</p>",
            "thank_you_text": "",
        },
    ),
    (
        "submissions.SurveyPage",
        {
            "title": "Tell us how you share",
            "slug": "tell-us-how-you-share",
            "intro": "<p>A short questionnaire for urban professionals: how and what you learn from "
            "other cities, what makes you share, and what holds you back. Answers are anonymous "
            "and used for research.</p>",
            "thank_you_text": "",
        },
    ),
]


def create_form_pages(apps, schema_editor):
    HomePage = apps.get_model("home.HomePage")
    Page = apps.get_model("wagtailcore.Page")
    home = HomePage.objects.first()
    if home is None:
        return
    for model_label, fields in PAGES:
        if Page.objects.filter(
            depth=home.depth + 1, path__startswith=home.path, slug=fields["slug"]
        ).exists():
            continue
        home = HomePage.objects.get(pk=home.pk)  # numchild changes with each page added
        add_child_page(apps, home, model_label, **fields)


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0002_groups_and_workflows"),
        ("home", "0002_create_homepage"),
    ]

    operations = [migrations.RunPython(create_form_pages, migrations.RunPython.noop)]
