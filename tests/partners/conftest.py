import socket

import pytest


@pytest.fixture
def closed_port():
    """A localhost port nothing listens on: a mail server that is down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
