"""`POST /api/v2/search/click/` keeps what it says it kept: a number too large for the click
log is refused with 400 naming it, never answered "recorded" and then lost (issue 12 #14)."""

import pytest

from search.models import SearchClick

CLICKS = "/api/v2/search/click/"
INT32_MAX = 2**31 - 1


def _click(client, **fields):
    return client.post(CLICKS, fields, content_type="application/json")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("position", INT32_MAX + 1),
        ("position", 2**63),
        ("position", 10**40),
        ("page_id", 2**63),
        ("search_id", 2**64),
    ],
)
def test_a_number_too_large_to_keep_is_refused_naming_it(client, case_factory, field, value):
    case = case_factory(title="Green roofs")
    response = _click(client, **{"page_id": case.pk, "position": 1, field: value})
    assert response.status_code == 400
    assert response.json()["parameter"] == field
    assert response.json()["message"].startswith(f"{field}: ")
    assert not SearchClick.objects.exists()


@pytest.mark.django_db
def test_the_largest_position_is_recorded(client, case_factory):
    case = case_factory(title="Green roofs")
    response = _click(client, page_id=case.pk, position=INT32_MAX)
    assert response.status_code == 201
    assert response.json() == {"recorded": True}
    assert SearchClick.objects.get().position == INT32_MAX
