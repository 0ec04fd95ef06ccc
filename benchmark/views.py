"""The benchmark's three ways in: the page's form (works without JavaScript), the API, and the
result page behind each benchmark's unguessable link."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from rest_framework.response import Response

from submissions.forms import errors_as_json, json_type_errors
from submissions.views import (
    PublicSubmissionAPIView,
    PublicSubmissionThrottle,
    _form_data,
    _RateLimited,
    refund,
)

from . import services
from .compute import answer, answer_and_peers
from .forms import BenchmarkForm
from .models import BenchmarkPage, new_token
from .presentation import described, tables

SCOPE = "benchmark"


def result_url(request, token):
    return request.build_absolute_uri(reverse("benchmark:result", args=[token]))


def _private(response):
    # What a visitor typed: never in shared caches, never in search engines.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class BenchmarkAPIView(PublicSubmissionAPIView):
    """`POST /api/v2/benchmark/`: compare a described project with the cases most like it.
    The submissions' rules: the same field checks (400 naming the field), honeypot and rate
    limit (only accepted benchmarks count)."""

    throttle_scope = SCOPE
    form_class = BenchmarkForm

    def post(self, request):
        data = _form_data(request)
        if data is None:
            return self.bad_request(
                {"non_field_errors": [_("Send a JSON object with the fields.")]}
            )
        type_errors = {}
        if not hasattr(data, "getlist"):
            type_errors = json_type_errors(self.form_class, data)
            data = {k: v for k, v in data.items() if k not in type_errors}
        form = self.form_class(data)
        if form.is_spam():
            # The same kind of answer, stored nowhere: its link leads nowhere.
            cleaned = form.cleaned_data if form.is_valid() else {"title": "", "description": ""}
            return Response(self._body(request, new_token(), services.stored_data(cleaned)))
        if type_errors or not form.is_valid():
            return self.bad_request({**errors_as_json(form), **type_errors})
        benchmark = services.create_benchmark(form.cleaned_data)
        return Response(
            self._body(request, benchmark.token, benchmark.data, benchmark.vector, benchmark.model)
        )

    def _body(self, request, token, data, vector=None, model=""):
        return {
            "token": token,
            "result_url": result_url(request, token),
            **answer(data, vector, model, request),
        }


def serve_benchmark_form(page, request):
    """The form: shown, sent back with the mistakes beside the fields (400), refused over the
    rate limit with what was typed kept (429), or accepted and redirected to the result."""
    context = page.get_context(request)
    if request.method != "POST":
        context["form"] = BenchmarkForm()
        return render(request, "benchmark/benchmark_page.html", context)
    form = BenchmarkForm(request.POST)
    if not PublicSubmissionThrottle().allow_request(request, _RateLimited(SCOPE)):
        context.update(form=form, rate_limited=True)
        return _private(render(request, "benchmark/benchmark_page.html", context, status=429))
    if form.is_spam():
        return redirect(reverse("benchmark:result", args=[new_token()]))
    if not form.is_valid():
        refund(request)  # mistakes do not count towards the limit
        context["form"] = form
        return _private(render(request, "benchmark/benchmark_page.html", context, status=400))
    benchmark = services.create_benchmark(form.cleaned_data)
    return redirect(reverse("benchmark:result", args=[benchmark.token]))


def benchmark_result(request, token):
    """One benchmark's result, for whoever has its link: charts and plain tables, printable,
    and "submit this project as a case"."""
    benchmark = services.find(token)
    if benchmark is None:
        raise Http404
    result, items = answer_and_peers(benchmark.data, benchmark.vector, benchmark.model, request)
    context = {
        "benchmark": benchmark,
        "data": benchmark.data,
        "described": [(label, value) for label, value in described(benchmark.data) if value],
        "result": result,
        "similar": items[: len(result["similar"])],
        "tables": tables(result),
        "page": BenchmarkPage.objects.live().first(),
        "submit_url": _submit_url(benchmark),
    }
    return _private(render(request, "benchmark/result.html", context))


def _submit_url(benchmark):
    from submissions.models import SubmitCasePage

    page = SubmitCasePage.objects.live().first()
    if page is None:
        return None
    return f"{page.url}?benchmark={benchmark.token}"
