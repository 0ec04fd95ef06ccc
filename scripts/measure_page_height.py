"""How tall a page is on a phone: opens each URL in headless Chromium (Debian's, never a
downloaded one) at 375 x 740 px and prints `document.body.scrollHeight`, the page's full height
in CSS pixels, and where the first search result starts (the scroll needed to reach it).

    .venv/bin/python scripts/measure_page_height.py http://127.0.0.1:8000/cases/

Used to measure the case index before and after the filters collapsed (issue 10).
"""

import argparse
import os

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--width", type=int, default=375)
    parser.add_argument("--height", type=int, default=740)
    parser.add_argument("--no-js", action="store_true", help="measure with JavaScript off")
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(
            viewport={"width": args.width, "height": args.height},
            java_script_enabled=not args.no_js,
        )
        page = context.new_page()
        for url in args.urls:
            page.goto(url, wait_until="load")
            height = page.evaluate("() => document.body.scrollHeight")
            first = page.evaluate(
                "() => { const r = document.querySelector('.search-result, .card');"
                " return r ? Math.round(r.getBoundingClientRect().top + window.scrollY) : null; }"
            )
            print(f"{url}\t{args.width}px wide: page {height} px tall, first result at {first} px")
        browser.close()


if __name__ == "__main__":
    main()
