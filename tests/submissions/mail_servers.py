"""Real mail servers for the tests: one that works (aiosmtpd, a complete SMTP server), one that
accepts connections and never answers, and a port where nothing listens."""

import email
import socket
import threading

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Collector:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(
            (envelope.rcpt_tos, email.message_from_bytes(envelope.original_content))
        )
        return "250 Message accepted for delivery"


class SMTPServer:
    """aiosmtpd on 127.0.0.1: `messages` holds (recipients, parsed message) of what arrived."""

    def __init__(self):
        self.port = free_port()
        self._collector = _Collector()
        self._controller = Controller(self._collector, hostname="127.0.0.1", port=self.port)

    @property
    def messages(self):
        return self._collector.messages

    def bodies_to(self, address):
        return [
            message.get_payload(decode=True).decode()
            if not message.is_multipart()
            else message.get_payload(0).get_payload(decode=True).decode()
            for recipients, message in self.messages
            if address in recipients
        ]

    def __enter__(self):
        self._controller.start()
        return self

    def __exit__(self, *exc):
        self._controller.stop()


class HangingSMTPServer:
    """Accepts every connection and never says a word: an SMTP client waits for the greeting
    until its timeout. `connections` counts who connected."""

    def __init__(self):
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(50)
        self.port = self._sock.getsockname()[1]
        self.connections = 0
        self._open = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self):
        self._sock.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            self._open.append(conn)  # held open, silent

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        for conn in self._open:
            conn.close()
        self._sock.close()
