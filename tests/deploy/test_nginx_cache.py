"""The production nginx configuration (deploy/nginx/) in front of the real site: what its shared
cache keeps and what it never keeps. nginx is Debian's, started by scripts/nginx.sh on a free
loopback port in front of pytest-django's live server."""

import os
import shutil
import socket
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if os.environ.get("CI") and not os.path.exists("/usr/sbin/nginx"):
    raise pytest.UsageError("The deployment tests need nginx; CI must install it.")

pytestmark = [
    pytest.mark.skipif(not os.path.exists("/usr/sbin/nginx"), reason="needs Debian's nginx"),
    pytest.mark.skipif(shutil.which("curl") is None, reason="scripts/nginx.sh uses curl"),
]


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def nginx(live_server, tmp_path, settings):
    settings.PAGE_CACHE_MAX_AGE = 60
    port = _free_port()
    env = {
        **os.environ,
        "NGINX_PORT": str(port),
        "NGINX_UPSTREAM": live_server.url.removeprefix("http://"),
        "NGINX_DIR": str(tmp_path / "nginx"),
        "NGINX_WORKERS": "1",
    }
    script = str(ROOT / "scripts" / "nginx.sh")
    subprocess.run([script, "start"], env=env, check=True, capture_output=True)  # noqa: S603
    yield f"http://127.0.0.1:{port}"
    subprocess.run([script, "stop"], env=env, check=True, capture_output=True)  # noqa: S603


def fetch(url, method="GET", headers=None, data=None):
    request = urllib.request.Request(url, method=method, headers=headers or {}, data=data)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def cache_status(nginx, path, **kwargs):
    status, headers, _ = fetch(nginx + path, **kwargs)
    assert status < 500, (path, status)
    return headers.get("X-Cache-Status")


@pytest.fixture
def content(case_factory):
    return case_factory(title="Solar roofs in Accra", country="GH", sdgs=[7])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("path", ["/api/v2/stats/", "/api/v2/pages/?type=cases.CasePage", "/"])
def test_anonymous_reads_are_served_from_the_cache(nginx, content, path):
    assert cache_status(nginx, path) == "MISS"
    assert cache_status(nginx, path) == "HIT"
    status, _, body = fetch(nginx + path)
    assert status == 200 and body


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_logged_in_editors_are_never_served_or_stored(nginx, content, client, superuser):
    client.force_login(superuser)
    session = {"Cookie": f"sessionid={client.cookies['sessionid'].value}"}
    for _ in range(2):
        assert cache_status(nginx, "/cases/", headers=session) == "BYPASS"
        assert cache_status(nginx, "/api/v2/stats/", headers=session) == "BYPASS"
    # The editor's copies were not stored: the first anonymous reader still misses.
    assert cache_status(nginx, "/cases/") == "MISS"
    # The admin is never cached, whoever asks.
    for headers in (session, {}):
        for _ in range(2):
            assert cache_status(nginx, "/admin/", headers=headers) is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_api_tokens_bypass_the_cache(nginx, content):
    token = {"Authorization": "Bearer not-a-real-token"}
    for _ in range(2):
        assert cache_status(nginx, "/api/v3/pages/", headers=token) == "BYPASS"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_uncacheable_answers_are_never_kept(nginx, content):
    # Search answers say no-store; writes are never cached.
    for _ in range(2):
        assert cache_status(nginx, "/search/?q=solar") in ("MISS", "EXPIRED")
        assert cache_status(nginx, "/api/v2/search/?q=solar") in ("MISS", "EXPIRED")
    for _ in range(2):
        status = cache_status(
            nginx,
            "/api/v2/submissions/cases/",
            method="POST",
            headers={"Content-Type": "application/json"},
            data=b"{}",
        )
        # nginx caches only GET and HEAD: a write is passed through, never looked up.
        assert status in (None, "BYPASS")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_private_media_originals_are_not_served(nginx, content):
    status, _, _ = fetch(nginx + "/media/original_images/anything.jpg")
    assert status == 404
