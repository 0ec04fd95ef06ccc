"""Background work for the search: bringing the engine up to date with pending page changes.

Every publish, unpublish, move or delete leaves a `PendingIndexUpdate` row (search/signals.py)
and asks for `sync_search_index` once its transaction is committed. That one queue is all the
state there is:

- The task first asks the engine whether it can take writes, with a probe that answers within
  a few seconds; only then does it write every pending change and delete the rows.
- If the engine is down, the rows stay and ONE retry is scheduled, whatever the number of
  changes waiting or of tasks failing: a new task is only queued when none is waiting. The
  delay doubles from SEARCH_INDEX_RETRY_SECONDS (2 s) up to SEARCH_INDEX_RETRY_MAX_SECONDS
  (15 s), so the index catches up within about that long of the engine's return.
- One sync runs at a time (on PostgreSQL), so two workers never write the same page in the
  wrong order.
"""

import datetime
import logging
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from wagtail.models import Page

from django_tasks import task
from django_tasks.base import TaskResultStatus

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
# Seconds the health probe may take: an engine slower than this is treated as down.
PROBE_SECONDS = 2
# PostgreSQL advisory lock keys: one sync at a time, one scheduling decision at a time.
SYNC_LOCK = 73_100_401
SCHEDULE_LOCK = 73_100_402


def retry_delay(attempt):
    """Seconds to wait before retry number `attempt` (1, 2, …): doubling, capped."""
    first = getattr(settings, "SEARCH_INDEX_RETRY_SECONDS", 2)
    cap = getattr(settings, "SEARCH_INDEX_RETRY_MAX_SECONDS", 15)
    return min(cap, first * 2 ** max(0, attempt - 1))


def engine_ready(backend):
    """Can the engine take writes for our indexes now? Asks its cluster health, waiting at
    most PROBE_SECONDS, so a dead or hanging engine costs seconds rather than a timeout per
    page. Red (a primary shard missing) counts as not ready."""
    client = backend.es
    args = {
        "index": f"{backend.index_prefix}*",
        "wait_for_status": "yellow",
        "timeout": f"{PROBE_SECONDS}s",
    }
    try:
        if hasattr(client, "options"):  # the Elasticsearch 8/9 clients
            health = client.options(request_timeout=PROBE_SECONDS + 2).cluster.health(**args)
        else:  # opensearch-py
            health = client.cluster.health(request_timeout=PROBE_SECONDS + 2, **args)
    except Exception as error:
        logger.info("Search engine health probe failed: %s", error)
        return False
    return not health.get("timed_out") and health.get("status") in ("green", "yellow")


def apply_pending_updates(backends):
    """Write one batch of pending page changes to every engine; return how many were applied.

    Raises the engine's error when it fails; the rows then stay for the next try.
    """
    from .models import PendingIndexUpdate

    rows = list(PendingIndexUpdate.objects.order_by("pk")[:BATCH_SIZE])
    latest = {}
    for row in rows:
        latest[row.page_id] = row  # the last change to a page wins
    for page_id, row in latest.items():
        page = Page.objects.filter(pk=page_id).first()
        for backend in backends:
            if row.action == "update" and page is not None:
                backend.add(page.specific)
            else:
                _delete(backend, page_id, row)
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


@contextmanager
def _advisory_lock(key):
    """Hold a PostgreSQL session lock if no one else does; yields whether we got it. Other
    databases run one worker at most, so there it is always granted."""
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def _queued_syncs():
    """Sync tasks waiting in the database queue, or None when the task backend has no queue
    we can look into (the immediate backend runs each task at once)."""
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    backend = sync_search_index.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return None
    return DBTaskResult.objects.filter(
        backend_name=backend.alias,
        task_path=sync_search_index.module_path,
        status=TaskResultStatus.READY,
    )


def _enqueue_unless_waiting(attempt=0, run_after=None):
    """Queue a sync unless one is already waiting (it will apply every pending row when it
    runs); True if one was queued."""
    if _queued_syncs() is None:
        sync_search_index.using(run_after=run_after).enqueue(attempt=attempt)
        return True
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Two processes deciding at once must not both queue one.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SCHEDULE_LOCK])
        if _queued_syncs().exists():
            return False
        sync_search_index.using(run_after=run_after).enqueue(attempt=attempt)
    return True


def request_sync():
    """Bring the engine up to date soon: called after a page change is committed."""
    _enqueue_unless_waiting()


def _retry_later(attempt, error):
    from .models import PendingIndexUpdate

    PendingIndexUpdate.objects.update(attempts=F("attempts") + 1, last_error=str(error)[:2000])
    if not sync_search_index.get_backend().supports_defer:
        # The immediate backend cannot wait: the rows stay and the next page change (or
        # `manage.py update_index`) applies them. Production uses the database queue.
        logger.warning("Search index not updated (%s); changes kept for the next sync", error)
        return
    delay = retry_delay(attempt)
    run_after = timezone.now() + datetime.timedelta(seconds=delay)
    if _enqueue_unless_waiting(attempt, run_after):
        logger.warning("Search index not updated (%s); retry %s in %s s", error, attempt, delay)
    else:
        logger.warning("Search index not updated (%s); a retry is already waiting", error)


@task()
def sync_search_index(attempt=0):
    """Apply pending index updates; when the engine is not ready, schedule one retry.

    `attempt` counts the retries in a row, for the back-off. Returns True when the index is
    up to date (or another sync is running and will finish the queue), False when it waits
    for a retry.
    """
    from .models import PendingIndexUpdate
    from .signals import engine_backends

    backends = engine_backends()
    while backends and PendingIndexUpdate.objects.exists():
        with _advisory_lock(SYNC_LOCK) as acquired:
            if not acquired:
                return True  # the running sync re-checks the queue when it is done
            if not all(engine_ready(backend) for backend in backends):
                _retry_later(attempt + 1, "the search engine is not ready")
                return False
            try:
                while apply_pending_updates(backends):
                    pass
            except Exception as error:
                _retry_later(attempt + 1, f"{type(error).__name__}: {error}")
                return False
        # Rows may have arrived while we held the lock and their task gave way: loop.
    return True
