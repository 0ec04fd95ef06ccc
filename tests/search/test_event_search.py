"""Events in the one search service: found by their words, `type=event` in the type facet and
filter, their own result line, and drafts never found; on whichever backend is configured."""

import pytest

from tests.events.dates import in_days


@pytest.fixture
def corpus(search_index, case_factory, event_factory):
    case_factory(title="Cooling schoolyards", summary="Shade and trees for schoolyards.")
    event_factory(
        title="Cooling cities workshop",
        summary="City officers compare how they cool schoolyards.",
        city="Athens",
        country="GR",
        start=in_days(12, 7),
        end=in_days(12, 15),
    )
    event_factory(
        title="Cooling webinar",
        summary="An online hour on schoolyards.",
        event_type="webinar",
        in_person=False,
        online=True,
        city="",
        country="",
        latitude=None,
        longitude=None,
    )
    event_factory(title="SECRETDRAFT cooling event", summary="schoolyards", live=False)
    search_index.refresh()


@pytest.mark.django_db
def test_events_are_found_and_counted_in_the_type_facet(client, corpus):
    body = client.get("/api/v2/search/?q=schoolyards").json()
    assert body["count"] == 3
    types = {item["value"]: item for item in body["facets"]["type"]}
    assert types["event"]["count"] == 2 and types["event"]["label"] == "Event"
    assert types["case"]["count"] == 1
    events = client.get("/api/v2/search/?q=schoolyards&type=event").json()
    assert {item["title"] for item in events["results"]} == {
        "Cooling cities workshop",
        "Cooling webinar",
    }
    workshop = next(i for i in events["results"] if i["title"] == "Cooling cities workshop")
    assert workshop["type"] == "event"
    assert workshop["country"] == {"code": "GR", "name": "Greece"}
    assert workshop["city"] == "Athens"
    assert workshop["starts_at"].startswith(f"{in_days(12):%Y-%m-%d}T07:00:00")
    assert "SECRETDRAFT" not in str(body) + str(events)


@pytest.mark.django_db
def test_the_search_page_labels_events(client, corpus):
    html = client.get("/search/?q=schoolyards&type=event").content.decode()
    assert "Event · Athens, Greece" in html
    assert "Event · Online" in html
    assert 'name="type" value="event" checked' in html


@pytest.mark.django_db
def test_an_unknown_type_names_the_registered_ones(client, corpus):
    response = client.get("/api/v2/search/?type=party")
    assert response.status_code == 400
    # The input guard answers from the OpenAPI description, which lists the registered types.
    message = response.json()["message"]
    assert message.startswith("type: 'party' does not fit")
    assert "case, article, library, event" in message


@pytest.mark.django_db
def test_the_region_and_year_facets_count_events(client, corpus):
    body = client.get("/api/v2/search/?q=schoolyards&region=150").json()
    assert {item["title"] for item in body["results"]} == {
        "Cooling schoolyards",
        "Cooling cities workshop",
    }
    year = in_days(12).year
    years = {item["value"]: item["count"] for item in body["facets"]["year"]}
    assert years.get(year, 0) >= 1


@pytest.mark.django_db
def test_an_event_counts_in_the_year_it_starts_in_utc(client, search_index, event_factory):
    """Late on 31 December (UTC) is still that year, on every backend."""
    import datetime

    start = datetime.datetime(2030, 12, 31, 23, 30, tzinfo=datetime.UTC)
    event_factory(title="New Year's Eve lanterns", start=start, end=start)
    search_index.refresh()
    body = client.get("/api/v2/search/?q=lanterns").json()
    assert {item["value"]: item["count"] for item in body["facets"]["year"]} == {2030: 1}
    assert client.get("/api/v2/search/?q=lanterns&year_to=2030").json()["count"] == 1
    assert client.get("/api/v2/search/?q=lanterns&year_from=2031").json()["count"] == 0
