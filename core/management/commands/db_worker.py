"""`manage.py db_worker`: django-tasks-db's worker, made to outlive database restarts.

The worker is what sends the platform's emails and writes the search index. django-tasks-db's
own loop stops for good at the first `OperationalError`, so one PostgreSQL restart (a
maintenance window, a managed database failing over) silently stopped both until someone
noticed. This command has the same name and options (Django runs the command of the first
installed app that has one, and `core` comes first), and the same worker, with two changes:

- When the database goes away, it waits for it, reconnecting with a capped back-off, and then
  goes on polling the queue. A database error on a connection that still works is a real
  error, not an outage: the command stops, as before, and the service manager restarts it.
- A task whose outcome could not be recorded because the database went away while it ran is
  put back in the queue once the database is back, so it runs again rather than being left
  "running" for ever. Tasks are therefore run at least once, as a retried task expects.
"""

import logging
import os
import time

from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader

from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("django_tasks_db")

DATABASE_DOWN = (OperationalError, InterfaceError)
# Seconds between reconnection attempts: 0.5, 1, 2, 4, then every 5.
FIRST_DELAY = 0.5
MAX_DELAY = 5.0


class Worker(db_worker.Worker):
    """django-tasks-db's worker, waiting out database outages instead of exiting."""

    def run(self):
        while self.running:
            try:
                return super().run()
            except DATABASE_DOWN as error:
                if not self.wait_for_database(error):
                    return None
            # The random start-up pause spreads workers that start together; not needed again.
            self.startup_delay = False
        return None

    def run_task(self, db_task_result):
        try:
            super().run_task(db_task_result)
        except DATABASE_DOWN as error:
            # django-tasks-db could record neither success nor failure: the database went
            # away. Queue the task again once it is back, so its work is not lost.
            if self.wait_for_database(error):
                DBTaskResult.objects.filter(
                    pk=db_task_result.pk, status=TaskResultStatus.RUNNING
                ).update(status=TaskResultStatus.READY, started_at=None)
                logger.warning(
                    "Task id=%s could not be recorded while the database was away; queued again",
                    db_task_result.pk,
                )

    def wait_for_database(self, error):
        """Wait until the queue's database answers again; False if the worker is stopping.

        Re-raises `error` when the connection still works: then the database did not go away
        and the error is the worker's own, for the service manager to see.
        """
        connection = connections[DBTaskResult.objects.db]
        if connection.in_atomic_block:
            raise error  # run inside someone's transaction (a test): nothing to reconnect
        if connection.connection is not None and connection.is_usable():
            raise error
        logger.warning(
            "Lost the database (%s: %s); reconnecting",
            type(error).__name__,
            str(error).strip(),
        )
        delay = FIRST_DELAY
        lost_at = time.monotonic()
        while self.running:
            connections.close_all()
            try:
                connection.ensure_connection()
            except DATABASE_DOWN:
                time.sleep(delay)
                delay = min(delay * 2, MAX_DELAY)
                continue
            logger.warning(
                "Database is back after %.1f s; worker_id=%s goes on",
                time.monotonic() - lost_at,
                self.worker_id,
            )
            return True
        return False


class Command(db_worker.Command):
    help = "Run a database background worker that waits out database restarts"

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, **options):
        self.configure_logging(verbosity)
        reload = options["reload"]
        if reload and batch:
            logger.warning("--reload and --batch cannot be specified together; no autoreload.")
            reload = False
        worker = Worker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                # Only the reloader's child process runs tasks and handles signals.
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
