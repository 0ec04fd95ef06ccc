import io

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection

import pytest
from PIL import Image as PILImage

from submissions.models import Submission

CASES_API = "/api/v2/submissions/cases/"
SURVEY_API = "/api/v2/submissions/survey/"


@pytest.fixture(autouse=True)
def _postgres_only(request):
    """Tests marked `postgres` need row locks and real concurrent transactions."""
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL (scripts/postgres.sh url)")


@pytest.fixture(autouse=True)
def _queued_email(settings):
    """Every email in these tests takes the site's real path: stored by the queued backend,
    sent by the task after the commit (Django's test runner would otherwise swap the backend
    for its outbox). The transport is the outbox (EMAIL_DELIVERY_BACKEND in test settings)."""
    settings.EMAIL_BACKEND = "submissions.mail.QueuedEmailBackend"


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    # The rate limit counts in Django's cache, which outlives a test's database transaction.
    cache.clear()
    yield
    cache.clear()


def case_payload(**overrides):
    payload = {
        "title": "Rooftop gardens on social housing",
        "summary": "Tenants grow vegetables on the roofs of their blocks.",
        "description": "The housing company opened the roofs.\n\nTenants run the gardens.",
        "city": "Rotterdam",
        "country": "NL",
        "latitude": 51.9225,
        "longitude": 4.47917,
        "sdgs": [11, 2],
        "topics": [],
        "actors": [
            {"organisation": "Woonstad Rotterdam", "sector": "private", "role": "Owner"},
            {"organisation": "Tenants' association", "sector": "civil_society", "role": ""},
        ],
        "lessons_learned": "Start with one roof.",
        "barriers": "Insurance for roof access.",
        "start_year": 2019,
        "status": "running",
        "website": "https://example.org/roofs",
        "submitter_name": "Ada Submitter-Private",
        "submitter_email": "ada.private@example.org",
        "submitter_organisation": "Secret Org Private",
        "consent_publish": True,
        "consent_privacy": True,
    }
    payload.update(overrides)
    return payload


@pytest.fixture
def submit(client):
    """POST a case to the API as an anonymous client (JSON)."""

    def post(**overrides):
        return client.post(CASES_API, case_payload(**overrides), content_type="application/json")

    return post


def image_bytes(fmt="PNG", size=(40, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 80, 20)).save(buffer, fmt)
    return buffer.getvalue()


def row_counts():
    """Rows in every table of the project, to prove that bad input created nothing."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def _user(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def moderator(django_user_model):
    return _user(django_user_model, "moderator", "Moderators")


@pytest.fixture
def science_editor(django_user_model):
    return _user(django_user_model, "science-editor", "Science editors")


@pytest.fixture
def researcher(django_user_model):
    return _user(django_user_model, "researcher", "Researchers")


@pytest.fixture
def submitted(submit, django_capture_on_commit_callbacks):
    """A case submitted through the API, with its confirmation email sent."""
    with django_capture_on_commit_callbacks(execute=True):
        response = submit()
    assert response.status_code == 201, response.content
    return Submission.objects.get(token=response.json()["token"])
