import pytest


# The live server runs in another thread, so the test data must be committed; the
# serialized rollback puts back what migrations created (SDGs, the page tree) afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_visitor_opens_home_and_follows_a_case(browser_page, case_factory):
    case_factory(title="Heat action plan in Ahmedabad", city="Ahmedabad", country="IN", sdgs=[13])
    browser_page.goto("/")
    browser_page.get_by_role("link", name="Heat action plan in Ahmedabad").first.click()
    browser_page.wait_for_url("**/cases/heat-action-plan-in-ahmedabad/")
    assert (
        browser_page.get_by_role("heading", level=1).inner_text() == "Heat action plan in Ahmedabad"
    )
    assert "India" in browser_page.locator(".facts").inner_text()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_visitor_filters_the_case_index_by_an_sdg(browser_page, case_factory, screenshot):
    case_factory(title="Community solar in Accra", city="Accra", country="GH", sdgs=[7])
    case_factory(title="Cycle lanes in Utrecht", sdgs=[11, 13])
    case_factory(title="Bus corridor in Lima", city="Lima", country="PE", sdgs=[11])
    browser_page.goto("/cases/")
    count = browser_page.locator(".listing-results .result-count")
    assert count.inner_text() == "3 results"
    # With JavaScript, the ticked filter applies at once.
    browser_page.get_by_label("Affordable and Clean Energy").check()
    browser_page.wait_for_url("**/cases/?*sdg=7*")
    assert count.inner_text() == "1 result"
    results = browser_page.locator(".search-results")
    assert "Community solar in Accra" in results.inner_text()
    assert "Cycle lanes in Utrecht" not in results.inner_text()
    screenshot(browser_page, "case-index-filtered")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reading_needs_no_javascript(chromium, live_server, case_factory):
    case = case_factory(title="Heat action plan in Ahmedabad", city="Ahmedabad", country="IN")
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/cases/?sdg=1")
        assert page.locator(".listing-results .result-count").inner_text() == "1 result"
        page.get_by_role("link", name="Heat action plan in Ahmedabad").click()
        page.wait_for_url(f"**{case.url}")
        assert "Ahmedabad" in page.locator(".facts").inner_text()
        assert page.get_by_role("link", name="See Ahmedabad on the map of all cases").is_visible()
    finally:
        context.close()
