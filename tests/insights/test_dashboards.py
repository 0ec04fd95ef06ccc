"""The researchers' dashboards: search analytics from the daily roll-ups (and today's log),
submissions funnel, moderation lead time, survey and "Was this useful?"; CSV per panel;
Researchers and Science editors only; a fixed number of queries whatever the log's size."""

import csv
import datetime
import io

from django.contrib.auth.models import Group
from django.utils import timezone

import pytest

from insights import rollups
from insights.models import QueryDay, SearchDay
from search.models import SearchClick, SearchLog

SEARCH = "/admin/research/search/"
OTHER = "/admin/research/submissions/"


def _member(django_user_model, group):
    user = django_user_model.objects.create_user(group.replace(" ", "").lower(), None, "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def _visitor(client_class, queries, page=None):
    """One visitor's searches through the real search API (and a click on the first result)."""
    visitor = client_class()
    for query in queries:
        body = visitor.get(
            "/api/v2/search/", {"q": query, **({"sdg": 11} if "flood" in query else {})}
        ).json()
        if page and body["results"]:
            visitor.post(
                "/api/v2/search/click/",
                {
                    "page_id": body["results"][0]["id"],
                    "position": 1,
                    "search_id": body["search_id"],
                },
                content_type="application/json",
            )
    return visitor


@pytest.fixture
def searched(client, cases):
    """Six visitors yesterday and one today, searching the way visitors do."""
    for _ in range(6):
        _visitor(client.__class__, ["flood", "flood maps", "zzz nothing"], page=True)
    yesterday = timezone.now() - datetime.timedelta(days=1)
    SearchLog.objects.update(created_at=yesterday)
    SearchClick.objects.update(created_at=yesterday)
    _visitor(client.__class__, ["heat"])
    return yesterday.date()


def _csv(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.mark.django_db
@pytest.mark.parametrize("group", ["Researchers", "Science editors"])
def test_search_dashboard_from_rollups(
    client, searched, django_user_model, group, django_capture_on_commit_callbacks
):
    client.force_login(_member(django_user_model, group))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(SEARCH)
    assert response.status_code == 200
    assert SearchDay.objects.get(day=searched).searches == 18  # rolled up by the task
    html = response.content.decode()
    for title in (
        "Searches per day",
        "Top queries",
        "Queries that found nothing",
        "Refinements",
        "Click-through rate by result position",
        "Filters used",
        "% of searches with filters",
    ):
        assert title in html, title

    top = _csv(client.get(SEARCH, {"export": "top-queries"}))
    assert top[0] == ["Query", "Searches", "Sessions", "Found nothing"]
    assert ["flood", "6", "6", "0"] in top
    assert not [row for row in top if row[0] == "heat"]  # one session: hidden
    zero = _csv(client.get(SEARCH, {"export": "zero-result-queries"}))
    assert zero[1][:2] == ["zzz nothing", "6"]
    pairs = _csv(client.get(SEARCH, {"export": "refinements"}))
    assert ["flood", "flood maps", "6", "6"] in pairs
    ctr = _csv(client.get(SEARCH, {"export": "click-through"}))
    assert ctr[1][0] == "1" and int(ctr[1][2]) == 12  # two clicked searches per visitor
    facets = _csv(client.get(SEARCH, {"export": "facet-usage"}))
    assert ["sdg", "11", "12"] in facets
    days = _csv(client.get(SEARCH, {"export": "searches-per-day"}))
    by_day = {row[0]: row for row in days[1:]}
    assert by_day[searched.isoformat()][1:4] == ["18", "6", "6"]
    assert by_day[timezone.now().date().isoformat()][1] == "1"  # today, live from the log


@pytest.mark.django_db
def test_dashboards_are_for_researchers_only(client, searched, django_user_model):
    client.force_login(_member(django_user_model, "Moderators"))
    assert client.get(SEARCH).status_code in (302, 403)
    assert client.get(OTHER, {"export": "survey"}).status_code in (302, 403)
    client.logout()
    assert client.get(SEARCH).status_code == 302


@pytest.mark.django_db
def test_bad_dates_say_which_field(client, searched, django_user_model):
    client.force_login(_member(django_user_model, "Researchers"))
    response = client.get(SEARCH, {"from": "2026-13-01", "to": "2026-01-01"})
    assert response.status_code == 400
    assert 'id="period-from-error"' in response.content.decode()
    response = client.get(SEARCH, {"from": "2026-02-01", "to": "2026-01-01"})
    assert response.status_code == 400 and 'id="period-to-error"' in response.content.decode()


@pytest.mark.django_db
def test_panels_cost_the_same_queries_however_long_the_log(
    client, searched, django_user_model, django_assert_max_num_queries
):
    rollups.refresh()
    client.force_login(_member(django_user_model, "Researchers"))
    with django_assert_max_num_queries(40) as few:
        client.get(SEARCH, {"from": "2020-01-01"})
    # Thirty more days of searches add roll-up rows, not queries.
    for day in range(2, 32):
        rollups.save(rollups.summarise(timezone.now().date() - datetime.timedelta(days=day)))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(SEARCH, {"from": "2020-01-01"})
    assert QueryDay.objects.filter(day=searched).count() == 3


@pytest.mark.django_db
def test_submissions_funnel_and_lead_time(client, django_user_model, cases):
    from submissions.models import Submission, SubmissionStatusLog

    now = timezone.now()
    for n, (status, days) in enumerate(
        [
            ("approved", 2),
            ("approved", 4),
            ("rejected", 9),
            ("changes_requested", None),
            (None, None),
        ]
    ):
        submission = Submission.objects.create(
            title=f"S{n}", submitter_name="Zebulon Private", submitter_email="z@example.org"
        )
        submission.log.create(status="received")
        if status:
            step = SubmissionStatusLog.objects.create(submission=submission, status=status)
            if days:
                SubmissionStatusLog.objects.filter(pk=step.pk).update(
                    at=submission.created_at + datetime.timedelta(days=days)
                )
    client.force_login(_member(django_user_model, "Science editors"))
    html = client.get(OTHER).content.decode()
    assert "Zebulon" not in html
    funnel = _csv(client.get(OTHER, {"export": "submissions-funnel"}))
    assert funnel[1][:2] == ["Received", "5"] and funnel[3][:2] == ["Approved and published", "2"]
    assert ["Still under review", "2", "40.0"] in funnel
    lead = _csv(client.get(OTHER, {"export": "moderation-lead-time"}))
    assert lead[1] == ["Any decision", "3", "4.0"] and lead[2] == ["Approved", "2", "3.0"]
    assert now.date().isoformat() in client.get(OTHER, {"export": "survey"})["Content-Disposition"]


@pytest.mark.django_db
def test_a_pair_reaching_five_sessions_only_with_today_is_shown(client, cases, django_user_model):
    for _ in range(3):
        _visitor(client.__class__, ["flood", "flood maps"])
    SearchLog.objects.update(created_at=timezone.now() - datetime.timedelta(days=1))
    rollups.refresh()
    for _ in range(2):
        _visitor(client.__class__, ["flood", "flood maps"])
    client.force_login(_member(django_user_model, "Researchers"))
    pairs = _csv(client.get(SEARCH, {"export": "refinements"}))
    assert ["flood", "flood maps", "5", "5"] in pairs
