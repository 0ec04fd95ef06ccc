"""Background work for the search: bringing the engine up to date with pending page changes."""

import datetime
import logging

from django.conf import settings
from django.utils import timezone

from wagtail.models import Page

from django_tasks import task

logger = logging.getLogger(__name__)

BATCH_SIZE = 500


def retry_delay(attempts):
    """Seconds to wait before the next try: doubling from SEARCH_INDEX_RETRY_SECONDS, at
    most ten minutes."""
    first = getattr(settings, "SEARCH_INDEX_RETRY_SECONDS", 15)
    return min(600, first * 2 ** max(0, attempts - 1))


def apply_pending_updates():
    """Write pending page changes to every engine; return how many were applied.

    Raises the engine's error when it cannot be reached; the rows then stay for the next try.
    """
    from .models import PendingIndexUpdate
    from .signals import engine_backends

    backends = engine_backends()
    rows = list(PendingIndexUpdate.objects.order_by("pk")[:BATCH_SIZE])
    if not rows or not backends:
        return 0
    latest = {}
    for row in rows:
        latest[row.page_id] = row  # the last change to a page wins
    try:
        for page_id, row in latest.items():
            page = Page.objects.filter(pk=page_id).first()
            for backend in backends:
                if row.action == "update" and page is not None:
                    backend.add(page.specific)
                else:
                    _delete(backend, page_id, row)
    except Exception as error:
        PendingIndexUpdate.objects.filter(pk__in=[row.pk for row in rows]).update(
            attempts=rows[0].attempts + 1, last_error=str(error)[:2000]
        )
        raise
    PendingIndexUpdate.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return len(rows)


def _delete(backend, page_id, row):
    model = row.content_type.model_class() if row.content_type_id else None
    instance = (model or Page)(pk=page_id)
    try:
        backend.delete(instance)
    except Exception as error:
        # Already gone from the index is what we wanted.
        if getattr(error, "status_code", None) == 404 or "not_found" in str(error):
            return
        raise


@task()
def sync_search_index():
    """Apply pending index updates; when the engine is down, try again later."""
    from .models import PendingIndexUpdate

    try:
        while apply_pending_updates():
            pass
    except Exception as error:
        attempts = PendingIndexUpdate.objects.order_by("pk").values_list("attempts", flat=True)
        delay = retry_delay(attempts.first() or 1)
        logger.warning("Search engine not reachable (%s); retrying in %s s", error, delay)
        backend = sync_search_index.get_backend()
        if backend.supports_defer:
            run_after = timezone.now() + datetime.timedelta(seconds=delay)
            sync_search_index.using(run_after=run_after).enqueue()
        return False
    return True
