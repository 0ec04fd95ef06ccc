"""Which images and documents the public may see, through every API (v2 and v3) alike.

Wagtail's image and document APIs, v2 and v3, serve an item unless its collection is private
to the requester: a collection view restriction the request does not pass
(`get_restricted_collection_ids`, which Wagtail's own views call). That is the one rule, and
the platform adds no second one beside it. What the platform does is keep the collection of
images sent with public submissions private: the "Submitted images" collection is restricted
to Moderators as soon as it exists (whoever creates it, and again by a data migration for a
collection made before this rule), so an image is only public once a moderator approves its
case and it moves to the main collection (`submissions.services`). The files sent with
proposals for the policy library are kept private the same way (`library.services`).

The v2 API answers everyone as an anonymous visitor (its answers are cached for everyone), so
a logged-in editor's session never makes a private item appear there; v3 serves private
items only to bearer tokens of users who pass the restriction.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import post_save

from wagtail.models import Collection, CollectionViewRestriction

from library.services import PROPOSED_DOCUMENTS_COLLECTION
from submissions.services import SUBMITTED_IMAGES_COLLECTION

# Collections of what the public sent, private until a moderator publishes it: images sent
# with submitted cases, files sent with proposals for the policy library.
PRIVATE_COLLECTIONS = (SUBMITTED_IMAGES_COLLECTION, PROPOSED_DOCUMENTS_COLLECTION)

PRIVATE_TO_GROUP = "Moderators"


def make_private(collection, group_name=PRIVATE_TO_GROUP):
    """Restrict `collection` (and the collections under it) to the group `group_name`."""
    group, _ = Group.objects.get_or_create(name=group_name)
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    ).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.add(group)


def _keep_submitted_images_private(sender, instance, raw=False, **kwargs):
    # raw: loaded from a fixture or a serialized database, restriction rows included.
    if not raw and instance.name in PRIVATE_COLLECTIONS:
        make_private(instance)


def connect():
    post_save.connect(
        _keep_submitted_images_private,
        sender=Collection,
        dispatch_uid="closercities_submitted_images_private",
    )
