"""Background work for the library (django-tasks): reading the text of uploaded PDFs and
bringing the search index of the pages that use them up to date."""

import logging

from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.search.index import insert_or_update_object

from django_tasks import task

from .text import UnreadableDocument, pdf_text

logger = logging.getLogger(__name__)


def reads_text(document):
    return document.file_extension.lower() == "pdf"


@task()
def read_document_text(document_id):
    """Read a PDF's text into DocumentText, then re-index the live library pages that use it
    (the database search at once, a search engine through the search app's queue, retried
    until the engine takes it)."""
    from .models import DocumentText, LibraryItemPage

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None or not reads_text(document):
        return "nothing to read"
    try:
        with document.open_file() as handle:
            text, pages = pdf_text(handle)
        problem = ""
    except UnreadableDocument as error:
        text, pages, problem = "", 0, str(error)[:500]
        logger.info("Document %s: no text read (%s)", document_id, problem)
    with transaction.atomic():
        DocumentText.objects.update_or_create(
            document=document, defaults={"text": text, "pages": pages, "problem": problem}
        )
        live = list(LibraryItemPage.objects.live().filter(document=document))
        for page in live:
            insert_or_update_object(page)
        if live:
            from search.signals import queue_update

            queue_update(live, "update")
    return f"read {pages} page(s)"


def queue_reading(document_id):
    """Read the document's text once the change that caused it is committed."""
    transaction.on_commit(lambda: read_document_text.enqueue(document_id), robust=True)
