"""A server error in production leaves a trace for the people who run the site: one JSON line on
stderr with the traceback, an event in Sentry when SENTRY_DSN is set, an email to ADMINS when
set. The site runs as production runs it (gunicorn, production settings, collected static files);
the error is a real one: the database is unreachable."""

import gzip
import json
import os
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller

from .conftest import ROOT, wait_until


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _production_env(**extra):
    env = dict(os.environ)
    for name in ("DATABASE_URL", "SEARCH_BACKEND", "SEARCH_URL", "TASKS_BACKEND", "SENTRY_DSN"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="closercities.settings.production",
        SECRET_KEY="test-only-not-secret",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
    )
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """`collectstatic` as a deployment runs it: production's 500 page needs the manifest."""
    root = tmp_path_factory.mktemp("static")
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=_production_env(STATIC_ROOT=str(root)),
        check=True,
        timeout=600,
    )
    return root


class SentryIngest:
    """A stand-in for Sentry's ingest endpoint: a real HTTP server keeping what it receives."""

    def __init__(self):
        self.envelopes = []
        received = self.envelopes

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if self.headers.get("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                received.append(body.decode())
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.dsn = f"http://public@127.0.0.1:{self.server.server_port}/1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Mailbox:
    """aiosmtpd's handler interface: keeps every message the SMTP listener accepts."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append((envelope.rcpt_tos, envelope.content.decode()))
        return "250 OK"


@pytest.fixture
def sentry():
    ingest = SentryIngest()
    yield ingest
    ingest.close()


@pytest.fixture
def mailbox():
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=_free_port())
    controller.start()
    box.port = controller.port
    yield box
    controller.stop()


@pytest.fixture
def production_site(static_root, sentry, mailbox, tmp_path):
    """gunicorn with production settings whose database is unreachable; yields
    (base URL, a function returning what it wrote to stderr)."""
    port = _free_port()
    stderr_path = tmp_path / "gunicorn.stderr"
    env = _production_env(
        STATIC_ROOT=str(static_root),
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{_free_port()}/nowhere",
        SENTRY_DSN=sentry.dsn,
        ADMINS="Site operations <ops@example.org>",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(mailbox.port),
    )
    with open(stderr_path, "w", encoding="utf-8") as stderr:
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "closercities.wsgi:application"]
            + ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--graceful-timeout", "5"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    url = f"http://127.0.0.1:{port}"

    def answers():
        try:
            urllib.request.urlopen(f"{url}/static/css/site.css", timeout=5)  # noqa: S310
        except OSError:  # refused while starting, or too slow to answer yet
            return server.poll() is not None
        return True

    wait_until(answers, "gunicorn to answer")
    assert server.poll() is None, stderr_path.read_text()
    yield url, lambda: stderr_path.read_text(encoding="utf-8")
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()  # its worker, orphaned, then exits on its own (gunicorn checks its parent)
        server.wait()


def _json_lines(text):
    """Every line that is a structured log event (gunicorn's own start-up lines are not)."""
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_a_server_error_is_logged_reported_and_mailed(production_site, sentry, mailbox):
    url, stderr = production_site
    request = urllib.request.Request(  # noqa: S310 (http to the test's own server)
        f"{url}/cases/?q=water", headers={"Cookie": "sessionid=visitor-session-4711"}
    )
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=30)  # noqa: S310
    assert error.value.code == 500
    assert "Something went wrong" in error.value.read().decode()

    # One JSON event, on one line, with the whole traceback.
    wait_until(lambda: any(e["logger"] == "django.request" for e in _json_lines(stderr())), "log")
    errors = [event for event in _json_lines(stderr()) if event["logger"] == "django.request"]
    assert len(errors) == 1, stderr()
    event = errors[0]
    assert (event["level"], event["status_code"], event["method"], event["path"]) == (
        "ERROR",
        500,
        "GET",
        "/cases/",
    )
    assert event["message"] == "Internal Server Error: /cases/"
    assert event["traceback"].startswith("Traceback (most recent call last):")
    assert "OperationalError" in event["traceback"]

    # Sentry received the exception, without the visitor's cookie.
    wait_until(lambda: any("OperationalError" in body for body in sentry.envelopes), "Sentry")
    report = next(body for body in sentry.envelopes if "OperationalError" in body)
    assert "/cases/" in report
    assert "visitor-session-4711" not in report

    # ADMINS got the error by email.
    wait_until(lambda: mailbox.messages, "the email to ADMINS")
    recipients, message = mailbox.messages[0]
    assert recipients == ["ops@example.org"]
    assert "Internal Server Error: /cases/" in message
    assert "OperationalError" in message
