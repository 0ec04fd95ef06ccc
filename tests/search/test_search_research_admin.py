"""Researchers read and export the anonymous search logs in the admin; nobody edits them."""

import csv
import io

from django.contrib.auth.models import Group

import pytest

from search.models import SearchClick, SearchLog

SEARCHES = "/admin/search/searchlog/"
CLICKS = "/admin/search/searchclick/"


def _csv(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def _member(django_user_model, group):
    user = django_user_model.objects.create_user(group.lower().replace(" ", "-"), None, "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def logged(client, search_index, case_factory):
    """Two searches and a click, made the way visitors make them."""
    page = case_factory(title="Cool roofs", summary="White roofs against heat.", sdgs=[13])
    search_index.refresh()
    client.get("/api/v2/search/?q=Cool+Roofs&sdg=13", REMOTE_ADDR="203.0.113.9")
    client.get("/api/v2/search/?q=heat")
    search = SearchLog.objects.get(query="cool roofs")
    response = client.post(
        "/api/v2/search/click/",
        {"page_id": page.pk, "position": 1, "search_id": search.pk},
        content_type="application/json",
    )
    assert response.status_code == 201
    client.logout()
    return page


@pytest.mark.django_db
@pytest.mark.parametrize("group", ["Researchers", "Science editors"])
def test_researchers_list_filter_and_export_searches(client, django_user_model, logged, group):
    client.force_login(_member(django_user_model, group))
    html = client.get(SEARCHES).content.decode()
    assert "cool roofs" in html and "heat" in html
    found = client.get(SEARCHES, {"q": "heat"}).content.decode()
    assert "heat" in found and "cool roofs" not in found

    rows = _csv(client.get(SEARCHES, {"export": "csv"}))
    assert {row["Query"] for row in rows} == {"cool roofs", "heat"}
    row = next(row for row in rows if row["Query"] == "cool roofs")
    assert row["Result Count"] == "1" and "13" in row["Filters"]
    assert len(row["Session"]) == 64  # the daily hash, never an address
    assert "203.0.113.9" not in str(rows)

    clicks = _csv(client.get(CLICKS, {"export": "csv"}))
    assert [(row["Page Id"], row["Position"]) for row in clicks] == [(str(logged.pk), "1")]


@pytest.mark.django_db
def test_search_logs_are_read_only_and_not_for_everyone(client, django_user_model, logged):
    researcher = _member(django_user_model, "Researchers")
    client.force_login(researcher)
    assert client.get(SEARCHES + "create/").status_code in (302, 403)
    log = SearchLog.objects.first()
    assert client.post(SEARCHES + f"delete/{log.pk}/").status_code in (302, 403)
    assert SearchLog.objects.count() == 2

    client.force_login(_member(django_user_model, "Moderators"))
    response = client.get(SEARCHES)
    assert response.status_code in (302, 403)
    assert b"cool roofs" not in response.content
    assert SearchClick.objects.count() == 1


@pytest.mark.django_db
def test_the_search_list_shows_filters_readably(client, django_user_model):
    SearchLog.objects.create(
        session="s" * 64,
        source="page",
        query="mobility",
        filters={"sdg": [7, 11], "topic": ["public-transport"], "year_from": 2015},
        order="relevance",
        page=1,
        result_count=3,
        duration_ms=4.2,
    )
    client.force_login(_member(django_user_model, "Researchers"))
    html = client.get(SEARCHES).content.decode()
    assert "SDG: 7, 11 · Topic: public-transport · From: 2015" in html
    assert "&quot;sdg&quot;" not in html and '{"sdg"' not in html
