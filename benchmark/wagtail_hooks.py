""" "Submit this project as a case": the case form starts from the benchmark whose link
(`?benchmark=<token>`) it was opened with, through the hook submissions/ asks."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from cases.assessment import ASSESSMENT_FIELDS
from core.modeladmin import ReadOnlyPermissionHelper, SafeExportIndexView

from .models import BenchmarkRecord
from .services import find, submission_initial


@hooks.register("case_submission_initial")
def initial_from_benchmark(request):
    benchmark = find(request.GET.get("benchmark"))
    return submission_initial(benchmark) if benchmark is not None else None


class BenchmarkRecordAdmin(ModelAdmin):
    """The anonymous research records (no text) in the admin, read-only, with CSV export.
    The benchmarks themselves (what visitors typed) are not listed anywhere."""

    model = BenchmarkRecord
    menu_label = _("Benchmark records")
    menu_icon = "table"
    menu_order = 260
    permission_helper_class = ReadOnlyPermissionHelper
    index_view_class = SafeExportIndexView
    list_display = ("month", "country", "scale", "status", *ASSESSMENT_FIELDS)
    list_filter = ("month", "scale", "status", *ASSESSMENT_FIELDS)
    list_export = ("id", "month", "sdg_numbers", "country", "scale", "status", *ASSESSMENT_FIELDS)
    export_filename = "benchmark-records"


modeladmin_register(BenchmarkRecordAdmin)
