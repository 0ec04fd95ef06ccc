"""The README's screenshots, taken from a running site (e.g. `make run`, seeded with the demo
data) in headless Chromium (Debian's, never a downloaded one):

    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8000

writes docs/screenshots/home.png (desktop), case-index-phone.png (375 px, the first screen),
case.png (the newest case, desktop) and submit-a-case.png (the form, desktop).
"""

import argparse
import os
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base_url", help="where the site runs, e.g. http://127.0.0.1:8000")
    args = parser.parse_args()
    base = args.base_url.rstrip("/")
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        desktop = browser.new_page(viewport=DESKTOP)
        desktop.goto(base + "/", wait_until="networkidle")
        desktop.screenshot(path=OUT / "home.png", full_page=True)
        desktop.goto(base + "/cases/", wait_until="networkidle")
        case_url = desktop.locator(".search-result .card-title a").first.get_attribute("href")
        desktop.goto(base + case_url if case_url.startswith("/") else case_url)
        desktop.wait_for_load_state("networkidle")
        desktop.screenshot(path=OUT / "case.png", full_page=True)
        desktop.goto(base + "/submit-a-case/", wait_until="networkidle")
        desktop.screenshot(path=OUT / "submit-a-case.png", full_page=True)
        phone = browser.new_page(viewport=PHONE)
        phone.goto(base + "/cases/", wait_until="networkidle")
        phone.screenshot(path=OUT / "case-index-phone.png")
        browser.close()
    for name in ("home", "case-index-phone", "case", "submit-a-case"):
        print(OUT / f"{name}.png")


if __name__ == "__main__":
    main()
