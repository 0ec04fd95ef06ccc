"""The research commands: the daily roll-up, and the dashboards benchmark at a small size."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

import pytest

from insights.models import QueryDay, SearchDay
from search.models import SearchLog


@pytest.mark.django_db
def test_rollup_search_logs_rolls_up_finished_days_once(client, cases):
    client.get("/api/v2/search/", {"q": "flood"})
    client.get("/api/v2/search/", {"q": "flood"})
    SearchLog.objects.update(created_at=timezone.now() - datetime.timedelta(days=2))
    client.get("/api/v2/search/", {"q": "today"})
    out = io.StringIO()
    call_command("rollup_search_logs", stdout=out)
    assert "Rolled up 2 day(s)" in out.getvalue()  # two days ago and yesterday (empty)
    assert (
        SearchDay.objects.get(day=timezone.now().date() - datetime.timedelta(days=2)).searches == 2
    )
    assert not SearchDay.objects.filter(day=timezone.now().date()).exists()  # today is not over
    assert QueryDay.objects.get().query == "flood"
    call_command("rollup_search_logs", stdout=out)
    assert "Rolled up 0 day(s)" in out.getvalue()


@pytest.mark.django_db
def test_bench_insights_runs_and_writes_its_table(tmp_path):
    out = tmp_path / "bench.md"
    call_command("bench_insights", rows=400, days=3, rounds=1, out=str(out), stdout=io.StringIO())
    text = out.read_text()
    assert "400 searches" in text and "| top queries |" in text and "baseline" in text
    assert SearchLog.objects.count() == 400
