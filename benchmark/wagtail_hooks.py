""" "Submit this project as a case": the case form starts from the benchmark whose link
(`?benchmark=<token>`) it was opened with, through the hook submissions/ asks."""

from wagtail import hooks

from .services import find, submission_initial


@hooks.register("case_submission_initial")
def initial_from_benchmark(request):
    benchmark = find(request.GET.get("benchmark"))
    return submission_initial(benchmark) if benchmark is not None else None
