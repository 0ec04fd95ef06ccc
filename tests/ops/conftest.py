"""Fault tests: real servers stopped, killed and restarted under a running platform.

They stop the PostgreSQL and OpenSearch servers the rest of the suite uses, so they run on
their own (`make test-faults`, `make test-cluster`, both in `make test-all`) and are skipped
in any other run unless FAULT_TESTS=1 is set.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.db import connection

import pytest

ROOT = Path(__file__).resolve().parents[2]
FAULT_TESTS = os.environ.get("FAULT_TESTS") == "1"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
FIGURES = ROOT / "test-artifacts" / "ops" / "figures.json"


def pytest_collection_modifyitems(config, items):
    if FAULT_TESTS:
        return
    skip = pytest.mark.skip(
        reason="stops real servers; run with `make test-faults` (FAULT_TESTS=1)"
    )
    for item in items:
        if "tests/ops/" in str(item.fspath):
            item.add_marker(skip)


def unavailable(reason):
    """Skip for want of a server; in CI (CI=true), where `make test-all` starts them, fail."""
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def wait_until(predicate, what, timeout=120, every=0.2):
    """Poll `predicate` until it is true; fail naming `what` after `timeout` seconds. (A
    deadline for something that must happen, never a measure of speed.)"""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(every)


def record_figure(name, **values):
    """Keep a measurement (seconds, counts) in test-artifacts/ops/figures.json: `make
    test-faults` prints them, docs/benchmarks.md quotes them. Never asserted on."""
    FIGURES.parent.mkdir(parents=True, exist_ok=True)
    figures = json.loads(FIGURES.read_text()) if FIGURES.exists() else {}
    figures[name] = values
    FIGURES.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")


def database_url():
    """The test database as a DATABASE_URL for a worker in another process."""
    db = django_settings.DATABASES["default"]
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


class WorkerProcess:
    """`manage.py db_worker` in its own process, as systemd runs it."""

    def __init__(self, worker_id, log_path, env):
        self.worker_id = worker_id
        self.log_path = log_path
        self._log = open(log_path, "w", encoding="utf-8")  # noqa: SIM115
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2"]
            + ["--worker-id", worker_id],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    @property
    def alive(self):
        return self.process.poll() is None

    def output(self):
        return Path(self.log_path).read_text(encoding="utf-8")

    def stop(self):
        if self.alive:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


@pytest.fixture
def start_worker(tmp_path, settings):
    """start_worker("w1") runs a db_worker on the test database; this process enqueues to the
    same database queue. Workers are stopped after the test."""
    settings.TASKS = DATABASE_TASKS
    workers = []

    def start(worker_id, **extra_env):
        env = dict(os.environ, DATABASE_URL=database_url(), TASKS_BACKEND="database")
        env["DJANGO_SETTINGS_MODULE"] = "closercities.settings.test"
        env.update(extra_env)
        worker = WorkerProcess(worker_id, tmp_path / f"{worker_id}.log", env)
        workers.append(worker)
        wait_until(
            lambda: "Starting worker" in worker.output() or not worker.alive,
            f"worker {worker_id} to start",
        )
        assert worker.alive, worker.output()
        return worker

    yield start
    for worker in workers:
        worker.stop()


class Postgres:
    """The throw-away PostgreSQL of scripts/postgres.sh that the tests run on."""

    def __init__(self):
        self.port = str(django_settings.DATABASES["default"]["PORT"])
        self.data = Path(os.environ.get("PG_DATA", ROOT / ".pgdata"))

    def controllable(self):
        pid_file = self.data / "postmaster.pid"
        return pid_file.exists() and pid_file.read_text().splitlines()[3].strip() == self.port

    def _run(self, action):
        env = dict(os.environ, PG_PORT=self.port, PG_DATA=str(self.data))
        subprocess.run(  # noqa: S603
            [str(ROOT / "scripts" / "postgres.sh"), action],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )

    def stop(self):
        # This process's own connection dies with the server; reconnect afterwards.
        connection.close()
        self._run("stop")

    def start(self):
        self._run("start")
        connection.close()


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        unavailable("needs PostgreSQL (DATABASE_URL)")
    server = Postgres()
    if not server.controllable():
        unavailable("the database is not the scripts/postgres.sh server in PG_DATA")
    yield server
    if not server.controllable():
        server.start()


class EngineNode:
    """The OpenSearch node of scripts/opensearch.sh that SEARCH_URL points at."""

    def __init__(self):
        url = django_settings.WAGTAILSEARCH_BACKENDS["default"].get("URLS", [""])[0]
        self.port = str(urlsplit(url).port or "")

    def _run(self, action, check=True):
        return subprocess.run(  # noqa: S603
            [str(ROOT / "scripts" / "opensearch.sh"), action],
            env=dict(os.environ, OPENSEARCH_PORT=self.port),
            check=check,
            capture_output=True,
            text=True,
            timeout=600,
        )

    def controllable(self):
        status = self._run("status", check=False)
        return status.returncode == 0 and f":{self.port}" in status.stdout

    def stop(self):
        self._run("stop")

    def start(self):
        """Start it and return once it answers healthy (yellow or green)."""
        self._run("start")


@pytest.fixture
def engine_node():
    if django_settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"].endswith("database"):
        unavailable("needs a search engine (SEARCH_BACKEND=opensearch2)")
    node = EngineNode()
    if not node.controllable():
        unavailable("SEARCH_URL is not the scripts/opensearch.sh node")
    yield node
    if not node.controllable():
        node.start()
