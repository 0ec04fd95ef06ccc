"""Subscribing to an alert: the form on the case index and the search page, double opt-in (a
link scanner that opens the link confirms nothing), bad input, the honeypot and the rate
limit; managing and cancelling it from the links in the emails."""

import pytest

from alerts.models import EmailKind, Subscription


@pytest.mark.django_db
def test_the_case_index_and_search_page_offer_the_alert_for_their_filters(client, case_factory):
    case_factory(title="Cycle lanes", sdgs=[11])
    for url in ("/cases/?sdg=11&region=150", "/search/?q=cycle&sdg=11"):
        html = client.get(url).content.decode()
        assert 'action="/alerts/subscribe/"' in html
        assert 'name="query" value="' in html
        if url.startswith("/cases/"):
            assert 'value="sdg=11&amp;region=150"' in html
        else:
            assert 'value="q=cycle&amp;sdg=11"' in html
        # No CSRF token: the case index stays cacheable for every visitor.
        assert "csrfmiddlewaretoken" not in html


@pytest.mark.django_db
def test_double_opt_in(client, mailbox, subscribe):
    response = subscribe(query="sdg=11&region=002")
    assert response.status_code == 200
    assert "sent you an email" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    subscription = Subscription.objects.get()
    # The filters, and the language the visitor searched in (here English, the default).
    assert subscription.query == [["sdg", "11"], ["region", "002"], ["locale", "en"]]
    assert subscription.confirmed_at is None

    # One email, to the address, with the confirmation link and what the alert is about.
    assert len(mailbox.messages) == 1
    recipients, message = mailbox.messages[0]
    assert recipients == ["ana.alerts@example.org"]
    assert "confirm" in message["Subject"].lower()
    body = message.get_content()
    assert "Sustainable Cities and Communities" in body and "Africa" in body
    confirm = mailbox.link("confirm")

    # Opening the link (a person, or a mail scanner) shows what to confirm; only the button
    # confirms.
    page = client.get(confirm)
    assert page.status_code == 200 and "Confirm the alert" in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    page = client.post(confirm)
    assert "Your alert is on" in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    assert subscription.covered_until == subscription.confirmed_at
    # Confirming is the only email until a digest is due.
    assert len(mailbox.messages) == 1
    assert "ana.alerts@example.org" not in page.content.decode()


@pytest.mark.django_db
def test_bad_input_is_shown_beside_the_field_and_nothing_is_stored(client, subscribe):
    response = subscribe(address="not-an-address", query="sdg=99")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a valid email address." in html
    assert "This search cannot be saved: sdg: &#x27;99&#x27; is not an SDG number" in html
    assert 'value="not-an-address"' in html  # what was typed is kept
    assert not Subscription.objects.exists()

    response = subscribe(frequency="hourly")
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert not Subscription.objects.exists()


@pytest.mark.django_db
def test_honeypot_and_rate_limit(subscribe, mailbox):
    response = subscribe(fax="+31 20 123")
    assert response.status_code == 200  # the same thanks, and nothing stored or sent
    assert not Subscription.objects.exists() and not mailbox.messages
    for number in range(4):
        assert subscribe(address=f"person{number}@example.org").status_code == 200
    assert subscribe(address="sixth@example.org").status_code == 429
    assert Subscription.objects.count() == 4


@pytest.mark.django_db
def test_manage_change_frequency_and_unsubscribe(client, mailbox, subscribe):
    subscribe(query="topic=mobility")
    subscription = Subscription.objects.get()
    client.post(mailbox.link("confirm"))
    manage = f"/alerts/manage/{subscription.token}/"
    page = client.get(manage)
    html = page.content.decode()
    assert page.status_code == 200 and "Weekly" in html
    assert "ana.alerts@example.org" not in html
    assert 'href="/cases/?topic=mobility"' in html

    assert client.post(manage, {"frequency": "daily"}).status_code == 200
    subscription.refresh_from_db()
    assert subscription.frequency == "daily"
    assert client.post(manage, {"frequency": "yearly"}).status_code == 400

    unsubscribe = f"/alerts/unsubscribe/{subscription.token}/"
    assert "Unsubscribe from this alert?" in client.get(unsubscribe).content.decode()
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is None  # opening the page cancels nothing
    # The mail program's one-click unsubscribe (RFC 8058) posts without a CSRF token.
    response = client.post(
        unsubscribe, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200 and "You are unsubscribed" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None
    assert client.post(unsubscribe).status_code == 200  # twice is fine
    # A cancelled alert has no management page any more.
    assert client.get(manage).status_code == 404
    assert client.get("/alerts/manage/no-such-token/").status_code == 404
    assert subscription.emails.filter(kind=EmailKind.CONFIRMATION).count() == 1
