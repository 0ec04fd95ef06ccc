"""Fast creation of many published pages under one parent, for demo data and benchmarks.

`Page.add_child` costs several queries per page (tree locking, revisions, signals); seeding
100,000 cases that way takes hours. Here the `wagtailcore_page` rows go in with one
`bulk_create`, the page type's own rows with `executemany`, and the tree counters are
fixed once at the end. Search indexing is left to the caller (one bulk call per model).
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from wagtail.models import Page

from .tree import STEPLEN, child_path

BATCH_SIZE = 500


def _last_position(parent):
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return int(last[-STEPLEN:], 36) if last else 0


def _insert_specific_rows(model, pages):
    """Insert the rows of the page type's own table (the part `bulk_create` refuses for
    multi-table inheritance) with one prepared statement."""
    fields = list(model._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608, E501
    rows = [
        [f.get_db_prep_save(f.pre_save(page, add=True), connection) for f in fields]
        for page in pages
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH_SIZE):
            cursor.executemany(sql, rows[start : start + BATCH_SIZE])


def stable_translation_key(parent, slug):
    """A translation key that follows from the page's place (its parent and slug): the same
    page gets the same key on every run, and two pages never share one (slugs are unique
    among siblings). Keys drawn from a seeded generator repeated themselves on a second run
    that added pages, which failed with an IntegrityError."""
    return uuid.uuid5(parent.translation_key, slug)


@transaction.atomic
def add_live_children(parent, pages, *, stable_keys=False, rng=None):
    """Add unsaved `pages` (all of one specific type) as live children at the end of `parent`.

    `stable_keys` (or, as before, any `rng`) gives each page a translation key that follows
    from its parent and slug, so seeding is reproducible. Returns the pages, saved.
    """
    if not pages:
        return pages
    model = type(pages[0])
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    content_type = ContentType.objects.get_for_model(model)
    position = _last_position(parent)
    base_rows = []
    for offset, page in enumerate(pages, start=1):
        page.path = child_path(parent.path, position + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.content_type = content_type
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.last_published_at = page.last_published_at or page.first_published_at
        page.latest_revision_created_at = page.last_published_at
        page.translation_key = (
            stable_translation_key(parent, page.slug) if stable_keys or rng else uuid.uuid4()
        )
        if hasattr(page, "set_derived_fields"):
            page.set_derived_fields()
        base_rows.append(
            Page(**{f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})
        )
    Page.objects.bulk_create(base_rows, batch_size=BATCH_SIZE)
    for page, row in zip(pages, base_rows, strict=True):
        page.pk = page.id = page.page_ptr_id = row.pk
    _insert_specific_rows(model, pages)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    return pages
