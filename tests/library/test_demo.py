"""The demo seed adds library documents with PDFs made locally (their text read and searched)
and video case studies with captions, once."""

from io import StringIO

from django.core.management import call_command

import pytest

from cases.models import CasePage
from library.models import DocumentText, LibraryItemPage


@pytest.mark.django_db
def test_seed_demo_adds_library_documents_and_video_case_studies(
    client, django_capture_on_commit_callbacks
):
    for _ in range(2):  # a second run adds nothing
        with django_capture_on_commit_callbacks(execute=True):
            call_command(
                "seed_demo", "--cases", "6", "--articles", "1", stdout=StringIO(), stderr=StringIO()
            )
    documents = LibraryItemPage.objects.live()
    assert documents.count() == 10
    assert {page.document.file_extension for page in documents} == {"pdf"}
    assert DocumentText.objects.filter(text__icontains="cable cars").exists()
    videos = CasePage.objects.filter(has_video=True)
    assert videos.count() == 3
    assert all(case.caption_text and case.video_captions for case in videos)
    body = client.get("/api/v2/search/?q=cable+cars").json()
    assert [item["type"] for item in body["results"]] == ["library"]
    html = client.get(videos.first().url).content.decode()
    assert "youtube-nocookie.com/embed/cc-demo-" in html and 'id="transcript"' in html
