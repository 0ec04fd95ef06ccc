"""The HTML forms people fill in: the case form at /submit-a-case/ and the survey."""

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from submissions.models import Submission, SubmissionStatus, SurveyResponse

from .conftest import CASES_API, SURVEY_API, case_payload, image_bytes, row_counts

FORM = "/submit-a-case/"
SURVEY = "/tell-us-how-you-share/"


def form_data(**overrides):
    data = case_payload(**overrides)
    actors = data.pop("actors")
    for i, actor in enumerate(actors):
        for key, value in actor.items():
            data[f"actors-{i}-{key}"] = value
    data["consent_publish"] = "on" if data["consent_publish"] else ""
    data["consent_privacy"] = "on" if data["consent_privacy"] else ""
    for key in [k for k, v in data.items() if v is None]:
        del data[key]
    return data


@pytest.mark.django_db
def test_the_form_page_shows_the_fields_and_a_hidden_honeypot(client):
    response = client.get(FORM)
    html = response.content.decode()
    assert response.status_code == 200
    for name in ("title", "summary", "description", "city", "country", "sdgs", "submitter_email"):
        assert f'name="{name}"' in html
    assert 'name="actors-0-organisation"' in html
    assert 'name="fax"' in html and 'aria-hidden="true"' in html


@pytest.mark.django_db
def test_sending_the_form_creates_the_draft_and_shows_the_status_link(
    client, django_capture_on_commit_callbacks
):
    data = form_data(image=SimpleUploadedFile("roof.jpg", image_bytes("JPEG")))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM, data)
    assert response.status_code == 200
    submission = Submission.objects.get()
    html = response.content.decode()
    assert f"/submissions/status/{submission.token}/" in html
    assert submission.status == SubmissionStatus.RECEIVED
    page = submission.page.specific
    assert not page.live
    assert [a.organisation for a in page.actors.all()] == [
        "Woonstad Rotterdam",
        "Tenants' association",
    ]
    assert page.main_image is not None
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_bad_input_is_shown_beside_the_fields_keeping_what_was_typed(client):
    before = row_counts()
    response = client.post(
        FORM,
        form_data(
            submitter_email="not-an-email",
            latitude=95,
            title="<b>My title</b>",
            consent_privacy=False,
        ),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert row_counts() == before
    assert "Enter a valid email address." in html
    assert "Ensure this value is less than or equal to 90." in html
    assert "Agree to the privacy notice to send a case." in html
    # What was typed stays, escaped.
    assert 'value="&lt;b&gt;My title&lt;/b&gt;"' in html
    assert 'value="not-an-email"' in html
    assert "Woonstad Rotterdam" in html


@pytest.mark.django_db
def test_the_form_honeypot_thanks_the_bot_and_creates_nothing(client):
    before = row_counts()
    response = client.post(FORM, form_data(fax="555-1234"))
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    assert row_counts() == before


@pytest.mark.django_db
def test_the_form_and_the_api_share_the_rate_limit(client):
    for n in range(3):
        assert client.post(FORM, form_data(title=f"Form case {n}")).status_code == 200
    for n in range(2):
        response = client.post(
            CASES_API, case_payload(title=f"API case {n}"), content_type="application/json"
        )
        assert response.status_code == 201
    assert client.post(FORM, form_data(title="One too many")).status_code == 429
    assert (
        client.post(CASES_API, case_payload(), content_type="application/json").status_code == 429
    )
    assert Submission.objects.count() == 5


def survey_payload(**overrides):
    payload = {
        "sector": "government",
        "country": "KE",
        "learning_channels": ["peer_visits", "networks"],
        "what_learned": "How Medellín <b>runs</b> its cable cars.",
        "motivations": ["solve_problems"],
        "barriers": ["time", "language"],
        "learning_levels": ["individual", "network"],
        "comments": "",
        "consent_research": True,
    }
    payload.update(overrides)
    return payload


@pytest.mark.django_db
def test_the_survey_api_stores_an_anonymous_answer(client):
    response = client.post(SURVEY_API, survey_payload(), content_type="application/json")
    assert response.status_code == 201
    answer = SurveyResponse.objects.get()
    assert answer.learning_channels == ["peer_visits", "networks"]
    assert answer.learning_levels == ["individual", "network"]
    assert answer.what_learned == "How Medellín <b>runs</b> its cable cars."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "overrides"),
    [
        ("sector", {"sector": "astronaut"}),
        ("learning_channels", {"learning_channels": []}),
        ("learning_channels", {"learning_channels": ["telepathy"]}),
        ("country", {"country": "ZZ"}),
        ("learning_levels", {"learning_levels": ["galaxy"]}),
        ("what_learned", {"what_learned": "x" * 5001}),
        ("consent_research", {"consent_research": False}),
    ],
)
def test_bad_survey_answers_get_400_and_create_nothing(client, field, overrides):
    before = row_counts()
    response = client.post(SURVEY_API, survey_payload(**overrides), content_type="application/json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert row_counts() == before


@pytest.mark.django_db
def test_survey_honeypot_and_rate_limit(client):
    before = row_counts()
    response = client.post(SURVEY_API, survey_payload(fax="x"), content_type="application/json")
    assert response.status_code == 201
    assert row_counts() == before
    for _ in range(4):
        response = client.post(SURVEY_API, survey_payload(), content_type="application/json")
        assert response.status_code == 201
    assert (
        client.post(SURVEY_API, survey_payload(), content_type="application/json").status_code
        == 429
    )
    assert SurveyResponse.objects.count() == 4


@pytest.mark.django_db
def test_the_survey_page_form(client):
    response = client.get(SURVEY)
    assert response.status_code == 200
    assert 'name="learning_channels"' in response.content.decode()
    data = survey_payload(consent_research="on")
    assert client.post(SURVEY, data).status_code == 200
    assert SurveyResponse.objects.count() == 1
    bad = client.post(SURVEY, survey_payload(learning_channels=[], consent_research="on"))
    assert bad.status_code == 400
    assert "This field is required." in bad.content.decode()
    assert SurveyResponse.objects.count() == 1
