"""/insights/ in a real browser: with JavaScript every chart is drawn (an SVG per chart), without
it the tables carry the same numbers; "Was this useful?" works with and without JavaScript;
axe finds nothing serious, on a phone and a desktop."""

from pathlib import Path

import pytest

from insights.models import PageFeedback

# The page content of the accessibility tests (a fixture; tests take it by its name).
from tests.browser.test_accessibility import site_content  # noqa: F401

ALL_DRAWN = "document.querySelectorAll('.chart-ready').length === document.querySelectorAll('.chart').length"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("width", [375, 1280])
def test_every_chart_is_drawn_with_javascript(
    chromium, live_server, site_content, axe, screenshot, width
):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/insights/")
    page.wait_for_function(ALL_DRAWN)
    charts = page.locator(".chart")
    assert charts.count() >= 14
    assert page.locator(".chart svg").count() == charts.count()
    assert page.locator(".chart-failed").count() == 0 and not errors
    # The coverage matrix shows the gaps: rectangles for all 85 cells.
    assert (
        page.locator("#panel-coverage .chart svg path, #panel-coverage .chart svg rect").count() > 0
    )
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{overflow}px wider than the screen"
    assert axe(page) == []
    screenshot(page, f"insights-{width}")
    context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_javascript_the_tables_and_csv_links_are_there(chromium, live_server, site_content):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/insights/?sdg=14")
    assert page.locator(".chart svg").count() == 0
    tables = page.locator("table.insight-table")
    assert tables.count() == page.locator(".chart").count()
    coverage = page.locator("#panel-coverage table")
    assert coverage.locator("thead th").all_inner_texts() == [
        "SDG",
        "Africa",
        "Americas",
        "Asia",
        "Europe",
        "Oceania",
    ]
    assert coverage.locator("tbody tr").all_inner_texts()[0].startswith("14. Life Below Water")
    assert coverage.locator("td.gap").count() == 4  # only Asia has one
    link = page.locator("#panel-coverage a[download]")
    assert link.get_attribute("href") == "/insights/csv/coverage/?sdg=14"
    with page.expect_download() as download:
        link.click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert text.splitlines()[0] == "SDG,Africa,Americas,Asia,Europe,Oceania"
    context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_was_this_useful_without_javascript(chromium, live_server, site_content):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_content["case"].url)
    page.get_by_role("button", name="Yes").click()
    page.get_by_text("Will you use something from it?").wait_for()
    page.get_by_role("button", name="In my network").click()
    page.get_by_text("Thank you for your answer.").wait_for()
    answer = PageFeedback.objects.get()
    assert (answer.useful, answer.will_use) == (True, "network")
    context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_was_this_useful_with_javascript_stays_on_the_page(browser_page, site_content, axe):
    browser_page.goto(site_content["article"].url)
    assert axe(browser_page) == []
    browser_page.evaluate("window.stayed = true")
    browser_page.get_by_role("button", name="No").click()
    browser_page.get_by_text("Will you use something from it?").wait_for()
    assert browser_page.evaluate("window.stayed") is True  # no page load
    browser_page.get_by_role("button", name="Maybe").click()
    browser_page.get_by_text("Thank you for your answer.").wait_for()
    answer = PageFeedback.objects.get()
    assert (answer.useful, answer.will_use) == (False, "maybe")
    assert axe(browser_page) == []
