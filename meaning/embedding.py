"""Keeping the vectors true: embed live pages whose text changed, drop the others."""

from django.db import transaction
from django.db.models import Q

from wagtail.models import Page

from core.models import ContentVersion

from . import backends
from .models import PageVector
from .text import EMBEDDED_MODELS, page_text, text_hash


def embedded_pages():
    """Live pages of the embedded types (cases and articles), public or not: a vector of a
    private page is kept but never served (see matrix.py)."""
    types = Q()
    for label in EMBEDDED_MODELS:
        app_label, model = label.split(".")
        types |= Q(content_type__app_label=app_label, content_type__model=model)
    return Page.objects.live().filter(types)


def pages_needing_vectors():
    """Ids of live cases and articles with no vector of the current model (a changed text is
    found when the page is embedded: its hash differs)."""
    have = PageVector.objects.filter(model=backends.model_name()).values("page_id")
    return list(embedded_pages().exclude(pk__in=have).order_by("pk").values_list("pk", flat=True))


def embed_pages(page_ids):
    """Embed the given pages if they are live and their text changed; returns how many
    vectors were written. One model call for the whole batch."""
    backend = backends.get_backend()
    if backend is None:
        return 0
    pages = [page.specific for page in embedded_pages().filter(pk__in=page_ids).order_by("pk")]
    stored = dict(
        PageVector.objects.filter(page_id__in=[page.pk for page in pages]).values_list(
            "page_id", "text_hash"
        )
    )
    todo = []
    for page in pages:
        text = page_text(page)
        digest = text_hash(backend.name, text)
        if stored.get(page.pk) != digest:
            todo.append((page.pk, text, digest))
    if not todo:
        return 0
    rows = backend.passages([text for _, text, _ in todo])
    with transaction.atomic():
        for (page_id, _, digest), row in zip(todo, rows, strict=True):
            PageVector.objects.update_or_create(
                page_id=page_id,
                defaults={"model": backend.name, "text_hash": digest, "vector": row.tobytes()},
            )
        # Similar cases and search answers now differ: every process reloads its matrix and
        # cached API answers are stale.
        ContentVersion.bump()
    return len(todo)


def remove_vectors(page_ids):
    """Forget the vectors of pages that are no longer live (unpublished or deleted)."""
    return PageVector.objects.filter(page_id__in=page_ids).delete()[0]
