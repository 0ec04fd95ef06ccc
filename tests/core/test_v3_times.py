"""The v3 revisions listing's date-time filters: any RFC 3339 offset, which PostgreSQL alone
would refuse beyond ±15:59 (a server error), is read as the same instant in UTC."""

from wagtail.models import APIToken, Page

import pytest


@pytest.mark.django_db
def test_a_far_offset_in_the_revisions_filter_is_the_same_instant(client, django_user_model):
    user = django_user_model.objects.create_superuser("partner", "partner@example.org", "pw")
    _, token = APIToken.create_token(user=user, name="portal")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    page = Page.objects.filter(depth=2).first()
    revision = page.specific.save_revision(user=user)
    url = f"/api/v3/pages/{page.pk}/revisions/"
    far = client.get(url, {"created_at_from": "2000-01-01T19:09:00+19:09"}, **auth)
    assert far.status_code == 200, far.content
    same = client.get(url, {"created_at_from": "2000-01-01T00:00:00Z"}, **auth)
    assert far.json() == same.json()
    # The revision made just now is after that instant, so it is listed.
    assert [item["id"] for item in far.json()["items"]] == [revision.pk]
    later = client.get(url, {"created_at_from": "2999-01-01T19:09:00+19:09"}, **auth)
    assert later.status_code == 200
    assert later.json()["items"] == []


@pytest.mark.django_db
def test_an_offset_past_the_first_year_is_the_earliest_time(client, django_user_model):
    user = django_user_model.objects.create_superuser("partner", "partner@example.org", "pw")
    _, token = APIToken.create_token(user=user, name="portal")
    page = Page.objects.filter(depth=2).first()
    revision = page.specific.save_revision(user=user)
    response = client.get(
        f"/api/v3/pages/{page.pk}/revisions/",
        {"created_at_from": "0001-01-01T00:00:00+20:18"},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 200, response.content
    # Before the first year in UTC: from the earliest time, so the revision is listed.
    assert [item["id"] for item in response.json()["items"]] == [revision.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["203", "1700000000", "yesterday"])
def test_a_value_that_is_not_a_date_time_is_refused_naming_the_filter(
    client, django_user_model, value
):
    # Wagtail's filters would read a bare number as seconds since 1970; the description
    # promises a date-time.
    user = django_user_model.objects.create_superuser("partner", "partner@example.org", "pw")
    _, token = APIToken.create_token(user=user, name="portal")
    page = Page.objects.filter(depth=2).first()
    response = client.get(
        f"/api/v3/pages/{page.pk}/revisions/",
        {"approved_go_live_at_to": value},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 400, response.content
    assert "approved_go_live_at_to" in response.content.decode()
