"""The text of a PDF is read after it is uploaded (or replaced), and for a library page that is
published with a file whose text was never read (one uploaded before the library existed)."""

from django.db.models.signals import post_save

from wagtail.documents import get_document_model
from wagtail.signals import page_published

from .tasks import queue_reading, reads_text


def on_document_saved(sender, instance, **kwargs):
    if reads_text(instance):
        queue_reading(instance.pk)


def on_page_published(sender, instance, **kwargs):
    from .models import DocumentText

    document_id = getattr(instance, "document_id", None)
    unread = document_id and not DocumentText.objects.filter(document_id=document_id).exists()
    if unread and reads_text(instance.document):
        queue_reading(document_id)


def connect():
    from .models import LibraryItemPage

    post_save.connect(
        on_document_saved, sender=get_document_model(), dispatch_uid="library-document-text"
    )
    page_published.connect(
        on_page_published, sender=LibraryItemPage, dispatch_uid="library-published-text"
    )
    connect_review()


def on_library_page_published(sender, instance, **kwargs):
    from .services import record_published

    record_published(instance)


def on_review_changes_requested(sender, instance, **kwargs):
    from .proposals import ProposalStatus
    from .services import record_review

    if page_id := _library_page_id(instance):
        record_review(page_id, ProposalStatus.CHANGES_REQUESTED)


def on_review_ended(sender, instance, **kwargs):
    from .models import LibraryItemPage
    from .proposals import ProposalStatus
    from .services import record_review

    page_id = _library_page_id(instance)
    if page_id and not LibraryItemPage.objects.filter(pk=page_id, live=True).exists():
        record_review(page_id, ProposalStatus.DECLINED)


def _library_page_id(workflow_state):
    from .models import LibraryItemPage

    if workflow_state.content_type.model_class() is not LibraryItemPage:
        return None
    return int(workflow_state.object_id)


def connect_review():
    """Proposals follow the review of their draft page (Wagtail's workflow signals)."""
    from wagtail.models import WorkflowState
    from wagtail.signals import workflow_cancelled, workflow_rejected

    from .models import LibraryItemPage

    page_published.connect(
        on_library_page_published, sender=LibraryItemPage, dispatch_uid="library-proposal-live"
    )
    workflow_rejected.connect(
        on_review_changes_requested, sender=WorkflowState, dispatch_uid="library-proposal-changes"
    )
    workflow_cancelled.connect(
        on_review_ended, sender=WorkflowState, dispatch_uid="library-proposal-ended"
    )
