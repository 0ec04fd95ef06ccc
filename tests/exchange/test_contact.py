"""The contact relay: one email to the case's contact with Reply-To the asker, through a real
SMTP listener; a mail outage delays it (stored, retried by the database task queue) but never
loses it; the asker's details are erased once sent; the anonymous research record stays."""

import json
import socket
import time
from email.header import decode_header, make_header

from django.test import override_settings
from django.utils import timezone

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message as MessageHandler
from django_tasks_db.models import DBTaskResult

from exchange.models import ContactMessage, ContactRequestRecord
from tests.submissions.conftest import row_counts
from tests.submissions.test_notifications import DATABASE_TASKS, _run_worker

from .conftest import CONTACT_API

ASKER = {"name": "Nadia Asker", "email": "nadia.asker.private@example.org"}


class Inbox(MessageHandler):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp():
    """A real SMTP server on localhost (aiosmtpd), and the settings that send mail to it."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    inbox.settings = override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_TIMEOUT=5,
    )
    yield inbox
    controller.stop()


def wait_for(inbox, count):
    for _ in range(50):
        if len(inbox.messages) >= count:
            return
        time.sleep(0.1)


def question(page, **overrides):
    return {
        "case": page.pk,
        **ASKER,
        "organisation": "City of Ghent",
        "sector": "government",
        "country": "BE",
        "message": "How did you <convince> the housing company?",
        "consent_privacy": True,
        **overrides,
    }


@pytest.fixture
def case_with_contact(case_factory):
    case = case_factory(title="Tenant-run roof gardens")
    case.contact_email = "team.private@example.org"
    case.save_revision().publish()
    return case


@pytest.mark.django_db
def test_one_email_with_reply_to_the_asker_through_a_real_smtp_server(
    client, case_with_contact, smtp, django_capture_on_commit_callbacks
):
    with smtp.settings, django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            CONTACT_API, json.dumps(question(case_with_contact)), content_type="application/json"
        )
    assert response.status_code == 201, response.content
    wait_for(smtp, 1)
    assert len(smtp.messages) == 1
    email = smtp.messages[0]
    assert email["To"] == "team.private@example.org"
    assert email["Reply-To"] == ASKER["email"]
    assert "Tenant-run roof gardens" in str(make_header(decode_header(email["Subject"])))
    assert "How did you <convince> the housing company?" in email.get_payload(decode=True).decode()
    # Sent: nothing about the asker is kept, the anonymous record stays.
    message = ContactMessage.objects.get()
    assert message.sent_at and (message.name, message.email, message.message) == ("", "", "")
    record = ContactRequestRecord.objects.get()
    assert (record.case_id, record.sector, record.country.code) == (
        case_with_contact.pk,
        "government",
        "BE",
    )
    assert record.created_on == timezone.now().date()


@pytest.mark.django_db
def test_a_mail_outage_delays_the_question_and_the_queue_retries_it(
    client, case_with_contact, smtp, django_capture_on_commit_callbacks
):
    closed = free_port()
    down = override_settings(
        TASKS=DATABASE_TASKS,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=closed,
        EMAIL_TIMEOUT=5,
    )
    with down:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                CONTACT_API,
                json.dumps(question(case_with_contact)),
                content_type="application/json",
            )
        assert response.status_code == 201
        _run_worker()
        message = ContactMessage.objects.get()
        assert message.sent_at is None and message.attempts == 1
        assert "ConnectionRefusedError" in message.last_error
        assert message.email == ASKER["email"]  # kept until sent
        retry = DBTaskResult.objects.filter(
            task_path="exchange.tasks.send_contact_message", status="READY"
        ).get()
        assert retry.run_after > timezone.now()
    retry.run_after = timezone.now()
    retry.save(update_fields=["run_after"])
    with smtp.settings, override_settings(TASKS=DATABASE_TASKS):
        _run_worker()
        wait_for(smtp, 1)
        _run_worker()
    assert len(smtp.messages) == 1
    assert smtp.messages[0]["Reply-To"] == ASKER["email"]
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 2


@pytest.mark.django_db
def test_a_case_without_a_contact_says_so_and_takes_no_question(client, case_factory):
    case = case_factory(title="No contact here")
    page = client.get(case.url).content.decode()
    assert "has not given a contact address" in page
    assert f"/exchange/cases/{case.pk}/contact/" not in page
    before = row_counts()
    response = client.post(CONTACT_API, json.dumps(question(case)), content_type="application/json")
    assert response.status_code == 400
    assert "case" in response.json()["errors"]
    assert row_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"email": "nope"}, "email"),
        ({"name": ""}, "name"),
        ({"sector": "army"}, "sector"),
        ({"country": "ZZ"}, "country"),
        ({"message": ""}, "message"),
        ({"consent_privacy": False}, "consent_privacy"),
        ({"case": [1]}, "case"),
    ],
)
def test_bad_questions_get_400_naming_the_field(client, case_with_contact, overrides, field):
    before = row_counts()
    response = client.post(
        CONTACT_API,
        json.dumps(question(case_with_contact, **overrides)),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert row_counts() == before


@pytest.mark.django_db
def test_the_html_form_relays_too_and_is_rate_limited(
    client, case_with_contact, django_capture_on_commit_callbacks
):
    from django.core import mail

    url = f"/exchange/cases/{case_with_contact.pk}/contact/"
    assert url in client.get(case_with_contact.url).content.decode()
    form = {**question(case_with_contact), "consent_privacy": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, form).status_code == 200
    assert len(mail.outbox) == 1 and mail.outbox[0].reply_to == [ASKER["email"]]
    for _ in range(4):
        client.post(url, form)
    assert client.post(url, form).status_code == 429
