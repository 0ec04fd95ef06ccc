"""Browser tests: Debian's Chromium (/usr/bin/chromium) driven by Playwright, against the
real site served by pytest-django's live server. No browser is ever downloaded.

Run with `make test-browser` (part of `make test-all`); they are skipped in `make test`
only when Chromium is not installed, and CI installs it.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
# axe-core comes from the npm registry (`npm ci`, run by `make test-all`); it is injected into
# the page from this local file, never from a CDN.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Flags for a closed network and a root user (the CI machine): no sandbox, no background
# traffic to Google's services, no first-run UI.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM) or os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"Browser tests need Chromium at {CHROMIUM}; CI must install it.")
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(skip)


def _serialized_contents():
    from django.db import connections

    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


def _restore_serialized_contents(saved):
    from django.db import connections

    for alias, contents in saved.items():
        if not hasattr(connections[alias], "_test_serialized_contents"):
            connections[alias]._test_serialized_contents = contents


# One Playwright and one Chromium for the whole session, even when a test module elsewhere
# imports these fixtures (pytest then holds a second definition of them): a second sync
# Playwright inside the first one's event loop would refuse to start.
_shared = {}


@pytest.fixture(scope="session")
def _playwright(django_db_setup):
    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
    # inside one unless told the test process is single-threaded on purpose.
    if "playwright" in _shared:
        yield _shared["playwright"]
        return
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    saved = _serialized_contents()
    try:
        with sync_playwright() as playwright:
            # From here on the session runs in Playwright's context, where Django's connection
            # wrappers are new: give them the migration data pytest-django serialised, or the
            # first browser test's flush would re-create content types under new ids and every
            # later serialized rollback would collide with them.
            _restore_serialized_contents(saved)
            _shared["playwright"] = playwright
            yield playwright
    finally:
        _shared.pop("playwright", None)
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture(scope="session")
def chromium(_playwright):
    if "chromium" in _shared:
        yield _shared["chromium"]
        return
    browser = _playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    _shared["chromium"] = browser
    yield browser
    _shared.pop("chromium", None)
    browser.close()


@pytest.fixture
def browser_page(chromium, live_server):
    """A fresh Playwright page whose relative URLs go to the live server."""
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot():
    """screenshot(page, "home") saves test-artifacts/screenshots/home.png (the full page, or
    what the screen shows with full_page=False)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page, name, full_page=True):
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


@pytest.fixture
def axe():
    """axe(page) runs axe-core on the page and returns its serious and critical violations as
    readable lines (an empty list means the page passes)."""
    if not AXE.exists():
        if os.environ.get("CI"):
            raise pytest.UsageError(f"axe-core is missing at {AXE}; run `npm ci`.")
        pytest.skip("axe-core not installed (npm ci)")

    def run(page):
        page.add_script_tag(path=str(AXE))
        results = page.evaluate(
            """() => axe.run(document, {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
            })"""
        )
        return [
            f"{v['impact']}: {v['id']} ({v['help']}) at "
            + ", ".join(str(node["target"]) for node in v["nodes"][:5])
            for v in results["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return run
