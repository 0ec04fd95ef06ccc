"""A double quote in Wagtail's API `?search=` is text, not a server error (issue 12 #11): on
SQLite, Wagtail's FTS5 backend wrapped each word in quotes without doubling the ones inside,
so `"` or `5"` broke the query. search/engines/database.py doubles them."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("text", ['"', 'roofs"', '5" pipes', '"green roofs"', '""'])
def test_quotes_in_a_search_are_just_text(client, case_factory, text):
    case_factory(title="Green roofs for 5 schools")
    get_document_model().objects.create(
        title="Green roofs handbook", file=ContentFile(b"roofs", "roofs.txt")
    )
    for url in ("/api/v2/pages/", "/api/v2/documents/", "/api/v3/pages/", "/api/v3/documents/"):
        response = client.get(url, {"search": text})
        assert response.status_code == 200, (url, text, response.content[:200])


@pytest.mark.django_db
def test_a_word_with_a_quote_still_finds_its_page(client, case_factory, search_index):
    case_factory(title="Green roofs for schools")
    search_index.refresh()
    items = client.get("/api/v2/pages/", {"search": 'roofs"', "type": "cases.CasePage"}).json()
    assert [item["title"] for item in items["items"]] == ["Green roofs for schools"]
