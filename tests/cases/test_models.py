from django.core.exceptions import ValidationError

import pytest

from cases.models import CaseIndexPage, CasePage

# Set when the page is added to the tree, not by the editor.
TREE_FIELDS = ["path", "depth"]


def _case(**fields):
    values = {
        "title": "Bus rapid transit corridor",
        "slug": "brt",
        "summary": "A dedicated bus corridor across the city.",
        "city": "Bogotá",
        "country": "CO",
        "latitude": 4.60971,
        "longitude": -74.08175,
    }
    values.update(fields)
    return CasePage(**values)


def _errors(page):
    with pytest.raises(ValidationError) as caught:
        page.full_clean(exclude=TREE_FIELDS)
    return caught.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize("latitude", [-90.5, 91, 1000])
def test_latitude_outside_range_is_refused_on_the_latitude_field(latitude):
    errors = _errors(_case(latitude=latitude))
    assert list(errors) == ["latitude"]
    assert "90" in errors["latitude"][0]


@pytest.mark.django_db
def test_longitude_outside_range_is_refused():
    assert "longitude" in _errors(_case(longitude=-181))


@pytest.mark.django_db
def test_latitude_without_longitude_is_refused():
    errors = _errors(_case(longitude=None))
    assert errors["longitude"] == ["Give both latitude and longitude, or neither."]


@pytest.mark.django_db
def test_end_year_before_start_year_is_refused():
    errors = _errors(_case(start_year=2020, end_year=2018))
    assert errors["end_year"] == ["The end year cannot be before the start year."]


@pytest.mark.django_db
def test_same_start_and_end_year_is_fine():
    _case(start_year=2020, end_year=2020).full_clean(exclude=TREE_FIELDS)


@pytest.mark.django_db
def test_summary_over_300_characters_is_refused():
    errors = _errors(_case(summary="x" * 301))
    assert "at most 300 characters" in errors["summary"][0]


@pytest.mark.django_db
def test_unknown_country_is_refused():
    assert "country" in _errors(_case(country="XX"))


@pytest.mark.django_db
def test_region_and_subregion_follow_the_country(case_factory):
    page = case_factory(country="KE", city="Nairobi")
    assert (page.region, page.subregion) == ("002", "014")
    page.country = "BR"
    page.save()
    page.refresh_from_db()
    assert (page.region, page.subregion) == ("019", "005")


@pytest.mark.django_db
def test_cases_only_live_under_the_case_index():
    assert CasePage.allowed_parent_page_models() == [CaseIndexPage]
    assert CasePage.allowed_subpage_models() == []
