"""Links carry the address the site is served on: `make run HOST=… PORT=…` passes it to the site
(WAGTAILADMIN_BASE_URL, the default Site), production derives it from ALLOWED_HOSTS, and the
API builds its links from the site answering the request. Checked over real HTTP against a
live server on a port of its own, as a visitor's tools would see them."""

import json
import os
import subprocess
import sys
import urllib.request
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import override_settings

import pytest

from tests.factories import CasePageFactory

from .conftest import case_payload

ROOT = Path(__file__).resolve().parents[2]


def _get(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - the live server
        return json.loads(response.read())


def _post(url, data):
    request = urllib.request.Request(  # noqa: S310 - the live server
        url, data=json.dumps(data).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.loads(response.read())


def test_make_run_serves_links_at_its_host_and_port():
    result = subprocess.run(  # noqa: S603 - make with fixed arguments
        ["make", "-n", "run", "HOST=127.0.0.1", "PORT=8100"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={k: v for k, v in os.environ.items() if k != "WAGTAILADMIN_BASE_URL"},
    )
    commands = result.stdout.splitlines()
    setup = next(c for c in commands if "setup_dev_site" in c)
    serve = next(c for c in commands if "runserver" in c)
    assert "--host 127.0.0.1 --port 8100" in setup
    for command in (setup, serve):
        assert command.startswith("WAGTAILADMIN_BASE_URL=http://127.0.0.1:8100 ")
    assert serve.endswith("runserver 127.0.0.1:8100")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_api_links_status_urls_and_the_openapi_server_use_the_served_address(live_server):
    base = live_server.url
    host, port = base.removeprefix("http://").split(":")
    with override_settings(DEBUG=True):  # what `make run` runs
        call_command("setup_dev_site", host=host, port=int(port), stdout=StringIO())
    CasePageFactory(title="Night buses in Bogotá")

    with override_settings(WAGTAILADMIN_BASE_URL=base, WAGTAILAPI_BASE_URL=None):
        listing = _get(f"{base}/api/v2/pages/?type=cases.CasePage")
        [item] = listing["items"]
        assert item["meta"]["detail_url"] == f"{base}/api/v2/pages/{item['id']}/"
        assert item["meta"]["html_url"].startswith(f"{base}/cases/")
        detail = _get(item["meta"]["detail_url"])
        assert detail["meta"]["html_url"] == item["meta"]["html_url"]

        schema = _get(f"{base}/api/v2/schema/")
        assert schema["servers"] == [{"url": base}]

        results = _get(f"{base}/api/v2/search/?q=buses")
        assert results["results"][0]["api_url"] == f"{base}/api/v2/pages/{item['id']}/"

        answer = _post(f"{base}/api/v2/submissions/cases/", case_payload())
        assert answer["status_url"] == f"{base}/submissions/status/{answer['token']}/"


def _production(**env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="closercities.settings.production",
        SECRET_KEY="k3y-" + "9f8e7d6c5b4a" * 5,
        **env,
    )
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_takes_the_address_from_the_environment_or_allowed_hosts():
    derived = _production(ALLOWED_HOSTS="closercities.org,www.closercities.org")
    assert derived.stdout.strip() == "https://closercities.org", derived.stderr
    explicit = _production(
        ALLOWED_HOSTS="closercities.org", WAGTAILADMIN_BASE_URL="https://cities.example/"
    )
    assert explicit.stdout.strip() == "https://cities.example", explicit.stderr
    unknown = _production(ALLOWED_HOSTS="*")
    assert unknown.returncode != 0
    assert "Set WAGTAILADMIN_BASE_URL" in unknown.stderr
