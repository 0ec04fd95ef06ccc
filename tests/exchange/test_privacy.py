"""Contact and adopter addresses never leave: not through any API endpoint, page, export, the
open-data package, the research release or the search index, whatever the state of the relay."""

import datetime
import io
import json
import zlib

from django.core.management import call_command

from wagtail.search.backends import get_search_backend

import pytest

from cases.models import CasePage
from exchange.models import NetworkSnapshot, ReviewStatus

from .conftest import CONTACT_API, adoption, link

ADDRESSES = [
    "team.private@example.org",
    "adopter.private@example.org",
    "asker.private@example.org",
    "Asker Privatename",
]


@pytest.fixture
def exchange_with_private_data(client, case_factory, django_capture_on_commit_callbacks):
    source = case_factory(title="Source case", sdgs=[11])
    case = case_factory(title="Leakcheck case", sdgs=[11])
    case.contact_email = "team.private@example.org"
    case.save_revision().publish()
    link(case, source)
    adoption(case, contact_email="adopter.private@example.org")
    adoption(case, status=ReviewStatus.PENDING, contact_email="adopter.private@example.org")
    payload = {
        "case": case.pk,
        "name": "Asker Privatename",
        "email": "asker.private@example.org",
        "sector": "ngo",
        "country": "KE",
        "message": "Question",
        "consent_privacy": True,
    }
    # One question stays unsent (the mail server is down), so the asker's data is stored.
    from django.test import override_settings

    with (
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=9,
            EMAIL_TIMEOUT=2,
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(CONTACT_API, json.dumps(payload), content_type="application/json")
    assert response.status_code == 201
    return CasePage.objects.get(pk=case.pk)


def _urls(case):
    return [
        "/api/v2/network/",
        "/api/v2/network/?sdg=11",
        "/api/v2/network.graphml",
        "/api/v2/export/links.csv",
        "/api/v2/export/cases.csv",
        "/api/v2/export/cases.json",
        "/api/v2/map/",
        "/api/v2/stats/",
        "/api/v2/pages/?type=cases.CasePage&fields=*",
        f"/api/v2/pages/{case.pk}/",
        "/api/v2/search/?q=Leakcheck",
        "/api/v2/search/?q=private",
        "/api/v2/search/suggest/?q=team",
        "/api/v3/pages/?type=cases.CasePage&limit=100",
        f"/api/v3/pages/{case.pk}/",
        "/api/v2/schema/",
        "/api/v2/insights/flows/",
        "/api/v2/insights/flows/?sdg=11",
        case.url,
        "/network/",
        "/map/",
        "/cases/",
        "/search/?q=team.private",
        "/",
    ]


@pytest.mark.django_db
def test_no_address_leaves_through_any_endpoint_page_or_export(
    client, exchange_with_private_data, tmp_path
):
    case = exchange_with_private_data
    for url in _urls(case):
        response = client.get(url)
        if response.status_code == 404 and url.startswith("/api/v2/search"):
            continue
        assert response.status_code == 200, url
        text = response.content.decode()
        for secret in ADDRESSES:
            assert secret not in text, f"{secret} leaked through {url}"
    call_command("export_open_data", str(tmp_path / "open"), stdout=io.StringIO())
    # The researchers' data release reads the links too (insights, through public_links).
    today = datetime.date.today().isoformat()
    release = tmp_path / "release"
    call_command("research_release", str(release), "--from", "2020-01-01", "--to", today)
    files = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert any(path.name == "knowledge_links.csv" for path in files)
    for path in files:
        text = path.read_text(encoding="utf-8")
        for secret in ADDRESSES:
            assert secret not in text, f"{secret} leaked into {path.name}"
    # The network kept per content version holds what the API gives, nothing more: no
    # address, and no "request" edge (those are for researchers, read afresh each time).
    stored = zlib.decompress(NetworkSnapshot.objects.get().data).decode()
    for secret in ADDRESSES:
        assert secret not in stored
    assert '"request"' not in stored


@pytest.mark.django_db
def test_no_address_is_in_the_search_index(exchange_with_private_data):
    backend = get_search_backend()
    for secret in ADDRESSES:
        assert not list(backend.search(secret, CasePage)), secret
    from wagtail.search.models import IndexEntry

    for entry in IndexEntry.objects.all():
        stored = " ".join(
            str(getattr(entry, name, "")) for name in ("title", "autocomplete", "body")
        )
        for secret in ADDRESSES:
            assert secret not in stored
