"""`POST /api/v2/submissions/cases/` as an external tool uses it: anonymous HTTP, real database,
real Wagtail workflow, real upload validation."""

import os

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.models import WorkflowState

import pytest

from cases.models import CasePage
from submissions.models import Submission, SubmissionStatus

from .conftest import CASES_API, case_payload, image_bytes, row_counts


@pytest.mark.django_db
def test_an_anonymous_submission_becomes_a_draft_under_case_review(
    client, submit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit()

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "received"
    assert body["status_url"] == f"http://testserver/submissions/status/{body['token']}/"
    assert len(body["token"]) >= 40
    assert "ada" not in response.content.decode().lower()

    submission = Submission.objects.get()
    assert submission.status == SubmissionStatus.RECEIVED
    assert [entry.status for entry in submission.log.all()] == ["received"]
    page = submission.page.specific
    assert not page.live
    assert page.get_parent().specific_class.__name__ == "CaseIndexPage"
    assert page.title == "Rooftop gardens on social housing"
    assert page.country == "NL" and page.region == "150"
    assert sorted(page.sdgs.values_list("number", flat=True)) == [2, 11]
    assert [(a.organisation, a.sector) for a in page.actors.all()] == [
        ("Woonstad Rotterdam", "private"),
        ("Tenants' association", "civil_society"),
    ]
    assert page.links[0].value["url"] == "https://example.org/roofs"
    assert page.latest_revision is not None

    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Case review"
    assert state.current_task_state.task.name == "Moderators review"

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ada.private@example.org"]
    assert body["status_url"] in mail.outbox[0].body


@pytest.mark.django_db
def test_the_draft_is_invisible_on_the_site_the_api_and_search(client, submitted):
    page = submitted.page
    assert client.get(page.url_path.replace("/home", "", 1)).status_code == 404
    listing = client.get("/api/v2/pages/?type=cases.CasePage&fields=*").json()
    assert listing["meta"]["total_count"] == 0
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    search = client.get("/api/v2/pages/?search=Rooftop").json()
    assert search["items"] == []
    assert not CasePage.objects.live().public().search("Rooftop gardens")
    assert "Rooftop" not in client.get("/cases/").content.decode()


@pytest.mark.django_db
def test_html_in_text_fields_is_stored_as_text(submit):
    response = submit(
        title="<b>Bold</b> move",
        description="<script>alert('x')</script>\n\nSecond <i>para</i>",
        summary="<img src=x onerror=alert(1)>",
    )
    assert response.status_code == 201, response.content
    page = Submission.objects.get().page.specific
    assert page.title == "<b>Bold</b> move"
    assert page.summary == "<img src=x onerror=alert(1)>"
    html = str(page.body[0].value)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "Second &lt;i&gt;para&lt;/i&gt;" in html


@pytest.mark.django_db
def test_a_multipart_submission_with_a_real_image(client):
    data = case_payload(image=SimpleUploadedFile("roof.webp", image_bytes("WEBP")))
    data["actors"] = '[{"organisation": "Woonstad", "sector": "private"}]'
    response = client.post(CASES_API, data)
    assert response.status_code == 201, response.content
    page = Submission.objects.get().page.specific
    assert page.main_image.collection.name == "Submitted images"
    assert page.main_image.width == 40
    assert page.main_image.title == page.title
    assert [a.organisation for a in page.actors.all()] == ["Woonstad"]


BAD_INPUT = [
    ("title", {"title": ""}),
    ("title", {"title": "x" * 256}),
    ("summary", {"summary": "x" * 301}),
    ("description", {"description": "   "}),
    ("city", {"city": None}),
    ("country", {"country": "XX"}),
    ("country", {"country": "Netherlands"}),
    ("latitude", {"latitude": 91}),
    ("longitude", {"longitude": -181}),
    ("longitude", {"longitude": None}),
    ("latitude", {"latitude": "north"}),
    ("sdgs", {"sdgs": []}),
    ("sdgs", {"sdgs": [18]}),
    ("sdgs", {"sdgs": ["zero"]}),
    ("topics", {"topics": ["no such topic"]}),
    ("actors", {"actors": [{"organisation": "", "sector": "ngo"}]}),
    ("actors", {"actors": [{"organisation": "X", "sector": "aliens"}]}),
    ("actors", {"actors": "not a list"}),
    ("start_year", {"start_year": 1800}),
    ("status", {"status": "finished-ish"}),
    ("website", {"website": "not a url"}),
    ("submitter_name", {"submitter_name": ""}),
    ("submitter_email", {"submitter_email": "not-an-email"}),
    ("submitter_email", {"submitter_email": "a@" + "b" * 300 + ".org"}),
    ("submitter_organisation", {"submitter_organisation": "x" * 201}),
    ("consent_publish", {"consent_publish": False}),
    ("consent_privacy", {"consent_privacy": False}),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "overrides"), BAD_INPUT, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD_INPUT)]
)
def test_bad_input_gets_400_naming_the_field_and_creates_nothing(submit, field, overrides):
    before = row_counts()
    response = submit(**overrides)
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert field in errors
    assert all(isinstance(m, str) and m for m in errors[field])
    assert row_counts() == before


