"""Page-tree arithmetic for data migrations, where historical models lack treebeard's methods.

Wagtail's page tree is a treebeard materialised path: each level adds a 4-character base-36 step.
"""

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def child_path(parent_path, position):
    """The path of the `position`-th child (1-based) of the page at `parent_path`."""
    step = ""
    while position:
        position, digit = divmod(position, len(ALPHABET))
        step = ALPHABET[digit] + step
    return parent_path + step.rjust(STEPLEN, "0")


def add_child_page(apps, parent, model_label, **fields):
    """Create a page of `model_label` ('app.Model') as the last child of `parent` in a migration."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    model = apps.get_model(model_label)
    app_label, model_name = model_label.lower().split(".")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    last_child = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .first()
    )
    position = int(last_child.path[-STEPLEN:], 36) + 1 if last_child else 1
    page = model.objects.create(
        content_type=content_type,
        path=child_path(parent.path, position),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{fields['slug']}/",
        locale_id=parent.locale_id,
        draft_title=fields["title"],
        live=True,
        **fields,
    )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    return page
