"""The public forms in Chromium, at 375 px and on a desktop, with and without JavaScript: actor
rows added and removed, the map that sets a location, input borders people can see, the
survey's layout, and axe on every step (form, thank-you page, status page)."""

import pytest

from submissions.models import Submission

FORM = "/submit-a-case/"
SURVEY = "/tell-us-how-you-share/"
UNREACHABLE_TILES = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"
SIZES = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}

CONTRAST = """el => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => {
    const [r, g, b] = rgb(c).map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m); return (x + 0.05) / (y + 0.05); };
  let around = el.parentElement;
  while (around && getComputedStyle(around).backgroundColor === "rgba(0, 0, 0, 0)") around = around.parentElement;
  const style = getComputedStyle(el);
  const page = around ? getComputedStyle(around).backgroundColor : "rgb(255, 255, 255)";
  return Math.min(ratio(style.borderTopColor, page), ratio(style.borderTopColor, style.backgroundColor));
}"""


def _fill_required(page):
    page.locator("[name=title]").fill("Shade trees <b>for</b> bus stops")
    page.locator("[name=summary]").fill("Trees planted beside every bus stop of two lines.")
    page.locator("textarea[name=description]").fill(
        "The city planted trees.\n\nResidents water them."
    )
    page.locator("[name=city]").fill("Seville")
    page.locator("[name=country]").select_option("ES")
    page.locator("input[name=sdgs][value='11']").check()
    page.locator("[name=submitter_name]").fill("Lucía Private")
    page.locator("[name=submitter_email]").fill("lucia@example.org")
    page.locator("input[name=consent_publish]").check()
    page.locator("input[name=consent_privacy]").check()


@pytest.fixture
def open_page(chromium, live_server, settings):
    settings.MAP_TILE_URL = UNREACHABLE_TILES
    contexts = []

    def open_(size, javascript=True):
        context = chromium.new_context(
            base_url=live_server.url, viewport=SIZES[size], java_script_enabled=javascript
        )
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_with_javascript_actors_are_added_in_place_and_the_map_sets_the_location(
    open_page, axe, screenshot, size
):
    page = open_page(size)
    page.goto(FORM)
    assert axe(page) == []
    # Rows: add two in place (no reload), remove the first.
    rows = page.locator("[data-actor-row]")
    assert rows.count() == 3
    page.get_by_role("button", name="Add more actors").click()
    page.get_by_role("button", name="Add more actors").click()
    assert rows.count() == 5
    assert page.locator("input[name='actors-4-organisation']").count() == 1
    page.locator("input[name='actors-0-organisation']").fill("Removed partner")
    page.locator("input[name='actors-0-organisation']").evaluate("el => el.dataset.marked = 1")
    page.locator("input[name='actors-4-organisation']").fill("EMVISESA")
    page.locator("select[name='actors-4-sector']").select_option("government")
    rows.first.get_by_role("button", name="Remove this actor").click()
    assert rows.count() == 4
    assert rows.first.locator("legend").inner_text() == "Actor 1"

    # The map: shown, and a click fills in latitude and longitude (still editable).
    picker = page.locator(".location-picker-map")
    picker.scroll_into_view_if_needed()
    assert picker.is_visible()
    box = picker.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.52, box["y"] + box["height"] * 0.45)
    latitude = float(page.locator("[name=latitude]").input_value())
    longitude = float(page.locator("[name=longitude]").input_value())
    assert -90 <= latitude <= 90 and -180 <= longitude <= 180
    page.locator("[name=latitude]").fill("37.38863")
    page.locator("[name=longitude]").fill("-5.98233")

    _fill_required(page)
    screenshot(page, f"submit-form-{size}")
    page.get_by_role("button", name="Send the case").click()
    page.wait_for_url("**/submit-a-case/thanks/")
    assert "Shade trees <b>for</b> bus stops" in page.locator("main").inner_text()
    assert axe(page) == []
    submission = Submission.objects.get()
    case = submission.page.specific
    assert [a.organisation for a in case.actors.all()] == ["EMVISESA"]
    assert (case.latitude, case.longitude) == (37.38863, -5.98233)

    # Reloading the thank-you page sends nothing again.
    page.reload()
    assert Submission.objects.count() == 1
    page.locator("a.status-link").click()
    assert "Shade trees <b>for</b> bus stops" in page.locator("main").inner_text()
    assert axe(page) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_without_javascript_rows_are_added_and_removed_by_posting_back(open_page, size):
    page = open_page(size, javascript=False)
    page.goto(FORM)
    assert page.locator(".location-picker").is_hidden()  # the map needs JavaScript
    _fill_required(page)
    page.locator("input[name='actors-0-organisation']").fill("Ayuntamiento de Sevilla")
    page.locator("select[name='actors-0-sector']").select_option("government")
    page.locator("input[name='actors-1-organisation']").fill("Dropped partner")
    page.locator("select[name='actors-1-sector']").select_option("ngo")
    page.get_by_role("button", name="Add more actors").click()
    page.wait_for_load_state()
    assert page.locator("[data-actor-row]").count() == 5
    # What was typed is kept across the post-back (except the file, which browsers clear).
    assert page.locator("[name=title]").input_value() == "Shade trees <b>for</b> bus stops"
    page.locator("input[name='actors-1-remove']").check()
    page.locator("input[name='actors-2-organisation']").fill("Vecinos del Barrio")
    page.locator("select[name='actors-2-sector']").select_option("civil_society")
    page.locator("[name=latitude]").fill("37.38863")
    page.locator("[name=longitude]").fill("-5.98233")
    page.get_by_role("button", name="Send the case").click()
    page.wait_for_url("**/submit-a-case/thanks/")
    case = Submission.objects.get().page.specific
    assert [a.organisation for a in case.actors.all()] == [
        "Ayuntamiento de Sevilla",
        "Vecinos del Barrio",
    ]
    assert case.latitude == 37.38863


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("url", [FORM, SURVEY])
def test_every_input_has_a_border_of_at_least_3_to_1(open_page, size, url):
    page = open_page(size)
    page.goto(url)
    fields = page.locator(
        "main input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([name=fax]),"
        " main select, main textarea"
    )
    assert fields.count() >= 4
    ratios = {field.get_attribute("name"): field.evaluate(CONTRAST) for field in fields.all()}
    assert {name: ratio for name, ratio in ratios.items() if ratio < 3} == {}
    widths = {field.evaluate("el => getComputedStyle(el).borderTopWidth") for field in fields.all()}
    assert widths == {"1px"}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_survey_reads_top_to_bottom_and_chooses_nothing_for_anyone(
    open_page, axe, screenshot, size
):
    page = open_page(size)
    page.goto(SURVEY)
    assert page.locator("select[name=sector]").input_value() == ""
    assert page.locator("main input:checked").count() == 0
    options = page.locator("#field-learning_levels label")
    boxes = [options.nth(i).bounding_box() for i in range(options.count())]
    assert len(boxes) == 3
    # One column: the same left edge, each option below the one before.
    assert len({round(b["x"]) for b in boxes}) == 1
    assert all(a["y"] < b["y"] for a, b in zip(boxes, boxes[1:], strict=False))
    assert axe(page) == []
    screenshot(page, f"survey-{size}")

    page.get_by_role("button", name="Send my answers").click()
    page.wait_for_load_state()
    assert "This field is required." in page.locator("#field-sector").inner_text()
    assert axe(page) == []
