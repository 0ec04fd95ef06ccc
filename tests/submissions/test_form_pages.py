"""The HTML forms people fill in: the case form at /submit-a-case/ and the survey. Without
JavaScript: everything here is plain form posts, as a browser without scripts sends them."""

import re

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from submissions.models import Submission, SubmissionStatus, SurveyResponse

from .conftest import CASES_API, SURVEY_API, case_payload, image_bytes, row_counts

FORM = "/submit-a-case/"
THANKS = "/submit-a-case/thanks/"
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
def test_the_form_asks_for_every_public_case_field(client):
    response = client.get(FORM)
    html = response.content.decode()
    assert response.status_code == 200
    for name in (
        "title",
        "summary",
        "description",
        "city",
        "country",
        "latitude",
        "longitude",
        "sdgs",
        "topics",
        "scale",
        "status",
        "start_year",
        "end_year",
        "target_groups",
        "lessons_learned",
        "barriers",
        "facilitating_conditions",
        "image",
        "image_description",
        "image_credit",
        "image_licence",
        "submitter_email",
    ):
        assert f'name="{name}"' in html, name
    assert html.count('name="websites"') == 3
    for i in range(3):
        assert f'name="actors-{i}-organisation"' in html
        assert f'name="actors-{i}-remove"' in html
    assert 'name="add_actor_rows"' in html
    assert 'id="location-picker"' in html and "js/submission-form.js" in html
    assert "Fields marked * are required." in html
    assert 'name="fax"' in html and 'aria-hidden="true"' in html
    # Scripts and styles come from files (a strict Content-Security-Policy holds).
    assert "<style" not in html and " style=" not in html and " onclick=" not in html
    assert re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", html) == []


@pytest.mark.django_db
def test_an_accepted_case_leads_to_a_thank_you_page_that_reloading_never_resends(
    client, django_capture_on_commit_callbacks
):
    data = form_data(
        title="Rooftop <b>gardens</b>",
        image=SimpleUploadedFile("roof.jpg", image_bytes("JPEG")),
        image_description="Vegetable beds on a flat roof",
        image_credit="Photo: Woonstad",
        image_licence="cc-by-4.0",
        websites=["https://example.org/roofs", "roofs.example.net", ""],
        scale="neighbourhood",
        end_year="2023",
        target_groups="Tenants of social housing",
        facilitating_conditions="A housing company that owns the roofs.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM, data)
    assert response.status_code == 302
    assert response["Location"] == THANKS
    submission = Submission.objects.get()
    for _ in range(2):  # reloading shows the same page and sends nothing
        thanks = client.get(THANKS)
        html = thanks.content.decode()
        assert thanks.status_code == 200
        assert f"/submissions/status/{submission.token}/" in html
        assert "Rooftop &lt;b&gt;gardens&lt;/b&gt;" in html
        assert thanks["Cache-Control"] == "private, no-store"
    assert Submission.objects.count() == 1
    assert submission.status == SubmissionStatus.RECEIVED
    # The status link is the sender's: another visitor's thank-you page has none.
    from django.test import Client

    other = Client().get(THANKS).content.decode()
    assert submission.token not in other and "Rooftop" not in other

    page = submission.page.specific
    assert not page.live
    assert (page.scale, page.end_year, page.start_year) == ("neighbourhood", 2023, 2019)
    assert page.target_groups == "Tenants of social housing"
    assert page.facilitating_conditions == "A housing company that owns the roofs."
    assert [link.value["url"] for link in page.links] == [
        "https://example.org/roofs",
        "https://roofs.example.net",
    ]
    assert [a.organisation for a in page.actors.all()] == [
        "Woonstad Rotterdam",
        "Tenants' association",
    ]
    assert (page.image_credit, page.image_licence) == ("Photo: Woonstad", "cc-by-4.0")
    assert page.main_image.description == "Vegetable beds on a flat roof"
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
            start_year=2020,
            end_year=2010,
        ),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert row_counts() == before
    assert "Enter a valid email address." in html
    assert "Ensure this value is less than or equal to 90." in html
    assert "Agree to the privacy notice to send a case." in html
    assert "The end year cannot be before the start year." in html
    # What was typed stays, escaped.
    assert 'value="&lt;b&gt;My title&lt;/b&gt;"' in html
    assert 'value="not-an-email"' in html
    assert "Woonstad Rotterdam" in html


@pytest.mark.django_db
def test_the_form_honeypot_thanks_the_bot_and_creates_nothing(client):
    before = row_counts()
    response = client.post(FORM, form_data(fax="555-1234"))
    assert response.status_code == 302 and response["Location"] == THANKS
    html = client.get(THANKS).content.decode()
    assert "Thank you" in html and "/submissions/status/" not in html
    assert row_counts() == before


