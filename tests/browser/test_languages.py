"""The site in French and Arabic in a real browser (Chromium): axe-core finds no serious or
critical problem; Arabic reads right to left at phone (375 px) and desktop widths without
overflowing; the map and the submission form still work there; screenshots of the home page
in Arabic and Chinese (test-artifacts/screenshots/, copied to docs/screenshots/)."""

from wagtail.models import Locale

import pytest

from cases.models import CasePage
from home.locale_trees import ensure_locale_trees
from tests.browser.test_accessibility import site_content  # noqa: F401 (a fixture)

WIDTHS = [375, 1280]


@pytest.fixture
def translated(site_content):  # noqa: F811
    ensure_locale_trees()
    case = site_content["case"]
    for code, title in [
        ("fr", "Plan canicule à Ahmedabad"),
        ("ar", "خطة مواجهة الحر في أحمد آباد"),
    ]:
        translation = case.copy_for_translation(Locale.objects.get(language_code=code))
        translation.title = translation.draft_title = title
        translation.save_revision().publish()
    return site_content


def _pages(code, case):
    return [
        ("home", f"/{code}/"),
        ("case-index", f"/{code}/cases/?sdg=13"),
        ("case", f"/{code}/cases/{case.slug}/"),
        ("science", f"/{code}/science/"),
        ("about", f"/{code}/about/"),
        ("search", f"/{code}/search/?q=heat"),
        ("map", f"/{code}/map/"),
        ("submit-a-case", f"/{code}/submit-a-case/"),
        ("survey", f"/{code}/tell-us-how-you-share/"),
    ]


def _settle(page, name):
    if name == "map":
        # The status line counts the cases once the map has loaded them (in any language).
        page.wait_for_function(
            "/[0-9]/.test(document.querySelector('#map-status')?.textContent || '')"
        )
    page.wait_for_load_state("networkidle")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("code", ["fr", "ar"])
def test_french_and_arabic_pass_axe_at_phone_and_desktop_widths(
    chromium, live_server, translated, axe, screenshot, code
):
    problems, overflowing = {}, {}
    for width in WIDTHS:
        context = chromium.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 800}
        )
        page = context.new_page()
        try:
            for name, url in _pages(code, translated["case"]):
                response = page.goto(url)
                assert response.status == 200, url
                _settle(page, name)
                assert page.evaluate("document.documentElement.lang") == code
                direction = page.evaluate("getComputedStyle(document.body).direction")
                assert direction == ("rtl" if code == "ar" else "ltr"), url
                scroll = page.evaluate("document.documentElement.scrollWidth")
                if scroll > width:
                    overflowing[(width, name)] = scroll
                violations = axe(page)
                if violations:
                    problems[(width, name)] = violations
                screenshot(page, f"{name}-{code}-{width}")
        finally:
            context.close()
    assert overflowing == {}
    assert problems == {}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_map_works_right_to_left(browser_page, translated):
    page = browser_page
    page.goto("/ar/map/")
    _settle(page, "map")
    # Leaflet keeps its left-to-right geometry inside the right-to-left page.
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.leaflet-container')).direction")
        == "ltr"
    )
    markers = page.locator(".leaflet-marker-icon, .marker-cluster")
    assert markers.count() > 0
    # A marker opens its popup, written right to left.
    page.locator(".leaflet-marker-icon:not(.marker-cluster)").first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.evaluate("node => getComputedStyle(node).direction") == "rtl"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_form_works_right_to_left_and_files_the_case_in_arabic(browser_page, translated):
    page = browser_page
    page.goto("/ar/submit-a-case/")
    assert page.locator("select[name=language]").input_value() == "ar"
    page.locator("[name=title]").fill("حدائق السطوح في القاهرة")
    page.locator("[name=summary]").fill("زراعة الخضروات على أسطح المباني.")
    page.locator("textarea[name=description]").fill("يزرع السكان الخضروات معاً.")
    page.locator("[name=city]").fill("القاهرة")
    page.locator("[name=country]").select_option("EG")
    page.locator("input[name=sdgs][value='2']").check()
    page.locator("input[name=sdgs][value='11']").check()
    page.locator("[name=submitter_name]").fill("Salma Private")
    page.locator("[name=submitter_email]").fill("salma@example.org")
    page.locator("input[name=consent_publish]").check()
    page.locator("input[name=consent_privacy]").check()
    page.locator("form.submission-form button[type=submit], form button[type=submit]").last.click()
    page.wait_for_selector(".thank-you")
    case = CasePage.objects.get(title="حدائق السطوح في القاهرة")
    assert case.locale.language_code == "ar" and not case.live
    assert case.workflow_in_progress


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("code", ["ar", "zh-hans"])
def test_home_page_screenshots(chromium, live_server, translated, screenshot, code):
    """The home page in Arabic and Chinese at desktop width (docs/screenshots/ keeps copies)."""
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    try:
        assert page.goto(f"/{code}/").status == 200
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.dir") == ("rtl" if code == "ar" else "ltr")
        screenshot(page, f"home-{code}")
    finally:
        context.close()
