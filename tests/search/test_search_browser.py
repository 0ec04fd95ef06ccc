"""The search page in a real browser with JavaScript switched off: search, tick a facet, apply,
remove the chip. (Debian's Chromium through Playwright, as in tests/browser/.)"""

import pytest

from tests.browser.conftest import _playwright, chromium  # noqa: F401 (fixtures)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_search_and_filter_without_javascript(chromium, live_server, search_index, case_factory):  # noqa: F811
    case_factory(title="Solar kiosks in Accra", summary="Solar power for market stalls.", sdgs=[7])
    case_factory(title="Solar buses in Lima", summary="Solar charging for buses.", sdgs=[11])
    case_factory(title="Rain gardens in Utrecht", summary="Gardens that hold rain.", sdgs=[13])
    search_index.refresh()
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/search/")
        page.get_by_label("Search terms").fill("solar")
        page.locator("#main").get_by_role("button", name="Search", exact=True).click()
        page.wait_for_url("**/search/?*q=solar*")
        assert page.locator(".result-count").inner_text() == "2 results for “solar”"

        page.get_by_label("Affordable and Clean Energy").check()
        page.get_by_role("button", name="Apply filters").click()
        page.wait_for_url("**/search/?*sdg=7*")
        assert page.locator(".result-count").inner_text() == "1 result for “solar”"
        assert "Solar kiosks in Accra" in page.locator(".search-results").inner_text()

        chips = page.get_by_role("list", name="Applied filters")
        chips.get_by_role("link", name="Affordable and Clean Energy").click()
        assert page.locator(".result-count").inner_text() == "2 results for “solar”"
        page.get_by_role("link", name="Solar buses in Lima").click()
        assert page.get_by_role("heading", level=1).inner_text() == "Solar buses in Lima"
    finally:
        context.close()
