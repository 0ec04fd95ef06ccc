"""Emails to submitters go through django-tasks: a mail server that is down never loses a
submission, and the email is retried until the mail server answers."""

import socket

from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from submissions.models import Notification, Submission, SubmissionStatus

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _mail_tasks():
    return DBTaskResult.objects.filter(task_path="submissions.tasks.send_notification")


@pytest.fixture
def closed_port():
    """A localhost port nothing listens on: connecting to it is refused, like a mail server
    that is down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run_worker():
    """Run every due task with the database worker's own `run_task` (what `manage.py db_worker`
    calls for each task it claims). Its polling loop is left out: it locks with an exclusive
    transaction and closes the connection between tasks, which a test inside a transaction
    cannot allow."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )
    for _ in range(50):
        due = DBTaskResult.objects.ready().order_by("enqueued_at").first()
        if due is None:
            return
        due.claim(worker.worker_id)
        worker.run_task(due)
    raise AssertionError("the task queue did not empty")


@pytest.mark.django_db
def test_a_mail_server_that_is_down_keeps_the_submission_and_the_email_is_retried(
    client, closed_port, django_capture_on_commit_callbacks
):
    from .conftest import CASES_API, case_payload

    smtp_down = override_settings(
        TASKS=DATABASE_TASKS,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=closed_port,
        EMAIL_TIMEOUT=5,
    )
    with smtp_down:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(CASES_API, case_payload(), content_type="application/json")
        assert response.status_code == 201
        # Queued, not yet sent: the request never waits for the mail server.
        queued = _mail_tasks().get()
        assert queued.status == "READY"

        _run_worker()

        submission = Submission.objects.get()
        assert submission.status == SubmissionStatus.RECEIVED
        assert submission.page is not None
        notification = Notification.objects.get()
        assert notification.sent_at is None
        assert notification.attempts == 1
        assert "ConnectionRefusedError" in notification.last_error
        failed = _mail_tasks().get(pk=queued.pk)
        assert failed.status == "FAILED"
        retry = _mail_tasks().exclude(pk=queued.pk).get()
        assert retry.status == "READY"
        assert retry.run_after > timezone.now()

        # Not due yet: the worker leaves it alone.
        _run_worker()
        assert DBTaskResult.objects.get(pk=retry.pk).status == "READY"

    # The mail server is back and the retry is due.
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    with override_settings(
        TASKS=DATABASE_TASKS, EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
    ):
        mail.outbox = []
        _run_worker()
        assert DBTaskResult.objects.get(pk=retry.pk).status == "SUCCESSFUL"
        notification.refresh_from_db()
        assert notification.sent_at is not None
        assert notification.attempts == 2
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == ["ada.private@example.org"]
        # Delivered once: running the worker again sends nothing more.
        _run_worker()
        assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_with_the_immediate_backend_a_failed_email_waits_for_send_pending_notifications(
    submit, closed_port, django_capture_on_commit_callbacks
):
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=closed_port,
        EMAIL_TIMEOUT=5,
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = submit()
        assert response.status_code == 201
    notification = Notification.objects.get()
    assert notification.sent_at is None and notification.attempts == 1
    assert Submission.objects.get().page is not None

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_pending_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
    notification.refresh_from_db()
    assert notification.sent_at is not None
    assert len(mail.outbox) == 1
