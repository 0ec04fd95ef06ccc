"""Keeping benchmarks: storing one (with its anonymous research record, in one transaction),
finding one by its link, deleting them after KEEP_DAYS."""

import datetime

from django.db import transaction
from django.utils import timezone

from cases.assessment import ASSESSMENT_FIELDS

from .compute import embed
from .models import KEEP_DAYS, Benchmark, BenchmarkRecord


def stored_data(cleaned):
    """The cleaned form data as JSON (the honeypot left out)."""
    return {name: value for name, value in cleaned.items() if name != "fax"}


def create_benchmark(cleaned):
    """Store a benchmark and its research record; the text is embedded first, outside the
    transaction (the model call takes a while)."""
    data = stored_data(cleaned)
    vector, model = embed(data)
    today = timezone.now().date()
    with transaction.atomic():
        benchmark = Benchmark.objects.create(data=data, vector=vector, model=model)
        BenchmarkRecord.objects.create(
            month=today.replace(day=1),
            sdgs=list(data.get("sdgs", [])),
            country=data.get("country") or "",
            scale=data.get("scale") or "",
            status=data.get("status") or "",
            **{name: data.get(name) or "" for name in ASSESSMENT_FIELDS},
        )
    return benchmark


def find(token):
    """The benchmark behind a result link, if it is still kept."""
    if not isinstance(token, str) or len(token) > 64:
        return None
    return Benchmark.objects.filter(token=token, created_at__gte=_cutoff(KEEP_DAYS)).first()


def _cutoff(days):
    return timezone.now() - datetime.timedelta(days=days)


def purge_benchmarks(older_than=KEEP_DAYS):
    """Delete the benchmarks made more than `older_than` days ago; returns how many. Their
    research records (no text) stay."""
    return Benchmark.objects.filter(created_at__lt=_cutoff(older_than)).delete()[0]


def submission_initial(benchmark):
    """The case submission form's starting values from a benchmark ("submit this project as
    a case"): what the visitor described, for them to complete."""
    data = benchmark.data
    initial = {
        "title": data.get("title", ""),
        "summary": " ".join(data.get("description", "").split())[:300],
        "description": data.get("description", ""),
        "city": data.get("city", ""),
        "country": data.get("country", ""),
        "sdgs": data.get("sdgs", []),
        "topics": data.get("topics", []),
        "scale": data.get("scale", ""),
        "status": data.get("status", ""),
        "start_year": data.get("start_year"),
    }
    initial.update({name: data.get(name, "") for name in ASSESSMENT_FIELDS})
    return initial
