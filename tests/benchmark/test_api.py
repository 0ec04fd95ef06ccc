"""`POST /api/v2/benchmark/` with meaning off (the structured fallback): the issue's answer
shape, peers that are live public cases only, the comparison and what the peers learned, and
what is (and is not) kept."""

import datetime

from django.utils import timezone

import pytest

from benchmark.models import Benchmark, BenchmarkRecord

from .conftest import payload

pytestmark = pytest.mark.django_db

ANSWER_KEYS = {
    "token",
    "result_url",
    "similar",
    "peers",
    "comparison",
    "lessons",
    "barriers",
    "facilitating_conditions",
}
SIMILAR_KEYS = {"id", "title", "url", "api_url", "city", "country", "sdgs", "score", "reasons"}


def test_the_answer_has_the_issues_shape_and_only_live_public_peers(post, peers):
    response = post()
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == ANSWER_KEYS
    assert body["peers"] == {"count": 6, "basis": "structure"}
    titles = [item["title"] for item in body["similar"]]
    assert sorted(titles) == sorted(page.title for page in peers)
    for item in body["similar"]:
        assert set(item) == SIMILAR_KEYS
        assert "shared SDG 11" in item["reasons"]
        assert "same country" in item["reasons"]
    assert body["result_url"].endswith(f"/benchmark/result/{body['token']}/")
    assert "SECRET" not in response.content.decode()


def test_the_comparison_counts_the_peers_answers_next_to_the_projects(post, peers):
    comparison = post().json()["comparison"]
    assert comparison["status"] == {
        "you": "pilot",
        "peers": {"idea": 0, "pilot": 0, "running": 3, "scaled_up": 0, "completed": 3},
    }
    this_year = timezone.now().year
    # Peers started 2010-2015; the even ones ended in 2020, the odd ones still run.
    durations = sorted([10, 2020 - 2012, 2020 - 2014] + [this_year - y for y in (2011, 2013, 2015)])
    assert comparison["duration"] == {
        "you": this_year - 2021,
        "peers_median": (durations[2] + durations[3]) / 2,
    }
    assert comparison["sectors"]["you"] == ["civil_society", "private"]
    assert comparison["sectors"]["peers"]["civil_society"] == 6
    assert comparison["sectors"]["peers"]["private"] == 0
    assert comparison["sdgs"] == {"you": [2, 11], "peers": {"11": 6}}
    assert comparison["assessment"]["evidence"] == {
        "you": "anecdotal",
        "peers": {"none": 0, "anecdotal": 0, "monitored": 4, "evaluated": 2},
    }
    assert comparison["assessment"]["participation"]["peers"]["co_designed"] == 6
    assert comparison["assessment"]["funding"] == {
        "you": "one_off",
        "peers": {"one_off": 0, "multi_year": 0, "structural": 0},
    }
    assert set(comparison["assessment"]) == {
        "evidence",
        "participation",
        "funding",
        "documentation",
        "transfer",
    }


def test_lessons_barriers_and_conditions_are_the_peers_own_each_linked_to_its_case(post, peers):
    body = post().json()
    assert sorted(item["text"] for item in body["lessons"]) == [
        f"Lesson of garden {n}." for n in range(6)
    ]
    assert sorted(item["text"] for item in body["barriers"]) == [
        f"Barrier of garden {n}." for n in range(3)
    ]
    assert [item["text"] for item in body["facilitating_conditions"]] == ["A supportive council."]
    by_title = {page.title: page for page in peers}
    for item in body["lessons"]:
        page = by_title[item["case"]["title"]]
        assert item["case"]["id"] == page.pk
        assert item["case"]["url"].endswith(page.url)


def test_without_any_similar_case_the_answer_is_empty_not_an_error(post, case_factory):
    case_factory(title="Elsewhere", sdgs=(3,), country="KE", scale="city")
    body = post(topics=[], sdgs=[14]).json()
    assert body["similar"] == []
    assert body["peers"] == {"count": 0, "basis": "structure"}
    assert body["comparison"]["duration"]["peers_median"] is None
    assert body["lessons"] == body["barriers"] == body["facilitating_conditions"] == []


def test_a_benchmark_is_kept_with_an_anonymous_research_record_that_holds_no_text(post, peers):
    body = post().json()
    benchmark = Benchmark.objects.get(token=body["token"])
    assert benchmark.data["title"] == payload()["title"]
    record = BenchmarkRecord.objects.get()
    assert record.sdgs == [2, 11]
    assert (record.country, record.scale, record.status) == ("NL", "neighbourhood", "pilot")
    assert record.evidence == "anecdotal" and record.transfer == "none"
    assert record.month == timezone.now().date().replace(day=1)
    kept = " ".join(str(getattr(record, f.attname)) for f in BenchmarkRecord._meta.fields)
    for text in (payload()["title"], payload()["description"], "Rotterdam", "2021"):
        assert text not in kept


def test_the_answer_is_worked_out_in_a_fixed_number_of_queries(
    post, peers, case_factory, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40) as few:
        post()
    for n in range(6):
        case_factory(title=f"More gardens {n}", sdgs=(11,), country="NL")
    with django_assert_max_num_queries(len(few.captured_queries)):
        post()


def test_an_unpublished_case_leaves_the_result_page_of_an_earlier_benchmark(client, post, peers):
    body = post().json()
    peers[0].unpublish()
    html = client.get(body["result_url"]).content.decode()
    assert peers[0].title not in html
    assert peers[1].title in html


def test_the_result_page_shows_the_benchmark_to_whoever_has_the_link_privately(client, post, peers):
    body = post().json()
    response = client.get(body["result_url"])
    assert response.status_code == 200
    html = response.content.decode()
    assert payload()["title"] in html
    assert "Community garden 0" in html
    assert "Lesson of garden 3." in html
    assert "<table" in html and "<meter" in html
    assert "SECRET" not in html
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response["X-Robots-Tag"]
    assert client.get("/benchmark/result/not-a-token/").status_code == 404


def test_text_from_the_visitor_is_shown_as_text(client, post, peers):
    body = post(title="<script>alert(1)</script> gardens").json()
    html = client.get(body["result_url"]).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; gardens" in html


def test_benchmarks_older_than_30_days_are_gone_and_purged_records_stay(client, post, peers):
    from django.core.management import call_command

    old, recent = post().json(), post().json()
    Benchmark.objects.filter(token=old["token"]).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    assert client.get(old["result_url"]).status_code == 404
    assert client.get(recent["result_url"]).status_code == 200
    call_command("purge_benchmarks")
    assert list(Benchmark.objects.values_list("token", flat=True)) == [recent["token"]]
    assert BenchmarkRecord.objects.count() == 2


def test_the_benchmark_never_reaches_search_or_the_pages_api(client, post, peers):
    post(title="Zyxwvut gardens", description="Zyxwvut: a phrase nobody else writes.")
    assert client.get("/api/v2/search/?q=Zyxwvut").json()["results"] == []
    assert client.get("/api/v2/pages/?search=Zyxwvut").json()["items"] == []
    for url in ("/search/?q=Zyxwvut", "/api/v2/export/cases.json", "/sitemap.xml"):
        assert "a phrase nobody else writes" not in client.get(url).content.decode(), url
