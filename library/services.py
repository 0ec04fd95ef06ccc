"""Multi-step operations of the library: taking in a proposed document (one transaction: the
file kept private, a draft page, its review started, the proposer's record), following its
review, and removing proposers' data once it is no longer needed."""

import datetime

from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale

from taxonomy.models import SDG

from .models import LibraryIndexPage, LibraryItemPage
from .proposals import DocumentProposal, ProposalStatus

# Files sent with proposals wait here, readable only by signed-in editors, until the document
# is published; then they join the main collection like any other document.
PROPOSED_DOCUMENTS_COLLECTION = "Proposed documents"


def proposed_documents_collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PROPOSED_DOCUMENTS_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=PROPOSED_DOCUMENTS_COLLECTION)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return collection


def _draft_page(data):
    page = LibraryItemPage(
        title=data["title"],
        summary=data["summary"],
        document_type=data["document_type"],
        organisation=data["organisation"],
        organisation_sector=data["organisation_sector"],
        city=data.get("city", ""),
        country=data.get("country", ""),
        year=data["year"],
        language=data["language"],
        external_url=data.get("url") or "",
        licence=data.get("licence", ""),
        live=False,
    )
    page.sdgs = list(SDG.objects.filter(number__in=data.get("sdgs") or []))
    page.topics.set(data.get("topics") or [])
    if data.get("file"):
        page.document = get_document_model().objects.create(
            title=data["title"][:255],
            file=data["file"],
            collection=proposed_documents_collection(),
        )
    return page


def library_index(language):
    """The library of `language`'s page tree when the site has one in that language (a French
    document joins the French library), else the default language's."""
    indexes = LibraryIndexPage.objects.order_by("path")
    found = indexes.filter(locale__language_code=language).first()
    return found or indexes.filter(locale=Locale.get_default()).first()


@transaction.atomic
def submit_proposal(data):
    """A validated proposal becomes a draft library page under the library, with the Library
    review workflow started on it, and the proposer's private record. All or nothing."""
    page = _draft_page(data)
    index = library_index(page.language)
    index.add_child(instance=page)
    page.save_revision(log_action=True)
    proposal = DocumentProposal.objects.create(
        page=page,
        title=data["title"],
        proposer_name=data["proposer_name"],
        proposer_email=data["proposer_email"],
    )
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user=None)
    return proposal


def record_published(page):
    """A library page went live: its proposal is published and its file leaves the private
    collection."""
    DocumentProposal.objects.filter(page=page).exclude(status=ProposalStatus.PUBLISHED).update(
        status=ProposalStatus.PUBLISHED, updated_at=timezone.now()
    )
    if page.document_id:
        get_document_model().objects.filter(
            pk=page.document_id, collection__name=PROPOSED_DOCUMENTS_COLLECTION
        ).update(collection=Collection.get_first_root_node())


def record_review(page_id, status):
    DocumentProposal.objects.filter(page_id=page_id).exclude(
        status__in=(ProposalStatus.PUBLISHED, status)
    ).update(status=status, updated_at=timezone.now())


@transaction.atomic
def purge_proposer_data(older_than_days, *, now=None):
    """Remove who proposed documents decided (published or not added) more than
    `older_than_days` ago. Returns how many were anonymised."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=older_than_days)
    return DocumentProposal.objects.filter(
        status__in=(ProposalStatus.PUBLISHED, ProposalStatus.DECLINED),
        updated_at__lt=cutoff,
        anonymised_at__isnull=True,
    ).update(proposer_name="(removed)", proposer_email="removed@invalid", anonymised_at=now)
