"""Keep the search engine right when editors publish, unpublish, move or delete pages.

Wagtail already tries to index every saved page at once, but when the engine is down it only
logs the error and the change is lost. So each of these events also leaves a
PendingIndexUpdate row (in the same transaction as the page change) and, once that is committed,
asks for the `sync_search_index` task, which writes the engine and retries until it succeeds
(search/tasks.py: one queue, one waiting retry at most).
The database search backend is transactional and needs none of this.
"""

from django.db import transaction
from django.db.models.signals import post_delete

from wagtail.models import Page
from wagtail.search.backends import get_search_backends
from wagtail.signals import page_published, page_unpublished, post_page_move


def engine_backends():
    """Search backends that live outside the database (Elasticsearch/OpenSearch)."""
    return [
        backend
        for backend in get_search_backends(with_auto_update=True)
        if getattr(backend, "catch_indexing_errors", False)
    ]


def queue_update(pages, action):
    from .models import PendingIndexUpdate
    from .tasks import request_sync

    if not engine_backends():
        return
    PendingIndexUpdate.objects.bulk_create(
        PendingIndexUpdate(page_id=page.pk, content_type_id=page.content_type_id, action=action)
        for page in pages
    )
    transaction.on_commit(request_sync, robust=True)


def on_publish_or_unpublish(sender, instance, **kwargs):
    queue_update([instance], "update")


def on_move(sender, instance, **kwargs):
    # A move changes the tree path of the page and of everything below it.
    queue_update(Page.objects.descendant_of(instance, inclusive=True), "update")


def on_delete(sender, instance, **kwargs):
    # Deleting a case sends post_delete for both its CasePage row and its Page row; the base
    # Page row is enough (it carries the specific content type).
    if type(instance) is Page:
        queue_update([instance], "delete")


def connect():
    page_published.connect(on_publish_or_unpublish, dispatch_uid="search-publish")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="search-unpublish")
    post_page_move.connect(on_move, dispatch_uid="search-move")
    post_delete.connect(on_delete, sender=Page, dispatch_uid="search-delete")