@pytest.mark.django_db
def test_actor_rows_are_added_and_removed_without_javascript(client):
    data = form_data()
    data["add_actor_rows"] = "1"
    response = client.post(FORM, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert not Submission.objects.exists()
    # The two filled rows, kept, and three more to fill; no error shown for a form in progress.
    assert 'value="Woonstad Rotterdam"' in html and 'value="Tenants&#x27; association"' in html
    assert 'name="actors-4-organisation"' in html and 'name="actors-5-organisation"' not in html
    assert "error-message" not in html

    data = form_data()
    data["actors-2-organisation"] = "Rotterdam City Council"
    data["actors-2-sector"] = "government"
    data["actors-0-remove"] = "1"
    assert client.post(FORM, data).status_code == 302
    page = Submission.objects.get().page.specific
    assert [a.organisation for a in page.actors.all()] == [
        "Tenants' association",
        "Rotterdam City Council",
    ]


@pytest.mark.django_db
def test_the_form_and_the_api_share_the_limit_and_a_refused_form_keeps_what_was_typed(client):
    for n in range(3):
        assert client.post(FORM, form_data(title=f"Form case {n}")).status_code == 302
    for n in range(2):
        response = client.post(
            CASES_API, case_payload(title=f"API case {n}"), content_type="application/json"
        )
        assert response.status_code == 201
    refused = client.post(FORM, form_data(title="One too many", city="Den Haag"))
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "please send it again later" in html
    assert 'value="One too many"' in html and 'value="Den Haag"' in html
    assert '<form method="post"' in html
    assert (
        client.post(CASES_API, case_payload(), content_type="application/json").status_code == 429
    )
    assert Submission.objects.count() == 5


@pytest.mark.django_db
def test_forms_sent_back_with_mistakes_do_not_count_towards_the_limit(client):
    for _ in range(4):
        assert client.post(FORM, form_data(title="")).status_code == 400
        bad = client.post(CASES_API, case_payload(sdgs=[]), content_type="application/json")
        assert bad.status_code == 400
    for n in range(5):
        assert client.post(FORM, form_data(title=f"Case {n}")).status_code == 302
    assert client.post(FORM, form_data(title="Sixth")).status_code == 429
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
        ("sector", {"sector": ["government"]}),
        ("learning_channels", {"learning_channels": []}),
        ("learning_channels", {"learning_channels": ["telepathy"]}),
        ("learning_channels", {"learning_channels": "networks"}),
        ("country", {"country": "ZZ"}),
        ("learning_levels", {"learning_levels": ["galaxy"]}),
        ("what_learned", {"what_learned": "x" * 5001}),
        ("what_learned", {"what_learned": {"$gt": ""}}),
        ("consent_research", {"consent_research": False}),
        ("consent_research", {"consent_research": "yes"}),
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
def test_the_survey_preselects_nothing_and_marks_what_is_required(client):
    html = client.get(SURVEY).content.decode()
    sector = re.search(r'<select name="sector"[^>]*>(.*?)</select>', html, re.S)
    assert sector and " required" in sector.group(0)
    options = re.findall(r"<option[^>]*>", sector.group(1))
    assert options[0] == '<option value="" selected>'
    assert all("selected" not in option for option in options[1:])
    assert " checked" not in html
    for question in ("Where do you work?", "How do you learn from other cities?"):
        assert re.search(re.escape(question) + r'\s*<span class="required-mark"', html), question
    assert re.search(r"Where does what you learn end up\?\s*</legend>", html)  # optional
    assert "Questions marked * are required." in html

    missing = client.post(SURVEY, {"learning_channels": ["networks"], "consent_research": "on"})
    assert missing.status_code == 400
    field = re.search(r'id="field-sector".*?</div>', missing.content.decode(), re.S).group(0)
    assert "This field is required." in field
    assert SurveyResponse.objects.count() == 0


@pytest.mark.django_db
def test_the_survey_page_form(client):
    data = survey_payload(consent_research="on")
    response = client.post(SURVEY, data)
    assert response.status_code == 302 and response["Location"] == "/tell-us-how-you-share/thanks/"
    assert (
        "Thank you for sharing how you learn." in client.get(response["Location"]).content.decode()
    )
    assert SurveyResponse.objects.count() == 1
    bad = client.post(SURVEY, survey_payload(learning_channels=[], consent_research="on"))
    assert bad.status_code == 400
    assert "This field is required." in bad.content.decode()
    assert SurveyResponse.objects.count() == 1
