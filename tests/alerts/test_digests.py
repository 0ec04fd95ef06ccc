"""Digests: exactly the cases first published since the last digest that match the saved search
(run through the search service), with the unsubscribe header; nothing for an unconfirmed or
cancelled alert; a mail server that is down delays a digest but never loses or repeats it."""

import datetime
import socket

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Page

import pytest
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from alerts import services
from alerts.models import AlertEmail, EmailKind, Subscription
from cases.models import CaseIndexPage
from home.locale_trees import ensure_locale_trees

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _published(page, moment):
    Page.objects.filter(pk=page.pk).update(first_published_at=moment)


def _alert(query, *, confirmed, frequency="weekly", address="ana.alerts@example.org"):
    return Subscription.objects.create(
        email=address,
        query=query,
        frequency=frequency,
        confirmed_at=confirmed,
        covered_until=confirmed,
    )


def _digests(box):
    return [(to, m) for to, m in box.messages if "new case" in m["Subject"]]


@pytest.mark.django_db
def test_a_digest_lists_exactly_the_new_cases_that_match(
    case_factory, mailbox, django_capture_on_commit_callbacks
):
    now = timezone.now()
    confirmed = now - datetime.timedelta(days=8)
    alert = _alert([["sdg", "11"], ["region", "002"]], confirmed=confirmed)
    before = case_factory(title="Old Nairobi case", country="KE", sdgs=[11])
    _published(before, confirmed - datetime.timedelta(days=1))
    wanted = [
        case_factory(title="Nairobi cycle lanes", country="KE", sdgs=[11, 3]),
        case_factory(title="Accra markets", country="GH", sdgs=[11]),
    ]
    case_factory(title="Lyon trams", country="FR", sdgs=[11])  # not in Africa
    case_factory(title="Kampala water", country="UG", sdgs=[6])  # another goal
    case_factory(title="Dakar draft", country="SN", sdgs=[11], live=False)  # never published

    with django_capture_on_commit_callbacks(execute=True):
        assert services.queue_digests(now=now + datetime.timedelta(hours=1)) == 1
    digests = _digests(mailbox)
    assert len(digests) == 1
    recipients, message = digests[0]
    assert recipients == ["ana.alerts@example.org"]
    assert message["Subject"] == "Closer Cities: 2 new cases"
    body = message.get_content()
    listed = {case.title for case in wanted}
    for title in ("Old Nairobi case", "Lyon trams", "Kampala water", "Dakar draft"):
        assert title not in body
    for title in listed:
        assert title in body
    assert f"http://localhost{wanted[0].url}" in body
    unsubscribe = f"/alerts/unsubscribe/{alert.token}/"
    assert message["List-Unsubscribe"].strip() == f"<http://testserver{unsubscribe}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in body and f"/alerts/manage/{alert.token}/" in body

    # The next digest: only what was published since, and not before its period is over.
    later = case_factory(title="Lagos bus corridor", country="NG", sdgs=[11])
    _published(later, now + datetime.timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.queue_digests(now=now + datetime.timedelta(days=2)) == 0
        assert services.queue_digests(now=now + datetime.timedelta(days=7, hours=1)) == 1
    digests = _digests(mailbox)
    assert len(digests) == 2
    body = digests[1][1].get_content()
    assert "Lagos bus corridor" in body
    assert not any(title in body for title in listed)
    assert later.title in body


@pytest.mark.django_db
def test_no_email_without_new_matches_and_none_for_unconfirmed_or_cancelled_alerts(
    case_factory, mailbox, django_capture_on_commit_callbacks
):
    now = timezone.now()
    week_ago = now - datetime.timedelta(days=8)
    quiet = _alert([["sdg", "14"]], confirmed=week_ago, address="quiet@example.org")
    unconfirmed = _alert([], confirmed=None, address="unconfirmed@example.org")
    cancelled = _alert([], confirmed=week_ago, address="cancelled@example.org")
    services.unsubscribe(cancelled)
    case_factory(title="Cycle lanes", sdgs=[11])
    with django_capture_on_commit_callbacks(execute=True):
        assert services.queue_digests(now=now + datetime.timedelta(hours=1)) == 1
    assert _digests(mailbox) == []
    # Nothing new: no email, and the window moves on.
    email = AlertEmail.objects.get(subscription=quiet, kind=EmailKind.DIGEST)
    assert email.sent_at is not None and email.cases == 0
    quiet.refresh_from_db()
    assert quiet.covered_until == email.window_end
    assert not unconfirmed.emails.exists() and not cancelled.emails.exists()


@pytest.mark.django_db
def test_unconfirmed_alerts_are_deleted_after_seven_days_and_purge_removes_cancelled_ones(
    mailbox,
):
    now = timezone.now()
    fresh = _alert([], confirmed=None, address="fresh@example.org")
    stale = _alert([], confirmed=None, address="stale@example.org")
    Subscription.objects.filter(pk=stale.pk).update(created_at=now - datetime.timedelta(days=8))
    active = _alert([], confirmed=now, address="active@example.org")
    cancelled = _alert([], confirmed=now, address="cancelled@example.org")
    services.unsubscribe(cancelled)
    services.queue_digests(now=now)
    assert set(Subscription.objects.values_list("email", flat=True)) == {
        "fresh@example.org",
        "active@example.org",
        "cancelled@example.org",
    }
    out = open("/dev/null", "w")  # noqa: SIM115
    call_command("purge_submitter_data", "--older-than", "730", stdout=out)
    assert set(Subscription.objects.values_list("pk", flat=True)) == {fresh.pk, active.pk}


def _run_worker():
    """Run every due task with django-tasks-db's own worker (`manage.py db_worker`'s)."""
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


@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.django_db
def test_a_mail_server_that_is_down_delays_the_digest_and_it_is_sent_once(
    case_factory, mailbox, closed_port, django_capture_on_commit_callbacks, settings
):
    now = timezone.now()
    alert = _alert([["sdg", "11"]], confirmed=now - datetime.timedelta(days=8))
    case_factory(title="Cycle lanes", sdgs=[11])
    listener = settings.EMAIL_PORT
    with override_settings(TASKS=DATABASE_TASKS, EMAIL_PORT=closed_port):
        with django_capture_on_commit_callbacks(execute=True):
            services.queue_digests(now=now + datetime.timedelta(hours=1))
        _run_worker()
        email = AlertEmail.objects.get(kind=EmailKind.DIGEST)
        assert email.sent_at is None and email.attempts == 1
        assert "ConnectionRefusedError" in email.last_error
        alert.refresh_from_db()
        assert alert.covered_until == alert.confirmed_at  # the window waits for the email
        retry = DBTaskResult.objects.filter(status="READY").get()
        assert retry.run_after > timezone.now()
        # Another run of the timer queues no second digest while this one waits.
        with django_capture_on_commit_callbacks(execute=True):
            assert services.queue_digests(now=now + datetime.timedelta(hours=2)) == 0
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
        with override_settings(EMAIL_PORT=listener):
            _run_worker()
            _run_worker()
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 2 and email.cases == 1
    digests = _digests(mailbox)
    assert len(digests) == 1 and "Cycle lanes" in digests[0][1].get_content()
    alert.refresh_from_db()
    assert alert.covered_until == email.window_end


@pytest.mark.django_db
def test_an_alert_made_on_the_french_site_brings_the_french_cases_it_showed(
    client, case_factory, mailbox, django_capture_on_commit_callbacks
):
    """The case index in French lists the cases written in French; an alert made there keeps
    that language, so its digest holds what the visitor saw, not the English cases."""
    ensure_locale_trees()
    french = case_factory(
        title="Pistes cyclables de Lyon", sdgs=[11], parent=CaseIndexPage.for_language("fr")
    )
    case_factory(title="Cycle lanes in Leeds", sdgs=[11])
    listing = client.get("/fr/cases/?sdg=11").content.decode()
    assert french.title in listing and "Cycle lanes in Leeds" not in listing
    assert 'action="/fr/alerts/subscribe/"' in listing

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fr/alerts/subscribe/",
            {"email": "ana.alerts@example.org", "frequency": "daily", "query": "sdg=11"},
        )
    assert response.status_code == 200
    alert = Subscription.objects.get()
    assert alert.query == [["sdg", "11"], ["locale", "fr"]]
    confirmed = timezone.now() - datetime.timedelta(days=2)
    Subscription.objects.filter(pk=alert.pk).update(confirmed_at=confirmed, covered_until=confirmed)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.queue_digests(now=timezone.now() + datetime.timedelta(hours=1)) == 1
    # The confirmation, then the digest, both in French as the visitor's site was.
    assert len(mailbox.messages) == 2
    message = mailbox.messages[1][1]
    assert "nouveau" in message["Subject"]
    body = message.get_content()
    assert french.title in body
    assert "Cycle lanes in Leeds" not in body
