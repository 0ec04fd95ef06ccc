""" "Benchmark your project" in Chromium at 375 px and on a desktop: the form without
JavaScript (mistakes beside the fields, what was typed kept), the result page with its tables
and bars (axe clean, nothing wider than a phone, printable), and "submit this project as a
case" opening the case form filled in."""

import pytest

from .test_submission_forms import open_page  # noqa: F401

PAGE = "/benchmark/"


@pytest.fixture
def peers(case_factory):
    for n in range(4):
        case_factory(
            title=f"Shade trees on bus routes {n}",
            sdgs=(11, 13),
            country="ES",
            scale="city",
            status="running",
            start_year=2015 + n,
            lessons_learned=f"Water the young trees weekly ({n}).",
            barriers="Pipes under the pavement.",
            evidence="monitored",
            actors=[{"organisation": f"City {n}", "sector": "government", "role": ""}],
        )


def _describe(page):
    page.locator("[name=title]").fill("Shade <b>trees</b> for bus stops")
    page.locator("textarea[name=description]").fill("Trees beside every bus stop of two lines.")
    page.locator("[name=city]").fill("Seville")
    page.locator("[name=country]").select_option("ES")
    page.locator("[name=status]").select_option("pilot")
    page.locator("input[name=actors][value=government]").check()
    page.locator("[name=evidence]").select_option("anecdotal")


def _fits(page):
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_without_javascript_the_form_corrects_mistakes_and_shows_the_result(
    open_page,  # noqa: F811
    peers,
    size,
    screenshot,
):
    page = open_page(size, javascript=False)
    page.goto(PAGE)
    _describe(page)
    page.get_by_role("button", name="Compare my project").click()
    page.wait_for_load_state()
    # No SDG chosen: the message beside the field, what was typed kept.
    assert page.locator("#field-sdgs .error-message").inner_text() == (
        "Choose at least one Sustainable Development Goal."
    )
    assert page.locator("[name=title]").input_value() == "Shade <b>trees</b> for bus stops"
    assert page.locator("[name=evidence]").input_value() == "anecdotal"
    page.locator("input[name=sdgs][value='11']").check()
    page.get_by_role("button", name="Compare my project").click()
    page.wait_for_url("**/benchmark/result/**")
    assert page.get_by_role("heading", name="Shade <b>trees</b> for bus stops").is_visible()
    assert page.get_by_role("link", name="Shade trees on bus routes 0").first.is_visible()
    assert page.get_by_role("table", name="Status").is_visible()
    assert "Water the young trees weekly (0)." in page.content()
    screenshot(page, f"benchmark-result-{size}-nojs")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_form_and_result_are_accessible_printable_and_lead_to_the_case_form(
    open_page,  # noqa: F811
    peers,
    axe,
    size,
):
    page = open_page(size)
    page.goto(PAGE)
    assert axe(page) == []
    assert _fits(page)
    _describe(page)
    page.locator("input[name=sdgs][value='11']").check()
    page.get_by_role("button", name="Compare my project").click()
    page.wait_for_url("**/benchmark/result/**")
    assert axe(page) == []
    assert _fits(page)
    yours = page.locator("table:has(caption:text('Status')) tr.benchmark-yours")
    assert yours.inner_text().startswith("Pilot")
    assert page.locator("meter").count() > 10
    # Printed: the tables stay, the submit link goes.
    page.emulate_media(media="print")
    assert page.get_by_role("table", name="Status").is_visible()
    assert page.get_by_role("link", name="Submit this project as a case").is_hidden()
    page.emulate_media(media="screen")
    page.get_by_role("link", name="Submit this project as a case").click()
    page.wait_for_url("**/submit-a-case/?benchmark=*")
    assert page.locator("[name=title]").input_value() == "Shade <b>trees</b> for bus stops"
    assert page.locator("[name=country]").input_value() == "ES"
    assert page.locator("input[name=sdgs][value='11']").is_checked()
    assert page.locator("[name=evidence]").input_value() == "anecdotal"
