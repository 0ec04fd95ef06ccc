"""Email alerts are tested against a real SMTP listener (aiosmtpd on loopback): what the site
sends is what a mail server receives, headers and all."""

import email
import re
import socket
from email import policy

from django.core.cache import cache

import pytest
from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Mailbox:
    """aiosmtpd's handler: keeps every message the listener accepts, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 OK"

    def bodies(self):
        return [message.get_content() for _, message in self.messages]

    def link(self, kind, number=-1):
        """The /alerts/<kind>/<token>/ link in a received email, as a site path."""
        body = self.messages[number][1].get_content()
        return re.search(rf"https?://[^/\s]+(/alerts/{kind}/[\w-]+/)", body).group(1)


@pytest.fixture
def mailbox(settings):
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_TIMEOUT = 5
    yield box
    controller.stop()


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def subscribe(client, django_capture_on_commit_callbacks):
    """POST the alert form as a visitor would from the case index with `query` chosen."""

    def post(address="ana.alerts@example.org", query="", frequency="weekly", **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                "/alerts/subscribe/",
                {"email": address, "frequency": frequency, "query": query, **extra},
            )

    return post
