"""Events in the API: `/api/v2/pages/` with the event fields and the filters `event_type`,
`starts_after` and `starts_before` (bad values answer 400 naming the parameter), a listing
whose query count does not grow with `limit`, and the events' map layer."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.events.dates import in_days

PAGES = "/api/v2/pages/?type=events.EventPage&fields=*"


def _titles(client, query=""):
    response = client.get(f"{PAGES}&limit=100{query}")
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


@pytest.fixture
def programme(event_factory, case_factory, article_factory, partner_factory):
    case = case_factory(title="Cool roofs in Athens")
    draft_case = case_factory(title="Draft case", live=False)
    article = article_factory(title="Heat and health")
    organiser = partner_factory(name="Cities Learning Together")
    hidden = partner_factory(name="Draft partner", live=False)
    workshop = event_factory(
        title="Heat workshop",
        start=in_days(10, 8),
        end=in_days(10, 15),
        organisers=[organiser, hidden],
        related_cases=[case, draft_case],
        related_articles=[article],
        languages=["en", "el"],
        sdgs=[3, 13],
    )
    event_factory(
        title="Webinar",
        event_type="webinar",
        in_person=False,
        online=True,
        city="",
        country="",
        latitude=None,
        longitude=None,
        join_url="https://meet.example.org/w",
        start=in_days(20, 14),
        end=in_days(20, 15),
    )
    event_factory(
        title="Past conference", event_type="conference", start=in_days(-30), end=in_days(-29)
    )
    return workshop


@pytest.mark.django_db
def test_an_event_in_the_pages_api(client, programme):
    item = client.get(f"/api/v2/pages/{programme.pk}/").json()
    assert item["event_type"] == "workshop"
    assert item["start"] == in_days(10, 8).isoformat().replace("+00:00", "Z")
    assert item["time_zone"] == "Europe/Amsterdam"
    # 08:00 UTC in Amsterdam, with the offset of that day (+01:00 in winter, +02:00 in summer).
    local = datetime.datetime.fromisoformat(item["local_times"]["start"])
    assert local.hour in (9, 10) and local.astimezone(datetime.UTC) == in_days(10, 8)
    assert item["country"] == {"code": "NL", "name": "Netherlands"}
    assert item["region"]["code"] == "150"
    assert item["location"] == {"lat": 52.3676, "lon": 4.9041}
    assert [o["name"] for o in item["organisers"]] == ["Cities Learning Together"]
    assert "contact" not in str(item["organisers"])
    assert [c["title"] for c in item["related_cases"]] == ["Cool roofs in Athens"]
    assert [a["title"] for a in item["related_articles"]] == ["Heat and health"]
    assert item["languages"] == [{"code": "en", "name": "English"}, {"code": "el", "name": "Greek"}]
    assert [s["number"] for s in item["sdgs"]] == [3, 13]


@pytest.mark.django_db
def test_event_filters(client, programme):
    soon, year = in_days(15), in_days(20).year
    cases = {
        "": {"Heat workshop", "Webinar", "Past conference"},
        "&event_type=webinar": {"Webinar"},
        "&event_type=webinar,conference": {"Webinar", "Past conference"},
        f"&starts_after={soon:%Y-%m-%d}": {"Webinar"},
        f"&starts_before={soon:%Y-%m-%d}": {"Heat workshop", "Past conference"},
        f"&starts_after={datetime.date.today()}&starts_before={soon:%Y-%m-%d}": {"Heat workshop"},
        # A moment with an offset: 10:00+02:00 is 08:00 UTC, the workshop's start (included).
        "&starts_after="
        + (in_days(10, 8).astimezone(datetime.timezone(datetime.timedelta(hours=2))))
        .isoformat()
        .replace("+", "%2B"): {"Heat workshop", "Webinar"},
        f"&starts_after={in_days(10, 8):%Y-%m-%dT%H:%M:%S}Z": {"Heat workshop", "Webinar"},
        f"&starts_after={in_days(10, 8, 1):%Y-%m-%dT%H:%M:%S}": {"Webinar"},
        "&sdg=13": {"Heat workshop"},
        "&region=150": {"Heat workshop", "Past conference"},
        # Events are dated by the year they take place.
        f"&year_from={year}&year_to={year}": {
            title
            for title, days in [("Heat workshop", 10), ("Webinar", 20), ("Past conference", -30)]
            if in_days(days).year == year
        },
    }
    for query, expected in cases.items():
        assert _titles(client, query) == expected, query
    # Without `type`, the event filters list events only.
    response = client.get("/api/v2/pages/?event_type=webinar")
    assert [item["title"] for item in response.json()["items"]] == ["Webinar"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("event_type=party", "event_type"),
        ("starts_after=tomorrow", "starts_after"),
        ("starts_after=2026-02-30", "starts_after"),
        ("starts_before=2026-13-01T00:00:00Z", "starts_before"),
        ("starts_before=9999-01-01", "starts_before"),
        # Empty is not "any": it answers 400 too, as every other filter of the API does.
        ("starts_after=", "starts_after"),
        ("starts_before=", "starts_before"),
        ("event_type=", "event_type"),
        ("document_type=", "document_type"),
        ("has_video=", "has_video"),
        ("has_video=yes", "has_video"),
    ],
)
def test_bad_event_filters_answer_400_naming_the_parameter(client, programme, query, parameter):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400
    assert response.json()["message"].startswith(f"{parameter}:")


@pytest.mark.django_db
def test_the_event_listing_costs_the_same_queries_whatever_its_limit(
    client, event_factory, partner_factory, case_factory, article_factory
):
    partners, case, article = (
        [partner_factory(), partner_factory()],
        case_factory(),
        article_factory(),
    )
    for day in range(8):
        event_factory(
            start=in_days(day + 1),
            end=in_days(day + 1, 12),
            organisers=partners,
            related_cases=[case],
            related_articles=[article],
            topics=["health", "mobility"],
            sdgs=[3, 11],
        )
    counts = []
    for limit in (1, 4, 8):
        cache.clear()  # the answer itself is cached: measure building it
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"{PAGES}&limit={limit}")
        assert len(response.json()["items"]) == limit
        counts.append(len(captured))
    assert counts[0] == counts[1] == counts[2], counts


@pytest.mark.django_db
def test_events_map_layer(client, programme):
    response = client.get("/api/v2/map/events/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    features = response.json()["features"]
    # Upcoming events in person with coordinates only: the webinar is online, the conference past.
    assert [f["properties"]["title"] for f in features] == ["Heat workshop"]
    feature = features[0]
    assert feature["geometry"]["coordinates"] == [4.9041, 52.3676]
    assert feature["properties"]["sdgs"] == [3, 13]
    assert feature["properties"]["url"].endswith(programme.url)
    assert feature["properties"]["time_zone"] == "Europe/Amsterdam"
    past = client.get("/api/v2/map/events/?when=past").json()["features"]
    assert [f["properties"]["title"] for f in past] == ["Past conference"]
    assert len(client.get("/api/v2/map/events/?when=all").json()["features"]) == 2
    assert client.get("/api/v2/map/events/?sdg=1").json()["features"] == []
    for query, parameter in [("when=later", "when"), ("sdg=0", "sdg"), ("region=x", "region")]:
        response = client.get(f"/api/v2/map/events/?{query}")
        assert response.status_code == 400
        assert response.json()["message"].startswith(f"{parameter}:")
