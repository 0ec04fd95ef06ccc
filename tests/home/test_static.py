"""Static files: whitenoise with hashed names in production, and the map libraries from npm."""

import json
from pathlib import Path

from django.core.management import call_command
from django.template import engines
from django.test import override_settings

import pytest

from tests.home.test_settings import _manage

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "static" / "vendor"
NODE_MODULES = ROOT / "node_modules"
PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def test_production_serves_static_files_with_whitenoise_and_hashed_names():
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.STORAGES['staticfiles']['BACKEND']);"
        "print(settings.MIDDLEWARE[1])",
        SECRET_KEY="k3y-" + "9f8e7d6c5b4a" * 5,
        ALLOWED_HOSTS="closercities.org",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == [
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]


def test_collectstatic_writes_hashed_compressed_files_that_templates_link_to(tmp_path):
    # The project's own static files only: compressing every app's (Wagtail's admin, the
    # API docs' Swagger UI) takes minutes and proves nothing more about ours.
    with override_settings(
        STATIC_ROOT=str(tmp_path),
        STORAGES=PRODUCTION_STORAGES,
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
        hashed = manifest["css/site.css"]
        assert hashed != "css/site.css" and hashed.startswith("css/site.")
        assert (tmp_path / hashed).exists() and (tmp_path / (hashed + ".gz")).exists()
        # Leaflet's stylesheet points at its images; the hashed copy points at hashed images.
        leaflet_css = (tmp_path / manifest["vendor/leaflet/leaflet.css"]).read_text()
        assert manifest["vendor/leaflet/images/layers.png"].split("/")[-1] in leaflet_css
        rendered = (
            engines["django"].from_string("{% load static %}{% static 'js/map.js' %}").render({})
        )
        assert rendered == "/static/" + manifest["js/map.js"]


def _version(package):
    return json.loads((ROOT / "package.json").read_text())["dependencies"][package]


def test_committed_map_libraries_are_the_versions_package_json_pins():
    assert f"Leaflet {_version('leaflet')}" in (VENDOR / "leaflet" / "leaflet.js").read_text()[:300]
    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    assert lock["node_modules/leaflet"]["version"] == _version("leaflet")
    assert lock["node_modules/leaflet.markercluster"]["version"] == _version(
        "leaflet.markercluster"
    )


def test_committed_chart_interpreter_is_the_version_package_json_pins():
    # Vega's expression interpreter lets the charts draw under the no-eval policy.
    header = (VENDOR / "vega-interpreter" / "vega-interpreter.js").read_text()[:200]
    assert f"vega-interpreter {_version('vega-interpreter')}," in header
    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    assert lock["node_modules/vega-interpreter"]["version"] == _version("vega-interpreter")


@pytest.mark.skipif(not NODE_MODULES.exists(), reason="node_modules not installed (npm ci)")
@pytest.mark.parametrize(
    ("package", "source", "copy"),
    [
        ("leaflet", "dist/leaflet.js", "leaflet/leaflet.js"),
        ("leaflet", "dist/leaflet.css", "leaflet/leaflet.css"),
        (
            "leaflet.markercluster",
            "dist/leaflet.markercluster.js",
            "leaflet.markercluster/leaflet.markercluster.js",
        ),
    ],
)
def test_committed_map_libraries_match_the_npm_packages(package, source, copy):
    # After changing a version in package.json, `npm run build` must be run and committed.
    assert (VENDOR / copy).read_bytes() == (NODE_MODULES / package / source).read_bytes()
