"""The library's pages and review: the library at /library/ and the "Propose a document" form
under the home page; a "Library review" workflow (Moderators approve or request changes) on the
library, where public proposals and editors' drafts go; Moderators may add and publish library
documents and read who proposed them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from home.tree import add_child_page

PAGES = [
    (
        "library.LibraryIndexPage",
        {
            "title": "Policy library",
            "slug": "library",
            "intro": "<p>Policies, strategies, plans, regulations, evaluations, toolkits and "
            "reports from cities and their partners, findable by goal, topic, place and year, "
            "and searched down to the text of their files.</p>",
        },
    ),
    (
        "library.ProposeDocumentPage",
        {
            "title": "Propose a document",
            "slug": "propose-a-document",
            "intro": "<p>Know a policy or strategy document other cities should read? Propose "
            "it for the library. Our moderators check every proposal before it is "
            "published.</p>",
            "thank_you_text": "",
        },
    ),
]
WORKFLOW, TASK, GROUP = "Library review", "Moderators review (library)", "Moderators"
PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]
MODEL_PERMISSIONS = ["view_documentproposal"]


def _content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes.ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def create_pages(apps, schema_editor):
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


def create_review(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    LibraryIndexPage = apps.get_model("library.LibraryIndexPage")

    moderators, _ = Group.objects.get_or_create(name=GROUP)
    moderators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="library", codename__in=MODEL_PERMISSIONS
        )
    )
    index = LibraryIndexPage.objects.first()
    if index is None:
        return
    for action in PAGE_ACTIONS:
        GroupPagePermission.objects.get_or_create(
            group=moderators,
            page_id=index.pk,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            ),
        )
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is None:
        task = GroupApprovalTask.objects.create(
            name=TASK,
            active=True,
            content_type=_content_type(apps, "wagtailcore", "groupapprovaltask"),
        )
        task.groups.set([moderators])
        workflow = Workflow.objects.create(name=WORKFLOW, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})


def remove_review(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore.Task").objects.filter(name=TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("submissions", "0002_groups_and_workflows"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_pages, migrations.RunPython.noop),
        migrations.RunPython(create_review, remove_review),
    ]
