"""Email never blocks a request and is never lost: every email (the platform's to submitters and
Wagtail's moderation notifications) is stored with the change that caused it and sent by a
django-tasks task after the commit, retried until a mail server takes it. Tested against real
SMTP servers: aiosmtpd, a listener that accepts and never answers, and a closed port."""

from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from submissions.models import Notification, OutgoingEmail, Submission, SubmissionStatus

from .conftest import CASES_API, case_payload
from .mail_servers import HangingSMTPServer, SMTPServer, free_port

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
MAIL_TASKS = ("submissions.tasks.send_notification", "submissions.tasks.send_stored_email")


def smtp(port, **extra):
    return override_settings(
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_TIMEOUT=1,
        **extra,
    )


def _mail_tasks():
    return DBTaskResult.objects.filter(task_path__in=MAIL_TASKS)


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


def _make_retries_due():
    _mail_tasks().filter(status="READY").update(run_after=timezone.now())


@pytest.mark.django_db
def test_a_hanging_mail_server_never_holds_up_a_submission_and_mail_goes_out_later(
    client, moderator, django_capture_on_commit_callbacks
):
    with HangingSMTPServer() as hanging, smtp(hanging.port, TASKS=DATABASE_TASKS):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(CASES_API, case_payload(), content_type="application/json")
        assert response.status_code == 201, response.content
        # The request stored the submission and its emails and never talked to the mail server.
        assert hanging.connections == 0
        submission = Submission.objects.get()
        assert submission.page is not None and submission.status == SubmissionStatus.RECEIVED
        confirmation = Notification.objects.get()
        wagtail_notice = OutgoingEmail.objects.get()  # Wagtail's "submitted for moderation"
        assert wagtail_notice.message["to"] == ["moderator@example.org"]
        assert _mail_tasks().filter(status="READY").count() == 2

        _run_worker()
        assert hanging.connections >= 2
        for stored in (confirmation, wagtail_notice):
            stored.refresh_from_db()
            assert stored.sent_at is None and stored.attempts == 1
            assert "timed out" in stored.last_error
        retries = _mail_tasks().filter(status="READY")
        assert retries.count() == 2
        assert all(task.run_after > timezone.now() for task in retries)

    # A working mail server is there when the retries are due.
    with SMTPServer() as server, smtp(server.port, TASKS=DATABASE_TASKS):
        _make_retries_due()
        _run_worker()
        [to_submitter] = server.bodies_to("ada.private@example.org")
        assert f"/submissions/status/{submission.token}/" in to_submitter
        [to_moderator] = server.bodies_to("moderator@example.org")
        assert "Rooftop gardens on social housing" in to_moderator
        assert f"http://testserver/admin/pages/{submission.page_id}/edit/" in to_moderator
        # Each delivered once: the queue is empty and a second run sends nothing.
        _run_worker()
        assert len(server.messages) == 2
    for stored in (confirmation, wagtail_notice):
        stored.refresh_from_db()
        assert stored.sent_at is not None and stored.attempts == 2 and stored.last_error == ""


@pytest.mark.django_db
def test_with_the_mail_server_down_submissions_are_kept_and_mail_is_sent_when_it_is_back(
    client, moderator, django_capture_on_commit_callbacks
):
    # The immediate task backend (development): the attempt runs right after the commit.
    with smtp(free_port()), django_capture_on_commit_callbacks(execute=True):
        for n in range(2):
            response = client.post(
                CASES_API, case_payload(title=f"Case {n}"), content_type="application/json"
            )
            assert response.status_code == 201, response.content
    assert Submission.objects.filter(page__isnull=False).count() == 2
    unsent = [*Notification.objects.all(), *OutgoingEmail.objects.all()]
    assert len(unsent) == 4
    for stored in unsent:
        assert stored.sent_at is None and stored.attempts == 1
        assert "ConnectionRefusedError" in stored.last_error

    with SMTPServer() as server, smtp(server.port):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_pending_notifications", stdout=open("/dev/null", "w"))  # noqa: SIM115
        assert len(server.bodies_to("ada.private@example.org")) == 2
        assert len(server.bodies_to("moderator@example.org")) == 2
    assert not Notification.objects.filter(sent_at__isnull=True).exists()
    assert not OutgoingEmail.objects.filter(sent_at__isnull=True).exists()


@pytest.mark.django_db
def test_no_email_leaves_before_the_transaction_that_caused_it_commits(
    client, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(CASES_API, case_payload(), content_type="application/json")
    assert response.status_code == 201
    # Stored with the submission, nothing sent while its transaction was open.
    assert Notification.objects.count() == 1 and OutgoingEmail.objects.count() == 1
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ada.private@example.org",
        "moderator@example.org",
    ]


@pytest.mark.django_db
def test_the_email_links_carry_the_address_the_site_is_served_on(
    client, moderator, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8100"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CASES_API, case_payload(), content_type="application/json")
    token = response.json()["token"]
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert f"http://127.0.0.1:8100/submissions/status/{token}/" in bodies["ada.private@example.org"]
    page_id = Submission.objects.get().page_id
    assert f"http://127.0.0.1:8100/admin/pages/{page_id}/edit/" in bodies["moderator@example.org"]
