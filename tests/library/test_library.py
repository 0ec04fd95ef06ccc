"""The policy library: listed at /library/ through the one search service (type=library in the
type facet, its document_type facet, the shared facets), the text of PDFs searched, served by
the pages API with its filters; drafts never shown."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest

from library.models import DocumentText
from library.pdfs import make_pdf


@pytest.fixture
def library(library_item_factory, case_factory):
    case = case_factory(title="Superblocks in Barcelona", country="ES", sdgs=[11])
    return {
        "utrecht": library_item_factory(
            title="Utrecht mobility strategy",
            document_type="strategy",
            country="NL",
            year=2023,
            sdgs=[11, 13],
            topics=["mobility"],
            related_cases=[case],
        ),
        "accra": library_item_factory(
            title="Accra waste regulation",
            document_type="regulation",
            organisation="Accra Metropolitan Assembly",
            city="Accra",
            country="GH",
            year=2019,
            sdgs=[12],
        ),
        "nairobi": library_item_factory(
            title="Nairobi heat plan",
            document_type="plan",
            city="Nairobi",
            country="KE",
            year=2021,
            sdgs=[13],
        ),
        "draft": library_item_factory(title="SECRET draft policy", live=False),
        "case": case,
    }


@pytest.mark.django_db
def test_the_library_lists_its_documents_with_facets(client, library):
    response = client.get("/library/")
    html = response.content.decode()
    assert response.status_code == 200
    for title in ("Utrecht mobility strategy", "Accra waste regulation", "Nairobi heat plan"):
        assert title in html
    assert "SECRET" not in html and "Superblocks" not in html
    assert 'name="document_type" value="regulation"' in html
    assert "Type of document" in html
    # Filters combine as on the case index: within a facet OR, across facets AND.
    html = client.get("/library/?document_type=plan&document_type=regulation&region=002").content
    assert b"Nairobi heat plan" in html and b"Accra waste regulation" in html
    assert b"Utrecht mobility strategy" not in html
    html = client.get("/library/?document_type=plan&sdg=12").content.decode()
    assert "Nairobi heat plan" not in html and "Accra waste regulation" not in html
    bad = client.get("/library/?document_type=novel")
    assert bad.status_code == 400
    assert "document_type: &#x27;novel&#x27; is not one of policy" in bad.content.decode()


@pytest.mark.django_db
def test_library_documents_join_search_as_their_own_type(client, library):
    body = client.get("/api/v2/search/").json()
    types = {item["value"]: item["count"] for item in body["facets"]["type"]}
    assert types == {"case": 1, "article": 0, "library": 3, "event": 0}
    assert [item["value"] for item in body["facets"]["document_type"]] == [
        "strategy",
        "plan",
        "regulation",
    ]
    body = client.get("/api/v2/search/?type=library&document_type=strategy,plan").json()
    assert sorted(item["title"] for item in body["results"]) == [
        "Nairobi heat plan",
        "Utrecht mobility strategy",
    ]
    # A facet's counts leave its own selection out (disjunctive): the other types still count.
    counts = {item["value"]: item["count"] for item in body["facets"]["document_type"]}
    assert counts == {"strategy": 1, "plan": 1, "regulation": 1}
    item = next(r for r in body["results"] if r["title"] == "Nairobi heat plan")
    assert item["type"] == "library"
    assert (item["document_type"], item["year"], item["city"]) == ("plan", 2021, "Nairobi")
    html = client.get("/search/?type=library&year_from=2020").content.decode()
    assert "Library document" in html and "Nairobi heat plan" in html
    assert "Accra waste regulation" not in html


@pytest.mark.django_db
def test_the_text_of_a_pdf_is_searched(
    client, library_item_factory, django_capture_on_commit_callbacks
):
    pdf = make_pdf(
        "Zoning code",
        ["Article 4. Every kerbside loading zone becomes a parklet on Sundays in Quelimane."],
    )
    with django_capture_on_commit_callbacks(execute=True):
        document = get_document_model().objects.create(
            title="Zoning code", file=ContentFile(pdf, name="zoning.pdf")
        )
    text = DocumentText.objects.get(document=document)
    assert "parklet on Sundays" in text.text and text.pages == 1
    page = library_item_factory(title="Zoning code of the city", document=document, external_url="")
    body = client.get("/api/v2/search/?q=parklet").json()
    assert [item["id"] for item in body["results"]] == [page.pk]
    html = client.get(page.url).content.decode()
    assert f'href="{document.url}"' in html and "Download the document (PDF)" in html


@pytest.mark.django_db
def test_a_pdf_read_after_publishing_reindexes_the_page(
    client, library_item_factory, django_capture_on_commit_callbacks
):
    # The file is uploaded without its text being read (as by an import), and published.
    document = get_document_model().objects.create(
        title="Heat plan", file=ContentFile(make_pdf("Heat plan", ["Misting stations"]), "h.pdf")
    )
    DocumentText.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        page = library_item_factory(title="Heat plan", document=document, external_url="")
    # Publishing read the unread file and re-indexed the page.
    assert [item["id"] for item in client.get("/api/v2/search/?q=misting").json()["results"]] == [
        page.pk
    ]


@pytest.mark.django_db
def test_a_file_that_is_not_a_readable_pdf_is_recorded_not_fatal(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        document = get_document_model().objects.create(
            title="Broken", file=ContentFile(b"%PDF-1.4 not really", name="broken.pdf")
        )
    text = DocumentText.objects.get(document=document)
    assert text.text == "" and text.problem


@pytest.mark.django_db
def test_the_pages_api_serves_library_documents_with_their_filters(client, library):
    url = "/api/v2/pages/?type=library.LibraryItemPage&fields=*"
    body = client.get(url).json()
    assert {item["title"] for item in body["items"]} == {
        "Utrecht mobility strategy",
        "Accra waste regulation",
        "Nairobi heat plan",
    }
    utrecht = next(i for i in body["items"] if i["title"] == "Utrecht mobility strategy")
    assert utrecht["document_type"] == "strategy" and utrecht["year"] == 2023
    assert utrecht["country"] == {"code": "NL", "name": "Netherlands"}
    assert utrecht["region"]["code"] == "150"
    assert [s["number"] for s in utrecht["sdgs"]] == [11, 13]
    assert utrecht["related_cases"][0]["title"] == "Superblocks in Barcelona"

    def titles(query):
        response = client.get(f"/api/v2/pages/?{query}")
        assert response.status_code == 200, response.content
        return sorted(item["title"] for item in response.json()["items"])

    assert titles("document_type=plan,regulation") == [
        "Accra waste regulation",
        "Nairobi heat plan",
    ]
    assert titles("type=library.LibraryItemPage&region=002&year_from=2020") == ["Nairobi heat plan"]
    assert titles("type=library.LibraryItemPage&sdg=13&topic=mobility") == [
        "Utrecht mobility strategy"
    ]
    response = client.get("/api/v2/pages/?document_type=novel")
    assert response.status_code == 400
    assert response.json()["message"].startswith("document_type: 'novel'")
