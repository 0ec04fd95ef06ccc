"""Who sees the images people send with their cases before a moderator approved them.

Wagtail's collection permissions flow down the collection tree, so every group with "choose"
on the root collection (Researchers, Editors, Science editors) would find the pending images of
the "Submitted images" collection in the admin's image chooser and listing. This policy is
Wagtail's own for images with one exception: the private collection (and anything under it)
counts only the permissions granted on it directly, which only Moderators have.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from wagtail.models import Collection, GroupCollectionPermission
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

SUBMITTED_IMAGES_COLLECTION = "Submitted images"
REVIEWERS = "Moderators"
REVIEWER_ACTIONS = ("add", "change", "choose")


def submitted_images_collection():
    """The collection where images sent with cases wait for review, made (with the
    Moderators' permissions on it) when it is missing; migration 0005 makes it normally."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=SUBMITTED_IMAGES_COLLECTION).first()
    if existing is not None:
        return existing
    collection = root.add_child(name=SUBMITTED_IMAGES_COLLECTION)
    reviewers = Group.objects.filter(name=REVIEWERS).first()
    if reviewers is not None:
        for action in REVIEWER_ACTIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=reviewers,
                collection=collection,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailimages", codename=f"{action}_image"
                ),
            )
    return collection


def _private_paths():
    return list(
        Collection.objects.filter(name=SUBMITTED_IMAGES_COLLECTION, depth=2).values_list(
            "path", flat=True
        )
    )


def _inside(path, private_paths):
    return any(path.startswith(private) for private in private_paths)


class SubmittedImagesPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's image permissions, with "Submitted images" closed to inherited grants."""

    def _permissions_reaching(self, permissions, collection, private_paths):
        if not _inside(collection.path, private_paths):
            return permissions
        return {p for p in permissions if _inside(p.collection.path, private_paths)}

    def _check_perm(self, user, actions, collection=None):
        if collection is None or not (user.is_active and user.is_authenticated):
            return super()._check_perm(user, actions, collection)
        if user.is_superuser:
            return True
        private_paths = _private_paths()
        permissions = self._permissions_reaching(
            self._get_user_permission_objects_for_actions(user, actions),
            collection,
            private_paths,
        )
        return any(
            collection.pk == p.collection_id or collection.is_descendant_of(p.collection)
            for p in permissions
        )

    def _collections_with_perm(self, user, actions):
        private_paths = _private_paths()
        closed = Q()
        for path in private_paths:
            closed |= Q(path__startswith=path)
        collections = Collection.objects.none()
        for permission in self._get_user_permission_objects_for_actions(user, actions):
            reached = Collection.objects.descendant_of(permission.collection, inclusive=True)
            if private_paths and not _inside(permission.collection.path, private_paths):
                reached = reached.exclude(closed)
            collections |= reached
        return collections
