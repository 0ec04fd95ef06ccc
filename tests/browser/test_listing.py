"""The case index in a real browser, on a 375 px phone and a desktop, with JavaScript on and
off: the first result on the first screen after the collapsed filters, a ticked filter that
applies at once, the Apply button at the top of the filters without JavaScript, and the
controls that keep working across the reloads."""

from urllib.parse import parse_qs, urlsplit

import pytest

PHONE = {"width": 375, "height": 740}
COUNTRIES = ["KE", "PE", "FI", "IN", "BR", "NL", "GH", "VN", "CO", "ID", "MX", "TN"]


@pytest.fixture
def cases(case_factory):
    """Twenty-four cases in twelve countries (so the country list needs "Show all"), one of
    them towards SDG 7."""
    made = []
    for number in range(24):
        made.append(
            case_factory(
                title=f"{'Solar kiosks' if number == 0 else 'Cycle lanes'} in city {number}",
                country=COUNTRIES[number % 12],
                sdgs=[7] if number == 0 else [11, 13],
                start_year=2000 + number,
                topics=["energy"] if number == 0 else ["mobility"],
            )
        )
    return made


def _query(page):
    return parse_qs(urlsplit(page.url).query)


def _phone(chromium, live_server, javascript=True):
    context = chromium.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=javascript
    )
    return context, context.new_page()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_on_a_phone_the_first_result_is_on_the_first_screen(
    chromium, live_server, cases, screenshot, javascript
):
    context, page = _phone(chromium, live_server, javascript)
    try:
        page.goto("/cases/")
        panel = page.locator("details.listing-filters")
        assert panel.get_attribute("open") is None
        assert not page.get_by_label("Affordable and Clean Energy").is_visible()
        summary = panel.locator("> summary").bounding_box()
        first = page.locator(".search-result").first.bounding_box()
        # After the collapsed filters, and within the first 740 px: no scrolling needed.
        assert summary["y"] + summary["height"] <= first["y"]
        assert first["y"] + 40 <= PHONE["height"]
        if javascript:
            screenshot(page, "case-index-first-screen-phone", full_page=False)
        # Opening the filters shows them, with the Apply button first.
        panel.locator("> summary").click()
        assert page.get_by_label("Affordable and Clean Energy").is_visible()
        button = page.get_by_role("button", name="Apply filters").bounding_box()
        first_facet = page.locator(".listing-filters fieldset").first.bounding_box()
        assert button["y"] < first_facet["y"]
    finally:
        context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_ticked_filter_applies_at_once_and_focus_stays_on_it(browser_page, cases):
    browser_page.goto("/cases/")
    # Wide screen: the filters are open beside the results.
    assert browser_page.locator("details.listing-filters").get_attribute("open") is not None
    count = browser_page.locator(".listing-results .result-count")
    assert count.inner_text() == "24 results"
    browser_page.get_by_label("Affordable and Clean Energy").check()
    browser_page.wait_for_url("**/cases/?sdg=7*")
    assert count.inner_text() == "1 result"
    assert "Solar kiosks in city 0" in browser_page.locator(".search-results").inner_text()
    focused = browser_page.evaluate("() => document.activeElement.outerHTML")
    assert 'name="sdg"' in focused and 'value="7"' in focused
    chips = browser_page.get_by_role("list", name="Applied filters")
    assert "SDG 7: Affordable and Clean Energy" in chips.inner_text()
    assert "(1 selected)" in browser_page.locator("details.listing-filters > summary").inner_text()
    # Empty fields stay out of the address.
    assert set(_query(browser_page)) == {"sdg", "order", "page_size"}
    chips.get_by_role("link", name="SDG 7").click()
    browser_page.wait_for_url("**/cases/?*")
    assert count.inner_text() == "24 results"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sort_page_size_and_year_range_apply_on_change(browser_page, cases):
    browser_page.goto("/cases/")
    titles = browser_page.locator(".search-result .card-title")
    browser_page.get_by_label("Sort").select_option("start_year")
    browser_page.wait_for_url("**order=start_year*")
    assert titles.first.inner_text() == "Solar kiosks in city 0"  # started in 2000
    browser_page.get_by_label("Per page").select_option("10")
    browser_page.wait_for_url("**page_size=10*")
    assert titles.count() == 10
    assert "Page 1 of 3" in browser_page.locator(".pagination").inner_text()
    browser_page.locator("#year-from").select_option("2020")
    browser_page.wait_for_url("**year_from=2020*")
    assert browser_page.locator(".listing-results .result-count").inner_text() == "4 results"
    # The order and page size survive: they are part of the same form.
    assert _query(browser_page)["order"] == ["start_year"]
    assert _query(browser_page)["page_size"] == ["10"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_a_phone_the_open_panel_stays_open_across_filters(chromium, live_server, cases):
    context, page = _phone(chromium, live_server)
    try:
        page.goto("/cases/")
        page.locator("details.listing-filters > summary").click()
        page.get_by_label("Affordable and Clean Energy").check()
        page.wait_for_url("**sdg=7*")
        assert page.locator("details.listing-filters").get_attribute("open") is not None
        assert page.get_by_label("Affordable and Clean Energy").is_checked()
        # Opened once: a later visit to the index starts collapsed again.
        page.goto("/cases/")
        assert page.locator("details.listing-filters").get_attribute("open") is None
    finally:
        context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_javascript_the_apply_button_at_the_top_and_show_all_work(
    chromium, live_server, cases
):
    context, page = _phone(chromium, live_server, javascript=False)
    try:
        page.goto("/cases/")
        page.locator("details.listing-filters > summary").click()
        countries = page.locator(".facet-country")
        hidden = countries.get_by_label("Tunisia")
        assert not hidden.is_visible()
        countries.locator("summary", has_text="Show all 12").click()
        hidden.check()
        page.get_by_label("Affordable and Clean Energy").check()  # nothing happens yet
        assert urlsplit(page.url).query == ""
        page.get_by_role("button", name="Apply filters").click()
        page.wait_for_url("**/cases/?*")
        assert _query(page)["country"] == ["TN"] and _query(page)["sdg"] == ["7"]
        assert page.locator(".listing-results .result-count").inner_text() == "0 results"
        # The sort control has its own button without JavaScript.
        page.get_by_role("link", name="Clear all filters").click()
        page.get_by_label("Sort").select_option("title")
        page.get_by_role("button", name="Update").click()
        page.wait_for_url("**order=title*")
        assert page.locator(".search-result .card-title").first.inner_text() == (
            "Cycle lanes in city 1"
        )
    finally:
        context.close()
