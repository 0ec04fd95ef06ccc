"""Background work: the vectors of pages just published (django-tasks, after the commit)."""

import datetime
import logging

from django.utils import timezone

from django_tasks import default_task_backend, task

from . import embedding

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6


def retry_delay(attempt):
    """Wait 1, 2, 4 … minutes between attempts."""
    return datetime.timedelta(minutes=2 ** min(attempt - 1, 6))


@task()
def embed_pages(page_ids, attempt=1):
    """Embed these pages. On failure, on a backend that can defer work (the database queue),
    try again later; otherwise `manage.py embed_pages` fills the gap."""
    try:
        return embedding.embed_pages(page_ids)
    except Exception:
        logger.exception("Embedding pages %s failed (attempt %s)", page_ids, attempt)
        if attempt < MAX_ATTEMPTS and default_task_backend.supports_defer:
            embed_pages.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
                page_ids, attempt + 1
            )
        raise
