"""The production Content-Security-Policy in a real browser: every page of the site, the map
and the API docs (Swagger UI) work with scripts from this site only, and an inline script is
refused; Wagtail's admin, whose widgets start from inline scripts, works under its exception."""

from urllib.parse import urlsplit

from django.core.cache import cache

from wagtail.models import Site

import pytest

from closercities.settings.csp import site_policy
from tests.images import make_image

UNREACHABLE_TILES = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"
# Records every violation of the policy the page reports, from the first script on.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.effectiveDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture
def production_policy(settings, live_server):
    settings.MAP_TILE_URL = UNREACHABLE_TILES
    settings.CONTENT_SECURITY_POLICY = site_policy(UNREACHABLE_TILES)
    address = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)
    cache.clear()
    return settings.CONTENT_SECURITY_POLICY


@pytest.fixture
def page(chromium, live_server, production_policy):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    context.add_init_script(WATCH)
    page = context.new_page()
    yield page
    context.close()


def _violations(page):
    return page.evaluate("() => window.__violations")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_site_works_under_the_policy_and_refuses_inline_scripts(page, case_factory):
    case = case_factory(
        title="Heat plan in Ahmedabad",
        city="Ahmedabad",
        country="IN",
        latitude=23.02,
        longitude=72.58,
        sdgs=[13],
        main_image=make_image(alt="A shaded bus stop"),
    )
    case_factory(title="Solar kiosks", sdgs=[7], latitude=5.6, longitude=-0.19)
    response = page.goto("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert _violations(page) == []

    # The case index's script applies a ticked filter.
    page.goto("/cases/")
    page.get_by_label("Affordable and Clean Energy").check()
    page.wait_for_url("**sdg=7*")
    assert page.locator(".listing-results .result-count").inner_text() == "1 result"
    assert _violations(page) == []

    # A case page's small map and picture.
    page.goto(case.url)
    page.locator("#case-map .leaflet-interactive").wait_for()
    assert _violations(page) == []

    # The map: markers, and a popup whose summary is fetched from the API.
    page.goto("/map/")
    page.locator("#map-status", has_text="2 cases on the map").wait_for()
    page.locator('.case-marker[title="Heat plan in Ahmedabad"]').click()
    page.locator(".popup-summary", has_text="solar panels").wait_for()
    # The unreachable tile server is allowed, only unreachable: no violation, a notice.
    page.locator("#map-tiles-status").wait_for()
    assert _violations(page) == []

    # An inline script is refused.
    page.evaluate(
        """() => { const s = document.createElement("script");
        s.textContent = "window.inlineRan = true"; document.body.appendChild(s); }"""
    )
    page.wait_for_function("() => window.__violations.length > 0")
    assert page.evaluate("() => window.inlineRan") is None
    assert _violations(page) == ["script-src-elem inline"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_api_docs_work_under_the_policy(page, settings, live_server):
    # "Try it out" calls the server the description names; here, the live server.
    settings.WAGTAILAPI_BASE_URL = live_server.url
    page.goto("/api/v2/docs/")
    operation = page.locator(".opblock-summary-control", has_text="/api/v2/search/").first
    operation.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    page.locator(".live-responses-table .response-col_status", has_text="200").first.wait_for()
    assert _violations(page) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_admin_works_under_the_policy(page, case_factory, django_user_model):
    django_user_model.objects.create_superuser("moderator", "m@example.org", "a-long-password-1")
    case = case_factory(title="Cycle lanes in Utrecht")
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("moderator")
    page.get_by_label("Password").fill("a-long-password-1")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    page.goto(f"/admin/pages/{case.pk}/edit/")
    page.locator("#id_title").fill("Protected cycle lanes in Utrecht")
    # Widgets Wagtail starts from inline scripts (allowed under /admin/ only): the actors'
    # inline panel adds a row, the image chooser opens its dialog.
    actors = page.locator("#id_actors-FORMS > [data-inline-panel-child]")
    before = actors.count()
    page.get_by_role("button", name="Add actor").first.click()
    assert actors.count() == before + 1
    page.locator("#id_actors-0-organisation").fill("Utrecht city council")
    page.locator("#id_actors-0-sector").select_option("government")
    page.get_by_role("button", name="Choose an image").click()
    dialog = page.locator(".modal[role='dialog']").filter(has_text="Choose an image")
    dialog.wait_for()
    dialog.locator("button.close, [data-dismiss='modal']").first.click()
    dialog.wait_for(state="hidden")
    # Publishing sits in the footer's dropdown, a script of the admin (Stimulus).
    page.locator(
        "footer [data-w-dropdown-target='toggle'], footer .w-dropdown__toggle"
    ).first.click()
    page.get_by_role("button", name="Publish").click()
    page.locator(".messages", has_text="published").wait_for()
    violations = []
    for url in ("/admin/pages/", "/admin/images/", "/admin/snippets/", "/admin/reports/"):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        violations += [f"{url}: {line}" for line in _violations(page) if line.startswith("script")]
    # Editors see Wagtail's user bar on the site's pages; it opens under the policy too.
    page.goto(case.url)
    page.locator("wagtail-userbar").wait_for(state="attached")
    page.locator("wagtail-userbar").get_by_role("button").first.click()
    page.locator("wagtail-userbar").get_by_role("menuitem").first.wait_for()
    violations += [f"{case.url}: {v}" for v in _violations(page) if v.startswith("script")]
    assert violations == []
    case.refresh_from_db()
    assert case.title == "Protected cycle lanes in Utrecht" and case.live
    assert [actor.organisation for actor in case.actors.all()] == ["Utrecht city council"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_insight_charts_are_drawn_under_the_policy(page, case_factory):
    for sdgs in ([13], [7], [13, 11]):
        case_factory(sdgs=sdgs)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/insights/")
    page.wait_for_function(
        "document.querySelectorAll('.chart-ready, .chart-failed').length"
        " === document.querySelectorAll('.chart').length"
    )
    assert page.locator(".chart-failed").count() == 0
    assert page.locator(".chart svg").count() == page.locator(".chart").count() > 0
    assert errors == []
    assert _violations(page) == []
