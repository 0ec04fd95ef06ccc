"""Becoming a partner: `POST /api/v2/partners/requests/` and the form page share one validation
(400 naming the fields, nothing stored), the honeypot, the public submissions' rate limit and
the stored, retried emails; the contact person is never shown anywhere public."""

import json

from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from partners.models import PartnerRequest, PartnerRequestEmail
from tests.submissions.conftest import row_counts
from tests.submissions.test_notifications import DATABASE_TASKS, _run_worker

API = "/api/v2/partners/requests/"
FORM = "/partners/become-a-partner/"
CONTACT = {"contact_name": "Petra Privatecontact", "contact_email": "petra.private@example.org"}


def payload(**overrides):
    return {
        "organisation": "Rotterdam Climate Office",
        "sector": "government",
        "country": "NL",
        "website": "https://climate.example.nl/",
        "contribution": "Cases on water squares and a study visit every spring.",
        **CONTACT,
        "consent": True,
        **overrides,
    }


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def _post(client, **overrides):
    return client.post(API, json.dumps(payload(**overrides)), content_type="application/json")


@pytest.mark.django_db
def test_a_request_is_stored_confirmed_by_email_and_has_a_status_page(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "received"
    request = PartnerRequest.objects.get(token=body["token"])
    assert (request.organisation, request.contact_email) == (
        "Rotterdam Climate Office",
        "petra.private@example.org",
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["petra.private@example.org"]
    assert "Request received" in mail.outbox[0].subject
    assert f"/partners/requests/{request.token}/" in mail.outbox[0].body
    assert PartnerRequestEmail.objects.get().sent_at is not None

    status = client.get(body["status_url"].replace("http://testserver", ""))
    assert status.status_code == 200
    html = status.content.decode()
    assert "Received" in html and "Rotterdam Climate Office" in html
    assert "Petra" not in html and "petra.private" not in html
    assert status["Cache-Control"] == "private, no-store"
    assert client.get("/partners/requests/not-a-token/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "fields"),
    [
        ({"organisation": ""}, {"organisation"}),
        ({"sector": "aliens"}, {"sector"}),
        ({"country": "XX"}, {"country"}),
        ({"website": "not a url at all"}, {"website"}),
        ({"contact_email": "nobody"}, {"contact_email"}),
        # Longer than the 254 characters the description and the database allow.
        ({"contact_email": "a@" + ".".join(["b" * 63] * 4) + ".org"}, {"contact_email"}),
        ({"consent": False}, {"consent"}),
        ({"contribution": "x" * 5001}, {"contribution"}),
        ({"organisation": "a\x00b"}, {"organisation"}),
        ({"organisation": "", "contact_name": ""}, {"organisation", "contact_name"}),
        # JSON of the wrong type: the view's own message beside the field, not the input
        # guard's one-line answer for the read API.
        ({"consent": "yes"}, {"consent"}),
        ({"organisation": ["a", "list"]}, {"organisation"}),
        # A web address must be text: a number or an object is refused, not turned into text.
        ({"website": 1.5}, {"website"}),
        ({"website": {"href": "https://climate.example.nl/"}}, {"website"}),
    ],
)
def test_bad_input_is_a_400_naming_the_fields_and_stores_nothing(client, overrides, fields):
    before = row_counts()
    response = _post(client, **overrides)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == fields
    assert row_counts() == before
    assert not mail.outbox


@pytest.mark.django_db
@pytest.mark.parametrize("consent", ["no", "off", "yes please", "TRUE", "0", ""])
def test_form_data_consent_is_only_what_a_ticked_checkbox_sends(client, consent):
    """Form data: Django would read any text as a ticked box; the description lists what a
    browser ("on") or a client ("true", "1") sends, and anything else is no consent."""
    before = row_counts()
    response = client.post(API, {**payload(), "consent": consent})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"consent"}
    assert row_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize("consent", ["on", "true", "1"])
def test_form_data_with_a_ticked_consent_is_accepted(client, consent):
    response = client.post(API, {**payload(), "consent": consent})
    assert response.status_code == 201, response.content
    assert PartnerRequest.objects.filter(token=response.json()["token"]).exists()


@pytest.mark.django_db
def test_a_body_that_is_not_an_object_is_a_400(client):
    response = client.post(API, "[1, 2]", content_type="application/json")
    assert response.status_code == 400
    assert "errors" in response.json()


@pytest.mark.django_db
def test_the_honeypot_looks_accepted_but_stores_nothing(client):
    before = row_counts()
    response = _post(client, fax="+31 10 555 0000")
    assert response.status_code == 201
    assert response.json()["status"] == "received"
    assert row_counts() == before
    assert not mail.outbox


@pytest.mark.django_db
def test_a_filled_honeypot_looks_accepted_whatever_else_the_body_holds(client):
    before = row_counts()
    response = _post(client, fax="+31 10 555 0000", consent="yes", organisation=7)
    assert response.status_code == 201
    assert response.json()["status"] == "received"
    assert row_counts() == before
    assert not mail.outbox


@pytest.mark.django_db
def test_more_than_five_requests_an_hour_from_one_address_get_429(client):
    for number in range(5):
        assert _post(client, organisation=f"Org {number}").status_code == 201
    response = _post(client, organisation="Org 6")
    assert response.status_code == 429
    assert "Retry-After" in response
    assert PartnerRequest.objects.count() == 5
    # The form page counts in the same budget.
    form = client.post(FORM, {**payload(organisation="Org 7"), "consent": "on"})
    assert form.status_code == 429
    assert PartnerRequest.objects.count() == 5


@pytest.mark.django_db
def test_the_form_page_shows_errors_beside_the_fields_and_keeps_what_was_typed(client):
    page = client.get(FORM)
    assert page.status_code == 200
    assert 'name="fax"' in page.content.decode()
    response = client.post(
        FORM, {**payload(contact_email="not-an-email", website="nope"), "consent": ""}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Rotterdam Climate Office"' in html
    assert "Enter a valid email address." in html
    assert "Agree to the privacy notice to send the request." in html
    assert "Cases on water squares" in html
    assert not PartnerRequest.objects.exists()


@pytest.mark.django_db
def test_the_form_page_accepts_a_request_and_links_its_status(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM, {**payload(), "consent": "on"})
    assert response.status_code == 200
    request = PartnerRequest.objects.get()
    assert f"/partners/requests/{request.token}/" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_mail_server_that_is_down_keeps_the_request_and_the_email_is_retried(
    client, closed_port, django_capture_on_commit_callbacks
):
    tasks = DBTaskResult.objects.filter(task_path="partners.tasks.send_request_email")
    with override_settings(
        TASKS=DATABASE_TASKS,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=closed_port,
        EMAIL_TIMEOUT=5,
    ):
        with django_capture_on_commit_callbacks(execute=True):
            assert _post(client).status_code == 201
        first = tasks.get()
        _run_worker()
        email = PartnerRequestEmail.objects.get()
        assert email.sent_at is None and email.attempts == 1
        assert "ConnectionRefusedError" in email.last_error
        retry = tasks.exclude(pk=first.pk).get()
        assert retry.status == "READY" and retry.run_after > timezone.now()
    assert PartnerRequest.objects.count() == 1

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    with override_settings(
        TASKS=DATABASE_TASKS, EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
    ):
        mail.outbox = []
        _run_worker()
        email.refresh_from_db()
        assert email.sent_at is not None and email.attempts == 2
        assert [m.to for m in mail.outbox] == [["petra.private@example.org"]]
