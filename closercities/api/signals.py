"""Keep the API's response cache true: anything that changes what the public may see bumps the
content version (publishing, unpublishing, deleting or moving a page, making a page private or
public again, renaming an SDG, topic or researcher)."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move


def content_changed(**kwargs):
    from .models import ContentVersion

    # Inside the change's own transaction: other readers see the new version and the new
    # content together, at the commit, so old content is never cached under the new version.
    ContentVersion.bump()


def connect():
    uid = "closercities_api_content_changed"
    page_published.connect(content_changed, dispatch_uid=f"{uid}_published")
    page_unpublished.connect(content_changed, dispatch_uid=f"{uid}_unpublished")
    post_page_move.connect(content_changed, dispatch_uid=f"{uid}_moved")
    post_delete.connect(content_changed, sender=Page, dispatch_uid=f"{uid}_deleted")
    # Pages show the names of their SDGs, topics and authors: a change to those shows at once.
    from articles.models import Researcher
    from taxonomy.models import SDG, Topic

    for sender in (PageViewRestriction, SDG, Topic, Researcher):
        for signal in (post_save, post_delete):
            signal.connect(
                content_changed,
                sender=sender,
                dispatch_uid=f"{uid}_{sender._meta.label_lower}_{signal is post_save}",
            )
