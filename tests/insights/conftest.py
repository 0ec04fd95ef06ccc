import pytest

from tests.factories import CasePageFactory

# (title, country, sdgs, start year, status, actor sectors): cases on four continents.
CASES = [
    ("Nairobi health workers", "KE", [3, 11], 2015, "running", ["government", "ngo"]),
    ("Lagos flood maps", "NG", [11, 13], 2019, "pilot", ["academia"]),
    ("Cairo rooftop farms", "EG", [2], 2021, "idea", []),
    ("Lima water kiosks", "PE", [6, 11], 2012, "scaled_up", ["private", "government"]),
    ("Quito bike lanes", "EC", [11], None, "completed", ["civil_society"]),
    ("Hanoi heat plan", "VN", [13], 2018, "running", ["government"]),
    ("Utrecht solar roofs", "NL", [7, 11], 2020, "running", ["private"]),
]


@pytest.fixture
def cases(db):
    made = {}
    for title, country, sdgs, year, status, sectors in CASES:
        made[title] = CasePageFactory(
            title=title,
            country=country,
            sdgs=sdgs,
            start_year=year,
            status=status,
            actors=[{"organisation": f"{title} {s}", "sector": s, "role": ""} for s in sectors],
        )
    CasePageFactory(title="Draft in Accra", country="GH", sdgs=[1], live=False)
    return made
