"""The editorial roles and their review workflows.

- Moderators review public case submissions ("Case review" on the case index) and may publish
  cases; they also see the submission inbox.
- Science editors review and publish science articles ("Science review" on the article index).
- Researchers write article drafts and submit them to Science review; they cannot publish.
- Editors edit the whole site as drafts; their changes go through Wagtail's default
  "Moderators approval" workflow. No one but Science editors can publish articles, so Wagtail's
  default page permissions of Moderators and Editors (on the root page) are replaced.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PAGE_PERMISSIONS = {
    "Moderators": {"cases.CaseIndexPage": ["add", "change", "publish", "lock", "unlock"]},
    "Science editors": {
        "articles.ArticleIndexPage": ["add", "change", "publish", "lock", "unlock"]
    },
    "Researchers": {"articles.ArticleIndexPage": ["add", "change"]},
    "Editors": {"home.HomePage": ["add", "change", "lock"]},
}
MEDIA = ["add", "change", "choose"]
COLLECTION_PERMISSIONS = {
    "Moderators": MEDIA,
    "Science editors": MEDIA,
    "Researchers": ["add", "choose"],
    "Editors": MEDIA,
}
MODEL_PERMISSIONS = {
    "Moderators": [
        "wagtailadmin.access_admin",
        "submissions.view_submission",
        "submissions.change_submission",
    ],
    "Science editors": [
        "wagtailadmin.access_admin",
        "articles.add_researcher",
        "articles.change_researcher",
        "articles.view_researcher",
        "submissions.view_surveyresponse",
    ],
    "Researchers": [
        "wagtailadmin.access_admin",
        "articles.add_researcher",
        "articles.change_researcher",
        "articles.view_researcher",
        "submissions.view_surveyresponse",
    ],
    "Editors": [
        "wagtailadmin.access_admin",
        "taxonomy.add_topic",
        "taxonomy.change_topic",
        "taxonomy.view_topic",
        "articles.view_researcher",
    ],
}
WORKFLOWS = [
    # (workflow, task, task model, reviewing group, page model it is assigned to)
    (
        "Case review",
        "Moderators review",
        "submissions.CaseReviewTask",
        "Moderators",
        "cases.CaseIndexPage",
    ),
    (
        "Science review",
        "Science editors review",
        "wagtailcore.GroupApprovalTask",
        "Science editors",
        "articles.ArticleIndexPage",
    ),
]


def _permission(apps, label):
    Permission = apps.get_model("auth.Permission")
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _content_type(apps, label):
    ContentType = apps.get_model("contenttypes.ContentType")
    app_label, model = label.lower().split(".")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def _page_of_type(apps, label):
    Page = apps.get_model("wagtailcore.Page")
    return Page.objects.filter(content_type=_content_type(apps, label)).order_by("path").first()


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore.Collection")
    root_collection = Collection.objects.filter(depth=1).first()

    for name in PAGE_PERMISSIONS:
        group, _ = Group.objects.get_or_create(name=name)
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        group.permissions.set([_permission(apps, label) for label in MODEL_PERMISSIONS[name]])
        for page_model, actions in PAGE_PERMISSIONS[name].items():
            page = _page_of_type(apps, page_model)
            if page is None:
                continue
            for action in actions:
                GroupPagePermission.objects.create(
                    group=group,
                    page=page,
                    permission=_permission(apps, f"wagtailcore.{action}_page"),
                )
        if root_collection is not None:
            for action in COLLECTION_PERMISSIONS[name]:
                for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
                    GroupCollectionPermission.objects.create(
                        group=group,
                        collection=root_collection,
                        permission=_permission(apps, f"{app_label}.{action}_{model}"),
                    )


def create_workflows(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    for workflow_name, task_name, task_model, group_name, page_model in WORKFLOWS:
        if Workflow.objects.filter(name=workflow_name).exists():
            continue
        TaskModel = apps.get_model(task_model)
        task = TaskModel.objects.create(
            name=task_name, active=True, content_type=_content_type(apps, task_model)
        )
        task.groups.set([Group.objects.get(name=group_name)])
        workflow = Workflow.objects.create(name=workflow_name, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        page = _page_of_type(apps, page_model)
        if page is not None:
            WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def remove_workflows(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    names = [w[0] for w in WORKFLOWS]
    task_names = [w[1] for w in WORKFLOWS]
    Workflow.objects.filter(name__in=names).delete()
    Task.objects.filter(name__in=task_names).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0001_initial"),
        ("cases", "0002_create_case_index"),
        ("articles", "0003_create_article_index"),
        ("home", "0002_create_homepage"),
        ("taxonomy", "0003_topics"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_roles, migrations.RunPython.noop),
        migrations.RunPython(create_workflows, remove_workflows),
    ]
