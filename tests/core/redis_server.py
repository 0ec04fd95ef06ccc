"""A real Redis server for tests: Debian's `redis-server`, started by the test on a Unix socket
in its own temporary folder (no port to clash with other test workers or engineers), with
nothing kept on disk. Tests can stop it and start it again to see an outage."""

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from redis.connection import UnixDomainSocketConnection


class RedisServer:
    def __init__(self, folder):
        self.folder = Path(folder)
        self.socket = self.folder / "redis.sock"
        self.process = None

    @property
    def url(self):
        return f"unix://{self.socket}?db=0"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - Debian's binary, fixed arguments
            [
                shutil.which("redis-server"),
                "--port",
                "0",
                "--unixsocket",
                str(self.socket),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(500):
            if self.ping():
                return
            time.sleep(0.01)  # waiting for a server to start, not for a result
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None

    def ping(self):
        import redis

        try:
            return redis.Redis(unix_socket_path=str(self.socket)).ping()
        except redis.exceptions.ConnectionError:
            return False

    def client(self):
        import redis

        return redis.Redis(unix_socket_path=str(self.socket))


class CountingConnection(UnixDomainSocketConnection):
    """redis-py's own connection, counting what it sends: one send is one round trip (a
    pipeline sends all its commands at once)."""

    sends = 0

    def send_packed_command(self, command, check_health=True):
        CountingConnection.sends += 1
        return super().send_packed_command(command, check_health)


def needs_redis_server():
    if os.environ.get("CI") and shutil.which("redis-server") is None:
        raise pytest.UsageError("The Redis tests need redis-server; CI must install it.")
    return pytest.mark.skipif(
        shutil.which("redis-server") is None,
        reason="needs Debian's redis-server (apt-get install redis-server)",
    )
