"""From the public form to a published case, in Chromium: a visitor sends a case, a moderator
logs in to the Wagtail admin and approves it, and the case is on the public site."""

from django.contrib.auth.models import Group

import pytest

from submissions.models import Submission, SubmissionStatus

TITLE = "Night buses for shift workers in Bogotá"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_visitor_submits_a_case_and_a_moderator_publishes_it(
    browser_page, screenshot, django_user_model
):
    page = browser_page
    moderator = django_user_model.objects.create_user("mod", "mod@example.org", "moderate-pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))

    # A visitor fills in the form.
    page.goto("/submit-a-case/")
    page.locator("[name=title]").fill(TITLE)
    page.locator("[name=summary]").fill("Buses every 20 minutes between midnight and 5 am.")
    page.locator("textarea[name=description]").fill("TransMilenio ran a pilot <b>with</b> unions.")
    page.locator("[name=city]").fill("Bogotá")
    page.locator("[name=country]").select_option("CO")
    page.locator("input[name=sdgs][value='11']").check()
    page.locator("input[name=sdgs][value='8']").check()
    page.locator("input[name='actors-0-organisation']").fill("TransMilenio")
    page.locator("select[name='actors-0-sector']").select_option("government")
    page.locator("[name=submitter_name]").fill("Camila Private")
    page.locator("[name=submitter_email]").fill("camila@example.org")
    page.locator("input[name=consent_publish]").check()
    page.locator("input[name=consent_privacy]").check()
    screenshot(page, "submission-form")
    page.get_by_role("button", name="Send the case").click()
    page.wait_for_selector(".thank-you")
    screenshot(page, "submission-thank-you")

    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.RECEIVED
    page.locator("a.status-link").click()
    assert "Received" in page.locator(".submission-status-value").inner_text()

    # Not on the public site yet.
    case_path = submission.page.specific.get_url()
    assert page.goto(case_path).status == 404

    # The moderator logs in and finds it awaiting review on the dashboard.
    page.goto("/admin/")
    page.get_by_label("Username").fill("mod")
    page.get_by_label("Password").fill("moderate-pw")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    assert page.get_by_text("Awaiting your review").first.is_visible()
    screenshot(page, "moderator-dashboard")
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_url(f"**/admin/pages/{submission.page_id}/edit/")

    # Approve from the editor's action menu.
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    page.wait_for_selector(".messages")
    screenshot(page, "moderator-approved")

    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    assert submission.log.last().user == moderator

    # Live on the public site, with the HTML shown as text.
    response = page.goto(case_path)
    assert response.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    assert "<b>with</b>" in page.locator("main").inner_text()
    assert "Camila" not in page.content()
    screenshot(page, "submission-published")
    page.goto("/cases/")
    assert TITLE in page.locator("main").inner_text()
