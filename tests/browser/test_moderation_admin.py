"""The submission inbox in Chromium at phone and desktop width: every status reads as one tag,
never broken inside a word, and a published case links to its live page."""

from django.contrib.auth.models import Group

import pytest

from submissions.models import Submission, SubmissionStatus
from tests.submissions.conftest import case_payload

STATUSES = [
    SubmissionStatus.RECEIVED,
    SubmissionStatus.CHANGES_REQUESTED,
    SubmissionStatus.APPROVED,
    SubmissionStatus.SCHEDULED,
]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("width", [375, 1280])
def test_inbox_statuses_never_wrap(chromium, live_server, django_user_model, screenshot, width):
    from django.test import Client

    moderator = django_user_model.objects.create_user("mod", "mod@example.org", "moderate-pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    for n, status in enumerate(STATUSES):
        response = Client().post(
            "/api/v2/submissions/cases/",
            case_payload(title=f"A fairly long case title number {n} about rooftop gardens"),
            content_type="application/json",
            REMOTE_ADDR=f"192.0.2.{n}",
        )
        assert response.status_code == 201
        Submission.objects.filter(token=response.json()["token"]).update(status=status)

    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    try:
        page.goto("/admin/login/")
        page.get_by_label("Username").fill("mod")
        page.get_by_label("Password").fill("moderate-pw")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/admin/")
        page.goto("/admin/submissions/submission/")
        tags = page.locator(".submission-status")
        assert tags.count() == len(STATUSES)
        # One line box per tag: the text never breaks, inside a word or between words.
        lines = tags.evaluate_all(
            """els => els.map(el => {
                const range = document.createRange();
                range.selectNodeContents(el);
                return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
            })"""
        )
        assert lines == [1] * len(STATUSES)
        texts = tags.all_inner_texts()
        assert "Approved and published" in texts and "Approved, to be published" in texts
        screenshot(page, f"submission-inbox-{width}")
    finally:
        context.close()
