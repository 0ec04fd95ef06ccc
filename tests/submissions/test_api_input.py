"""What the submission API accepts: every field checks its JSON type (400 naming the field,
nothing stored), the case fields a case page shows, and images within a pixel limit."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from submissions.forms import CaseSubmissionForm
from submissions.models import Submission

from .conftest import CASES_API, SURVEY_API, case_payload, image_bytes, row_counts
from .test_form_pages import FORM, form_data

WRONG_TYPES = [
    ("title", ["a", "b"], "Send text (a JSON string)."),
    ("title", {"$gt": ""}, "Send text (a JSON string)."),
    ("summary", 42, "Send text (a JSON string)."),
    ("country", ["NL"], "Send text (a JSON string)."),
    ("latitude", "51.9", "Send a number."),
    ("latitude", True, "Send a number."),
    ("start_year", "2019", "Send a whole number."),
    ("start_year", 2019.5, "Send a whole number."),
    ("end_year", [2020], "Send a whole number."),
    ("sdgs", "11", "Send a list of whole numbers."),
    ("sdgs", ["11"], "Send a list of whole numbers."),
    ("sdgs", [11, True], "Send a list of whole numbers."),
    ("topics", "Mobility", "Send a list of texts."),
    ("websites", "https://example.org", "Send a list of texts."),
    ("websites", [{"url": "https://example.org"}], "Send a list of texts."),
    ("actors", {"organisation": "X"}, "Send a list of objects."),
    ("actors", ["Woonstad"], "Send a list of objects."),
    ("consent_publish", "true", "Send true or false."),
    ("consent_privacy", 1, "Send true or false."),
    ("image", "https://example.org/roof.png", "multipart/form-data"),
    ("submitter_email", {"$ne": None}, "Send text (a JSON string)."),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value", "message"),
    WRONG_TYPES,
    ids=[f"{f}-{i}" for i, (f, *_) in enumerate(WRONG_TYPES)],
)
def test_a_value_of_the_wrong_json_type_gets_400_naming_the_field(submit, field, value, message):
    before = row_counts()
    response = submit(**{field: value})
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert list(errors) == [field]
    assert message in errors[field][0]
    assert row_counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "actor",
    [
        {"organisation": {"name": "Woonstad"}, "sector": "private"},
        {"organisation": ["Woonstad"], "sector": "private"},
        {"organisation": "Woonstad", "sector": 3},
        {"organisation": "Woonstad", "sector": "private", "role": {"$gt": ""}},
    ],
)
def test_an_actor_part_of_the_wrong_type_is_named(submit, actor):
    before = row_counts()
    response = submit(actors=[actor])
    assert response.status_code == 400
    [message] = [m for m in response.json()["errors"]["actors"] if "must be text" in m]
    assert message.startswith("Actor 1: the ")
    assert row_counts() == before


@pytest.mark.django_db
def test_a_case_with_every_public_field_through_the_api(client):
    payload = case_payload(
        scale="city",
        end_year=2024,
        target_groups="Tenants",
        facilitating_conditions="Roofs owned by the housing company.",
        websites=["https://example.org/more", "example.net/roofs"],
    )
    response = client.post(CASES_API, payload, content_type="application/json")
    assert response.status_code == 201, response.content
    page = Submission.objects.get().page.specific
    assert (page.scale, page.end_year, page.target_groups) == ("city", 2024, "Tenants")
    assert page.facilitating_conditions == "Roofs owned by the housing company."
    # The single `website` of earlier clients comes first; duplicates are dropped.
    assert [link.value["url"] for link in page.links] == [
        "https://example.org/roofs",
        "https://example.org/more",
        "https://example.net/roofs",
    ]


@pytest.mark.django_db
def test_image_credit_licence_and_description_through_multipart(client):
    data = case_payload(
        image=SimpleUploadedFile("roof.png", image_bytes("PNG")),
        image_description="Beds of lettuce on a roof",
        image_credit="Photo: A. Tenant",
        image_licence="cc-by-sa-4.0",
    )
    del data["actors"]
    response = client.post(CASES_API, data)
    assert response.status_code == 201, response.content
    page = Submission.objects.get().page.specific
    assert (page.image_credit, page.image_licence) == ("Photo: A. Tenant", "cc-by-sa-4.0")
    assert page.main_image.description == "Beds of lettuce on a roof"
    bad = case_payload(image_licence="all mine")
    assert client.post(CASES_API, bad, content_type="application/json").status_code == 400


def _bomb(width, height):
    """A PNG of a few kilobytes that decodes to `width` × `height` pixels."""
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


@pytest.mark.django_db
def test_an_image_bomb_is_refused_before_any_thumbnail_is_made(client):
    bomb = _bomb(11_000, 11_000)  # 121 megapixels
    assert len(bomb) < 100_000
    before = row_counts()

    data = case_payload(image=SimpleUploadedFile("bomb.png", bomb))
    del data["actors"]
    response = client.post(CASES_API, data)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["image"]
    [message] = response.json()["errors"]["image"]
    # The input guard (core/middleware.py) refuses it before the form reads it.
    assert "more than 40,000,000 pixels" in message

    form = client.post(FORM, form_data(image=SimpleUploadedFile("bomb.png", bomb)))
    assert form.status_code == 400
    assert "too many pixels" in form.content.decode()
    assert row_counts() == before
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_just_over_the_pixel_limit_is_refused_and_under_it_accepted(client):
    over = case_payload(image=SimpleUploadedFile("over.png", _bomb(8_000, 5_001)))
    del over["actors"]
    assert client.post(CASES_API, over).status_code == 400
    under = case_payload(image=SimpleUploadedFile("under.png", _bomb(8_000, 5_000)))
    del under["actors"]
    response = client.post(CASES_API, under)
    assert response.status_code == 201, response.content
    assert Submission.objects.get().page.specific.main_image.width == 8_000


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
FIELDS = sorted(set(CaseSubmissionForm.base_fields) - {"fax"})


@pytest.mark.django_db
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES, min_size=1, max_size=4))
def test_any_json_values_get_201_or_400_naming_known_fields_never_500(client, changes):
    from django.core.cache import cache

    cache.clear()  # the rate limit is not what is tested here
    response = client.post(CASES_API, case_payload(**changes), content_type="application/json")
    assert response.status_code in (201, 400), response.content
    if response.status_code == 400:
        errors = response.json()["errors"]
        assert errors and set(errors) <= {*FIELDS, "non_field_errors"}
        assert all(isinstance(m, str) and m for messages in errors.values() for m in messages)


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=JSON_VALUES)
def test_any_survey_answer_gets_201_or_400_never_500(client, value):
    from django.core.cache import cache

    cache.clear()
    for field in ("sector", "learning_channels", "what_learned", "consent_research"):
        payload = {
            "sector": "ngo",
            "learning_channels": ["networks"],
            "consent_research": True,
            field: value,
        }
        response = client.post(SURVEY_API, payload, content_type="application/json")
        assert response.status_code in (201, 400), response.content
