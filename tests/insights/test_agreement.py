"""The insight figures count exactly what the pages API counts, for many filter combinations
(hypothesis draws the filters and which cells to compare)."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taxonomy import regions

CODES = sorted(regions.REGIONS) + sorted(regions.SUBREGIONS)
FILTERS = st.fixed_dictionaries(
    {
        "sdg": st.lists(st.sampled_from([2, 3, 6, 7, 11, 13]), max_size=3, unique=True),
        "region": st.lists(st.sampled_from(CODES), max_size=2, unique=True),
        "year_from": st.one_of(st.none(), st.integers(2010, 2021)),
        "span": st.one_of(st.none(), st.integers(0, 8)),
    }
)


def _query(filters):
    items = [("sdg", ",".join(map(str, filters["sdg"]))) if filters["sdg"] else None]
    items.append(("region", ",".join(filters["region"])) if filters["region"] else None)
    if filters["year_from"]:
        items.append(("year_from", filters["year_from"]))
        if filters["span"] is not None:
            items.append(("year_to", filters["year_from"] + filters["span"]))
    return [item for item in items if item]


def _pages_count(client, items):
    query = urlencode([("type", "cases.CasePage"), ("limit", 1), *items])
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 200, response.content
    return response.json()["meta"]["total_count"]


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(filters=FILTERS, picks=st.lists(st.integers(0, 10_000), min_size=3, max_size=3))
def test_figures_agree_with_the_pages_api(client, cases, filters, picks, settings):
    settings.API_ANON_THROTTLE_RATE = "100000/minute"
    items = _query(filters)
    query = urlencode(items)
    total = _pages_count(client, items)
    coverage = client.get(f"/api/v2/insights/coverage/?{query}").json()
    assert coverage["cases"] == total
    timeline = client.get(f"/api/v2/insights/timeline/?{query}").json()
    assert sum(row["count"] for row in timeline["published_per_month"]) == total
    assert (
        sum(row["count"] for row in timeline["by_start_year"]) + timeline["no_start_year"] == total
    )
    countries = client.get(f"/api/v2/insights/countries/?{query}").json()["countries"]
    assert sum(row["count"] for row in countries) == total
    maturity = client.get(f"/api/v2/insights/maturity/?{query}").json()["status"]
    assert sum(row["count"] for row in maturity) == total

    # Single cells: the cell's SDG and region as the pages API's filters, with the years.
    years = [(name, value) for name, value in items if name.startswith("year")]
    cell = coverage["cells"][picks[0] % len(coverage["cells"])]
    expected = _pages_count(client, [("sdg", cell["sdg"]), ("region", cell["region"]), *years])
    assert cell["count"] == expected, cell
    if countries:
        row = countries[picks[1] % len(countries)]
        assert row["count"] == _pages_count(client, [*items, ("country", row["country"])])
    status = maturity[picks[2] % len(maturity)]
    assert status["count"] == _pages_count(client, [*items, ("status", status["status"])])
    if not years:
        for year in timeline["by_start_year"][:2]:
            exact = [("year_from", year["year"]), ("year_to", year["year"])]
            assert year["count"] == _pages_count(client, [*items, *exact])
