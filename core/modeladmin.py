"""What the project's wagtail-modeladmin screens share."""

from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.views import IndexView

from .csv import SafeCSVExportMixin


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


class SafeExportIndexView(SafeCSVExportMixin, IndexView):
    """The listing of a modeladmin screen whose CSV export is written by `core.csv`, so text
    from the public never runs as a spreadsheet formula. Set it as `index_view_class`."""
