import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _manage(*args, **env):
    # A clean production environment: none of the test process's own switches.
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(DJANGO_SETTINGS_MODULE="closercities.settings.production", **env)
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", ALLOWED_HOSTS="closercities.org")
    assert result.returncode != 0
    assert "SECRET_KEY is required in production" in result.stderr


@pytest.mark.parametrize("backend", ["nosuchengine"])
def test_unknown_search_backend_is_a_clear_configuration_error(backend):
    result = _manage(
        "check", SECRET_KEY="x" * 60, ALLOWED_HOSTS="closercities.org", SEARCH_BACKEND=backend
    )
    assert result.returncode != 0
    assert "SEARCH_BACKEND='nosuchengine' is not one of" in result.stderr


def test_production_passes_the_deploy_checks():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k3y-" + "9f8e7d6c5b4a" * 5,
        ALLOWED_HOSTS="closercities.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_server_processes_share_one_cache(tmp_path):
    """Rate limits and cached API answers hold across gunicorn workers only if every process
    sees the same cache: one process writes, another (a new interpreter) reads."""
    env = {
        "SECRET_KEY": "k3y-" + "9f8e7d6c5b4a" * 5,
        "ALLOWED_HOSTS": "closercities.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = _manage("createcachetable", **env)
    assert result.returncode == 0, result.stderr
    write = "from django.core.cache import cache; cache.set('counted', 4, 60)"
    result = _manage("shell", "-c", write, **env)
    assert result.returncode == 0, result.stderr
    read = "from django.core.cache import cache; print('seen', cache.get('counted'))"
    result = _manage("shell", "-c", read, **env)
    assert result.returncode == 0, result.stderr
    assert "seen 4" in result.stdout
