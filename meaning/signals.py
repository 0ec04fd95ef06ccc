"""Vectors follow publishing: a published case or article is embedded after the commit (a
django-task, never in the request); an unpublished or deleted one loses its vector at once,
in the same transaction, so it can never be found by meaning again."""

from functools import partial

from django.db import transaction

from wagtail.signals import page_published, page_unpublished

from . import backends
from .text import EMBEDDED_MODELS


def _embedded(instance):
    return instance._meta.label_lower in EMBEDDED_MODELS


def on_publish(sender, instance, **kwargs):
    if not _embedded(instance) or not backends.enabled():
        return
    from .tasks import embed_pages

    transaction.on_commit(partial(embed_pages.enqueue, [instance.pk]), robust=True)


def on_unpublish(sender, instance, **kwargs):
    from .embedding import remove_vectors

    remove_vectors([instance.pk])


def connect():
    page_published.connect(on_publish, dispatch_uid="meaning-publish")
    page_unpublished.connect(on_unpublish, dispatch_uid="meaning-unpublish")
    # A deleted page loses its vector through the foreign key (on_delete=CASCADE).
