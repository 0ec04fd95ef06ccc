"""Search logs for research: what is kept, what never is, and clicks from results."""

import datetime

from django.db import connection

import pytest

from search import searchlog
from search.models import SearchClick, SearchLog


@pytest.fixture
def case(search_index, case_factory):
    page = case_factory(title="Green roofs", summary="Roofs with plants.", sdgs=[13])
    search_index.refresh()
    return page


@pytest.mark.django_db
def test_every_search_is_logged_without_personal_data(client, case):
    client.get(
        "/api/v2/search/?q=%20Green%20%20ROOFS&sdg=13&page=1",
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="Mozilla/5.0 Secret",
    )
    client.get("/search/?q=roofs")
    first, second = SearchLog.objects.order_by("pk")
    assert (first.query, first.filters, first.result_count, first.page) == (
        "green roofs",
        {"sdg": [13]},
        1,
        1,
    )
    assert (first.source, second.source) == ("api", "page")
    assert first.duration_ms >= 0
    # The same browser on the same day: one anonymous session.
    assert first.session == second.session
    assert len(first.session) == 64
    columns = {
        column.name
        for column in connection.introspection.get_table_description(
            connection.cursor(), SearchLog._meta.db_table
        )
    }
    assert not {"ip", "ip_address", "user_agent", "remote_addr"} & columns
    stored = " ".join(str(value) for value in SearchLog.objects.values_list())
    assert "203.0.113.9" not in stored and "Secret" not in stored


@pytest.mark.django_db
def test_the_session_hash_rotates_daily(rf):
    request = rf.get("/search/")
    request.COOKIES[searchlog.COOKIE_NAME] = "a" * 22
    today = searchlog.session_hash(request, datetime.date(2026, 1, 1))
    assert today == searchlog.session_hash(request, datetime.date(2026, 1, 1))
    assert today != searchlog.session_hash(request, datetime.date(2026, 1, 2))


@pytest.mark.django_db
def test_a_failing_log_never_breaks_the_search(client, case):
    # The log tables are gone (say, a migration is half-way): the search still answers.
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {SearchClick._meta.db_table}")
        cursor.execute(f"DROP TABLE {SearchLog._meta.db_table}")
    response = client.get("/api/v2/search/?q=roofs")
    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert response.json()["search_id"] is None


@pytest.mark.django_db
def test_clicks_from_the_search_page_are_logged(client, case):
    html = client.get("/search/?q=roofs").content.decode()
    log = SearchLog.objects.get()
    link = f"/search/go/{case.pk}/?position=1&amp;search={log.pk}"
    assert link in html
    response = client.get(link.replace("&amp;", "&"))
    assert response.status_code == 302
    assert response["Location"].endswith(case.url)
    click = SearchClick.objects.get()
    assert (click.page_id, click.position, click.search_id) == (case.pk, 1, log.pk)
    assert click.session == log.session


@pytest.mark.django_db
def test_clicks_reported_through_the_api(client, case, case_factory):
    search_id = client.get("/api/v2/search/?q=roofs").json()["search_id"]
    response = client.post(
        "/api/v2/search/click/",
        {"page_id": case.pk, "position": 1, "search_id": search_id},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert SearchClick.objects.get().search_id == search_id
    bad = client.post(
        "/api/v2/search/click/",
        {"page_id": case.pk, "position": 0},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["parameter"] == "position"
    draft = case_factory(title="Draft", live=False)
    bad = client.post(
        "/api/v2/search/click/",
        {"page_id": draft.pk, "position": 1},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["parameter"] == "page_id"


@pytest.mark.django_db
def test_no_click_redirect_to_unpublished_pages(client, case_factory, search_index):
    draft = case_factory(title="Draft", live=False)
    assert client.get(f"/search/go/{draft.pk}/?position=1").status_code == 404
    assert not SearchClick.objects.exists()
