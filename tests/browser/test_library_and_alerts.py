"""In a real browser (Chromium), at phone and desktop widths and with JavaScript off (both work
without it): subscribing to an email alert from the case index through a real SMTP listener,
and filtering the policy library. axe finds no serious or critical problem on these pages."""

from urllib.parse import urlsplit

from django.core.cache import cache

from wagtail.models import Site

import pytest
from aiosmtpd.controller import Controller

from alerts.models import Subscription
from tests.alerts.conftest import Mailbox, free_port

WIDTHS = {"phone": 375, "desktop": 1280}


@pytest.fixture
def site(live_server, settings, case_factory, library_item_factory):
    address = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    cache.clear()
    case_factory(title="Nairobi cycle lanes", country="KE", sdgs=[11])
    case_factory(title="Lyon trams", country="FR", sdgs=[11])
    library_item_factory(title="Nairobi heat plan", document_type="plan", country="KE")
    library_item_factory(title="Utrecht cycling policy", document_type="policy")
    library_item_factory(title="Accra waste regulation", document_type="regulation", country="GH")


@pytest.fixture
def mailbox(settings):
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    yield box
    controller.stop()


def _page(chromium, live_server, width):
    context = chromium.new_context(
        base_url=live_server.url,
        viewport={"width": width, "height": 900},
        java_script_enabled=False,
    )
    return context, context.new_page()


def _fits(page, width):
    """Nothing sticks out sideways: the document is no wider than the window. Playwright's
    own evaluation runs even though the page's scripts are off; the <html> box alone would
    always be the window's width, however wide its content."""
    return page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.fixture
def audit(chromium, live_server, axe):
    """axe on a page, opened in a second context where scripts run (axe is one)."""
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()

    def run(url):
        page.goto(url)
        return axe(page)

    yield run
    context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("device", WIDTHS)
def test_subscribing_to_an_alert(chromium, live_server, site, mailbox, audit, screenshot, device):
    width = WIDTHS[device]
    context, page = _page(chromium, live_server, width)
    try:
        page.goto("/cases/?sdg=11&region=002")
        assert _fits(page, width)
        form = page.locator(".alert-signup")
        form.get_by_label("Your email").fill("visitor@example.org")
        form.get_by_label("How often").select_option("daily")
        form.get_by_role("button", name="Notify me").click()
        page.get_by_text("we have sent you an email").wait_for()
        assert audit("/cases/?sdg=11&region=002") == []
        assert audit("/alerts/subscribe/?query=sdg%3D11") == []

        assert len(mailbox.messages) == 1
        page.goto(mailbox.link("confirm"))
        assert audit(mailbox.link("confirm")) == []
        assert Subscription.objects.get().confirmed_at is None
        page.get_by_role("button", name="Confirm the alert").click()
        page.get_by_role("heading", name="Your alert is on").wait_for()
        assert page.get_by_text("Sustainable Cities and Communities").count() == 1
        assert audit(mailbox.link("confirm")) == []
        assert _fits(page, width)
        screenshot(page, f"alert-confirmed-{device}")
        subscription = Subscription.objects.get()
        assert subscription.confirmed_at is not None
        assert subscription.frequency == "daily"
        assert subscription.query == [["sdg", "11"], ["region", "002"], ["locale", "en"]]

        page.get_by_role("link", name="Manage this alert").click()
        assert audit(page.url) == []
        page.get_by_role("button", name="Unsubscribe").click()
        page.get_by_role("heading", name="You are unsubscribed").wait_for()
        assert audit(page.url) == []
    finally:
        context.close()


def _open_filters(page):
    """On a phone the filters are a closed disclosure (the results come first): open it."""
    panel = page.locator("details.listing-filters")
    if panel.get_attribute("open") is None:
        panel.locator("> summary").click()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("device", WIDTHS)
def test_filtering_the_library(chromium, live_server, site, audit, screenshot, device):
    width = WIDTHS[device]
    context, page = _page(chromium, live_server, width)
    try:
        page.goto("/library/")
        assert page.locator(".search-result").count() == 3
        assert audit("/library/") == []
        _open_filters(page)
        filters = page.locator(".facet-document_type")
        filters.get_by_label("Plan").check()
        filters.get_by_label("Regulation").check()
        page.get_by_role("button", name="Apply filters").click()
        page.wait_for_url("**/library/?**")
        assert "document_type=plan" in page.url and "document_type=regulation" in page.url
        titles = page.locator(".search-result .card-title").all_inner_texts()
        assert sorted(titles) == ["Accra waste regulation", "Nairobi heat plan"]
        _open_filters(page)
        page.locator(".facet-region").get_by_label("Africa").check()
        page.get_by_role("button", name="Apply filters").click()
        assert page.locator(".search-result").count() == 2
        assert audit(page.url) == []
        assert _fits(page, width)
        screenshot(page, f"library-{device}")
        page.get_by_role("link", name="Nairobi heat plan").click()
        page.get_by_role("heading", name="Nairobi heat plan").wait_for()
        assert audit(page.url) == []
        assert _fits(page, width)
    finally:
        context.close()
