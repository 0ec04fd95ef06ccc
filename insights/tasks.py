"""Background work of the research instrument: keeping the search log's daily roll-ups up to
date (see rollups.py)."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def refresh_search_rollups():
    """Roll up every finished day of the search log that has no roll-up yet."""
    from . import rollups

    count = rollups.refresh()
    if count:
        logger.info("Rolled up %s days of the search log", count)
    return count
