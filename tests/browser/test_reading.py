import pytest


# The live server runs in another thread, so the test data must be committed; the
# serialized rollback puts back what migrations created (SDGs, the page tree) afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_visitor_opens_home_and_follows_a_case(browser_page, case_factory, screenshot):
    case_factory(title="Heat action plan in Ahmedabad", city="Ahmedabad", country="IN", sdgs=[13])
    browser_page.goto("/")
    screenshot(browser_page, "home")
    browser_page.get_by_role("link", name="Heat action plan in Ahmedabad").first.click()
    browser_page.wait_for_url("**/cases/heat-action-plan-in-ahmedabad/")
    assert (
        browser_page.get_by_role("heading", level=1).inner_text() == "Heat action plan in Ahmedabad"
    )
    assert "India" in browser_page.locator(".facts").inner_text()
    screenshot(browser_page, "case")