@pytest.mark.django_db
def test_a_missing_field_is_named(client):
    before = row_counts()
    payload = case_payload()
    del payload["summary"], payload["sdgs"], payload["consent_privacy"]
    response = client.post(CASES_API, payload, content_type="application/json")
    assert response.status_code == 400
    assert {"summary", "sdgs", "consent_privacy"} <= set(response.json()["errors"])
    assert response.json()["errors"]["sdgs"] == [
        "Choose at least one Sustainable Development Goal."
    ]
    assert row_counts() == before


@pytest.mark.django_db
def test_a_body_that_is_not_an_object_gets_400(client):
    response = client.post(CASES_API, "[1, 2]", content_type="application/json")
    assert response.status_code == 400
    assert "errors" in response.json()
    for body in ("{not json", '{"title": Infinity}', '{"latitude": NaN}'):
        response = client.post(CASES_API, body, content_type="application/json")
        assert response.status_code == 400
        # Broken JSON: the input guard (core/middleware.py) answers before the view, in the
        # submissions' errors format; JSON's missing Infinity/NaN: the view itself.
        [message] = response.json()["errors"]["non_field_errors"]
        assert "not valid JSON" in message


def _big_png(path):
    # Random pixels do not compress: about 10.8 MB of real PNG.
    from PIL import Image as PILImage

    PILImage.frombytes("RGB", (1900, 1900), os.urandom(1900 * 1900 * 3)).save(path, "PNG")
    return path


BAD_IMAGES = [
    ("text.png", lambda tmp: b"this is not an image at all"),
    ("photo.jpg", lambda tmp: image_bytes("PNG")),  # a PNG calling itself JPEG
    ("anim.gif", lambda tmp: image_bytes("GIF")),
    ("scan.bmp", lambda tmp: image_bytes("BMP")),
    ("huge.png", lambda tmp: _big_png(tmp / "huge.png").read_bytes()),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content"), BAD_IMAGES, ids=[n for n, _ in BAD_IMAGES])
def test_an_image_that_is_not_a_jpeg_png_or_webp_under_10_mb_gets_400(
    client, tmp_path, name, content
):
    data = content(tmp_path)
    if name == "huge.png":
        assert len(data) > 10 * 1024 * 1024
    before = row_counts()
    payload = case_payload(image=SimpleUploadedFile(name, data))
    del payload["actors"]
    response = client.post(CASES_API, payload)
    assert response.status_code == 400, response.content
    assert list(response.json()["errors"]) == ["image"]
    assert row_counts() == before
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_a_filled_honeypot_gets_the_normal_answer_but_creates_nothing(submit):
    before = row_counts()
    response = submit(fax="+31 10 123 4567")
    assert response.status_code == 201
    assert response.json()["status"] == "received"
    assert row_counts() == before
    assert len(mail.outbox) == 0


@pytest.mark.django_db
@pytest.mark.parametrize("fax", ["+31 10 123 4567", ["x"], {"$gt": ""}, 7])
def test_a_filled_honeypot_of_any_json_type_looks_accepted(submit, fax):
    before = row_counts()
    response = submit(fax=fax, title=["not", "text"])
    assert response.status_code == 201
    assert row_counts() == before


@pytest.mark.django_db
def test_more_than_five_submissions_an_hour_from_one_client_get_429(submit, client):
    for n in range(5):
        assert submit(title=f"Case {n}").status_code == 201
    before = row_counts()
    response = submit(title="Case 6")
    assert response.status_code == 429
    assert row_counts() == before
    assert Submission.objects.count() == 5
    # Another client (another address) is not affected.
    other = client.post(
        CASES_API,
        case_payload(title="From elsewhere"),
        content_type="application/json",
        REMOTE_ADDR="192.0.2.7",
    )
    assert other.status_code == 201


@pytest.mark.django_db
def test_a_forged_forwarded_for_header_does_not_lift_the_limit(client):
    def post(n, forwarded):
        return client.post(
            CASES_API,
            case_payload(title=f"Case {n}"),
            content_type="application/json",
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    for n in range(5):
        assert post(n, f"198.51.100.{n}").status_code == 201
    assert post(6, "198.51.100.99").status_code == 429
    assert Submission.objects.count() == 5


@pytest.mark.django_db
def test_topics_are_taken_from_the_curated_list(submit):
    from taxonomy.models import Topic

    topic = Topic.objects.order_by("name").first()
    response = submit(topics=[topic.name])
    assert response.status_code == 201, response.content
    assert list(Submission.objects.get().page.specific.topics.all()) == [topic]
