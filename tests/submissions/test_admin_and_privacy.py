"""The submission inbox and survey responses in the admin (wagtail-modeladmin), CSV export, and
`purge_submitter_data`."""

import csv
import datetime
import io

from django.core.management import call_command
from django.utils import timezone

import pytest

from submissions.models import Submission, SubmissionStatus, SurveyResponse

INBOX = "/admin/submissions/submission/"
SURVEY = "/admin/submissions/surveyresponse/"


def _csv(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.mark.django_db
def test_moderators_find_submissions_by_status_and_submitter(client, moderator, submitted):
    client.force_login(moderator)
    html = client.get(INBOX).content.decode()
    assert "Rooftop gardens on social housing" in html
    assert f"/admin/pages/{submitted.page_id}/edit/" in html
    assert f"/admin/pages/{submitted.page_id}/workflow_history/" in html

    assert "Rooftop" in client.get(INBOX, {"q": "ada.private"}).content.decode()
    assert "Rooftop" not in client.get(INBOX, {"q": "nobody-like-this"}).content.decode()
    assert "Rooftop" in client.get(INBOX, {"status__exact": "received"}).content.decode()
    assert "Rooftop" not in client.get(INBOX, {"status__exact": "rejected"}).content.decode()


@pytest.mark.django_db
def test_the_inbox_exports_csv(client, moderator, submitted):
    client.force_login(moderator)
    response = client.get(INBOX, {"export": "csv"})
    assert response.status_code == 200
    rows = _csv(response)
    assert len(rows) == 1
    assert rows[0]["Title"] == "Rooftop gardens on social housing"
    assert rows[0]["Submitter Email"] == "ada.private@example.org"


@pytest.mark.django_db
def test_people_outside_the_editorial_groups_cannot_open_the_inbox(
    client, django_user_model, submitted
):
    outsider = django_user_model.objects.create_user("outsider", "o@example.org", "pw")
    client.force_login(outsider)
    response = client.get(INBOX)
    assert response.status_code in (302, 403)
    assert b"ada.private" not in response.content


@pytest.mark.django_db
def test_researchers_export_survey_responses(client, researcher):
    SurveyResponse.objects.create(
        sector="ngo", country="KE", learning_channels=["networks"], learning_levels=["network"]
    )
    client.force_login(researcher)
    assert client.get(SURVEY).status_code == 200
    rows = _csv(client.get(SURVEY, {"export": "csv"}))
    assert len(rows) == 1
    assert rows[0]["Sector"] == "ngo"
    assert "networks" in rows[0]["Learning Channels"]


@pytest.mark.django_db
def test_purge_anonymises_finished_submissions_older_than_the_limit(submit):
    for title in ("Old and rejected", "Old but still in review", "Recent and approved"):
        assert submit(title=title).status_code == 201
    old, in_review, recent = (
        Submission.objects.get(title=t)
        for t in (
            "Old and rejected",
            "Old but still in review",
            "Recent and approved",
        )
    )
    long_ago = timezone.now() - datetime.timedelta(days=800)
    Submission.objects.filter(pk=old.pk).update(
        status=SubmissionStatus.REJECTED, updated_at=long_ago
    )
    Submission.objects.filter(pk=in_review.pk).update(updated_at=long_ago)
    Submission.objects.filter(pk=recent.pk).update(status=SubmissionStatus.APPROVED)

    out = io.StringIO()
    call_command("purge_submitter_data", "--older-than", "730", stdout=out)
    assert "Anonymised 1 submission" in out.getvalue()

    old.refresh_from_db()
    assert old.submitter_email == "removed@invalid"
    assert old.submitter_name == "(removed)" and old.submitter_organisation == ""
    assert old.anonymised_at is not None
    for kept in (in_review, recent):
        kept.refresh_from_db()
        assert kept.submitter_email == "ada.private@example.org"
    assert not Submission.objects.filter(submitter_name="Ada Submitter-Private", pk=old.pk).exists()
