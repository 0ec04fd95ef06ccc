"""Anyone may propose a document: the form shares the public submissions' validation rules,
honeypot and rate limit; an accepted proposal is a draft library page under Library review
(its file private until published) and the proposer's record stays in the admin."""

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model

import pytest

from library.models import LibraryItemPage
from library.pdfs import make_pdf
from library.proposals import DocumentProposal, ProposalStatus

FORM = "/propose-a-document/"
PROPOSER = {"proposer_name": "Bea Proposer-Private", "proposer_email": "bea.private@example.org"}


@pytest.fixture
def files_on_disk(settings, tmp_path):
    """Uploaded files on a real file system, so documents are served as in production."""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def proposal(**overrides):
    data = {
        "title": "Kigali green city master plan",
        "summary": "How Kigali grows without losing its wetlands.",
        "document_type": "plan",
        "organisation": "City of Kigali",
        "organisation_sector": "government",
        "city": "Kigali",
        "country": "RW",
        "year": "2020",
        "language": "en",
        "sdgs": ["11", "15"],
        "url": "",
        "licence": "cc-by-4.0",
        "consent_public": "on",
        "consent_privacy": "on",
        **PROPOSER,
    }
    data.update(overrides)
    return data


def _pdf(name="plan.pdf"):
    return SimpleUploadedFile(name, make_pdf("Master plan", ["Wetlands first."]), "application/pdf")


@pytest.mark.django_db
def test_a_proposal_becomes_a_draft_under_library_review(client, files_on_disk):
    assert client.get(FORM).status_code == 200
    response = client.post(FORM, {**proposal(), "file": _pdf()})
    assert response.status_code == 200, response.content.decode()[:2000]
    assert response["Cache-Control"] == "private, no-store"
    record = DocumentProposal.objects.get()
    assert (record.proposer_email, record.status) == ("bea.private@example.org", "received")
    page = record.page
    assert not page.live and page.workflow_in_progress
    assert page.get_workflow().name == "Library review"
    assert (page.document_type, page.country.code, page.year) == ("plan", "RW", 2020)
    assert sorted(page.sdgs.values_list("number", flat=True)) == [11, 15]
    status_url = f"/proposals/{record.token}/"
    assert status_url in response.content.decode()
    status = client.get(status_url)
    assert "Received" in status.content.decode()
    assert "bea.private" not in status.content.decode()

    # The file is private until the document is published: visitors are asked to sign in.
    document = page.document
    response = client.get(document.url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    listed = client.get("/api/v2/documents/").json()["items"]
    assert document.pk not in [item["id"] for item in listed]
    assert client.get("/library/").content.decode().count("Kigali") == 0


@pytest.mark.django_db
def test_approving_the_review_publishes_it_and_releases_the_file(
    client, django_user_model, files_on_disk
):
    client.post(FORM, {**proposal(), "file": _pdf()})
    record = DocumentProposal.objects.get()
    moderator = django_user_model.objects.create_user("mod", "mod@example.org", "pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    page = LibraryItemPage.objects.get(pk=record.page_id)
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    page.refresh_from_db()
    record.refresh_from_db()
    assert page.live and record.status == ProposalStatus.PUBLISHED
    assert "Kigali green city master plan" in client.get("/library/").content.decode()
    response = client.get(page.document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert page.document.pk in [i["id"] for i in client.get("/api/v2/documents/").json()["items"]]


@pytest.mark.django_db
def test_bad_input_is_shown_beside_the_fields_and_nothing_is_stored(client):
    documents = get_document_model().objects.count()
    cases = [
        ({"url": ""}, "Give the address of the document, or send the file."),
        ({"year": "1850"}, "Ensure this value is greater than or equal to 1900."),
        ({"document_type": "novel"}, "Select a valid choice."),
        ({"consent_public": ""}, "Only public documents can be added to the library."),
        ({"file": SimpleUploadedFile("plan.exe", b"MZ")}, "Send a PDF, ODT or DOCX file."),
        (
            {"file": SimpleUploadedFile("plan.pdf", b"<html>not a pdf</html>")},
            "This file is not a PDF file.",
        ),
    ]
    for overrides, message in cases:
        cache.clear()  # the rate limit counts every post, as for the case form
        response = client.post(FORM, proposal(**overrides))
        html = response.content.decode()
        assert response.status_code == 400, overrides
        assert message in html, (overrides, message)
        assert 'value="Kigali green city master plan"' in html  # what was typed is kept
    assert not DocumentProposal.objects.exists() and not LibraryItemPage.objects.exists()
    assert get_document_model().objects.count() == documents


@pytest.mark.django_db
def test_honeypot_and_rate_limit(client):
    assert client.post(FORM, proposal(url="https://example.org/a.pdf", fax="1")).status_code == 200
    assert not DocumentProposal.objects.exists()
    for number in range(4):
        response = client.post(FORM, proposal(url=f"https://example.org/{number}.pdf"))
        assert response.status_code == 200
    assert client.post(FORM, proposal(url="https://example.org/6.pdf")).status_code == 429
    assert DocumentProposal.objects.count() == 4


@pytest.mark.django_db
def test_purge_anonymises_decided_proposals(client):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    client.post(FORM, proposal(url="https://example.org/a.pdf"))
    DocumentProposal.objects.update(
        status=ProposalStatus.DECLINED, updated_at=timezone.now() - timedelta(days=800)
    )
    call_command("purge_submitter_data", "--older-than", "730", stdout=open("/dev/null", "w"))  # noqa: SIM115
    record = DocumentProposal.objects.get()
    assert record.proposer_email == "removed@invalid" and record.anonymised_at
