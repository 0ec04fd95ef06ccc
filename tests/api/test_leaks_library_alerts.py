"""Nothing personal or unpublished leaves through the library, the feeds or the alerts: a
subscriber's address, a proposer's name and email, a proposed draft document and its private
file are in no page, feed, API answer or export an anonymous visitor can reach."""

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from library.pdfs import make_pdf
from library.proposals import DocumentProposal

SECRETS = [
    "subscriber.secret@example.org",
    "Proposer Secretname",
    "proposer.secret@example.org",
    "SECRETPROPOSAL",
    "SECRETLIBRARYDRAFT",
]
URLS = [
    "/library/",
    "/library/?document_type=plan",
    "/library/feed/",
    "/library/feed/atom/",
    "/cases/feed/",
    "/cases/feed/atom/?sdg=11",
    "/science/feed/",
    "/search/?q=plan",
    "/search/?q=secret",
    "/cases/",
    "/api/v2/search/?q=SECRETPROPOSAL",
    "/api/v2/search/?type=library",
    "/api/v2/search/suggest/?q=SECRET",
    "/api/v2/pages/?type=library.LibraryItemPage&fields=*&limit=100",
    "/api/v2/pages/?search=plan",
    "/api/v2/pages/?document_type=plan,policy",
    "/api/v2/documents/",
    "/api/v2/images/",
    "/api/v2/map/",
    "/api/v2/stats/",
    "/api/v2/export/cases.csv",
    "/api/v2/export/cases.json",
    "/api/v3/pages/?limit=100",
]


@pytest.fixture
def private_data(client, case_factory, library_item_factory, django_capture_on_commit_callbacks):
    case_factory(title="Public case", sdgs=[11])
    library_item_factory(title="Public strategy")
    library_item_factory(title="SECRETLIBRARYDRAFT plan", document_type="plan", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/alerts/subscribe/",
            {"email": "subscriber.secret@example.org", "frequency": "daily", "query": "sdg=11"},
        )
    assert response.status_code == 200
    cache.clear()
    response = client.post(
        "/propose-a-document/",
        {
            "title": "SECRETPROPOSAL plan",
            "summary": "SECRETPROPOSAL summary",
            "document_type": "plan",
            "organisation": "City of Quito",
            "organisation_sector": "government",
            "country": "EC",
            "year": "2022",
            "language": "es",
            "file": SimpleUploadedFile("secret.pdf", make_pdf("SECRETPROPOSAL", ["text"])),
            "proposer_name": "Proposer Secretname",
            "proposer_email": "proposer.secret@example.org",
            "consent_public": "on",
            "consent_privacy": "on",
        },
    )
    assert response.status_code == 200
    cache.clear()
    return DocumentProposal.objects.get()


@pytest.mark.django_db
@pytest.mark.parametrize("url", URLS)
def test_no_personal_or_unpublished_data_leaves(client, private_data, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:500])
    text = response.content.decode()
    for secret in SECRETS:
        assert secret not in text, f"{secret} leaked through {url}"


@pytest.mark.django_db
def test_the_alert_and_proposal_pages_never_show_the_address(client, private_data):
    from alerts.models import Subscription

    subscription = Subscription.objects.get()
    for url in (
        f"/alerts/confirm/{subscription.token}/",
        f"/alerts/manage/{subscription.token}/",
        f"/alerts/unsubscribe/{subscription.token}/",
        f"/proposals/{private_data.token}/",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert response["X-Robots-Tag"] == "noindex"
        text = response.content.decode()
        for secret in SECRETS[:3]:
            assert secret not in text, (secret, url)
    # The draft's page and its file are not public.
    page = private_data.page
    assert client.get(page.url or "/library/secretproposal-plan/").status_code == 404
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{page.document_id}/").status_code == 404
