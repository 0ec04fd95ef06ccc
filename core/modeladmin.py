"""What the project's wagtail-modeladmin screens share."""

from wagtail_modeladmin.helpers import PermissionHelper


class ReadOnlyPermissionHelper(PermissionHelper):
    """Records that come from the public (submissions, survey answers, search logs): people
    with the view permission list, inspect and export them; nobody adds, edits or deletes
    them by hand."""

    def user_can_create(self, user):
        return False

    def user_can_delete_obj(self, user, obj):
        return False

    def user_can_edit_obj(self, user, obj):
        return False
