"""Keep public caches true: anything that changes what the public may see bumps the content
version (publishing, unpublishing, deleting or moving a page, making a page or a collection
private or public again, adding, changing or deleting an image or a document). Apps whose
models pages show (SDGs, topics, researchers, ...) add them with `bump_on_change` in their
`AppConfig.ready()`, so core depends on no app."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

UID = "closercities_content_changed"

# Sent after the commit of a change that bumped the content version, with `version`: the
# version now current. For work derived from public content that is worth doing before the
# first reader asks (exchange precomputes its network). Receivers must be cheap: they run
# in the process that made the change, so they queue tasks rather than do the work.
content_version_changed = Signal()


def content_changed(**kwargs):
    from .models import ContentVersion

    # Inside the change's own transaction: other readers see the new version and the new
    # content together, at the commit, so old content is never cached under the new version.
    ContentVersion.bump()


def announce_new_version():
    from .models import ContentVersion

    if content_version_changed.has_listeners():
        content_version_changed.send(sender=ContentVersion, version=ContentVersion.current()[0])


def bump_on_change(*models):
    """Saving or deleting any of `models` changes public content (pages show their names)."""
    for sender in models:
        for signal in (post_save, post_delete):
            signal.connect(
                content_changed,
                sender=sender,
                dispatch_uid=f"{UID}_{sender._meta.label_lower}_{signal is post_save}",
            )


def connect():
    page_published.connect(content_changed, dispatch_uid=f"{UID}_published")
    page_unpublished.connect(content_changed, dispatch_uid=f"{UID}_unpublished")
    post_page_move.connect(content_changed, dispatch_uid=f"{UID}_moved")
    post_delete.connect(content_changed, sender=Page, dispatch_uid=f"{UID}_deleted")
    bump_on_change(PageViewRestriction)
    # The image and document APIs list what is in public collections: adding, changing or
    # deleting an image or document, or changing a collection's privacy, changes them.
    bump_on_change(get_image_model(), get_document_model(), Collection, CollectionViewRestriction)
