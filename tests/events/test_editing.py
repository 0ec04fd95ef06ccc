"""Editors enter an event's times as the venue's wall-clock time, in the real Wagtail admin, and
publish events through Wagtail's moderation like other pages. Times are stored as moments (UTC),
so the same wall-clock time on either side of a daylight saving change is a different UTC time,
and a time the clocks skip is refused beside the field."""

import datetime

from django.contrib.auth.models import Group

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from cityevents import times
from cityevents.models import EventIndexPage, EventPage
from tests.events.dates import dst_days

UTC = datetime.UTC


def _user(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def index(db):
    return EventIndexPage.objects.get()


def _form(client, index, **values):
    """The admin's "add event" form as the editor's browser would send it, with `values`."""
    response = client.get(f"/admin/pages/add/events/eventpage/{index.pk}/")
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.setlist("languages", [])
    data.setlist("sdgs", ["11"])
    # The admin's script writes the StreamFields' counts; an empty stream for each.
    for stream in ("body", "report", "documents", "recording"):
        data[f"{stream}-count"] = "0"
    base = {
        "title": "Heat plans peer review",
        "slug": "heat-plans-peer-review",
        "event_type": "workshop",
        "summary": "Cities compare heat action plans.",
        "time_zone": "Europe/Amsterdam",
        "in_person": "on",
        "venue": "City Hall",
        "city": "Amsterdam",
        "country": "NL",
        "latitude": "",
        "longitude": "",
        "join_url": "",
        "registration_url": "",
    }
    for name, value in {**base, **values}.items():
        if isinstance(value, list):
            data.setlist(name, value)
        elif value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def _wall(day, hour, minute=0):
    return f"{day:%Y-%m-%d} {hour:02d}:{minute:02d}"


@pytest.mark.django_db
def test_times_typed_at_the_venue_are_stored_in_utc_on_both_sides_of_a_dst_change(
    client, superuser, index
):
    spring, autumn = dst_days("Europe/Amsterdam")
    client.force_login(superuser)
    before = spring - datetime.timedelta(days=7)  # CET, UTC+1
    after = spring + datetime.timedelta(days=7)  # CEST, UTC+2
    for number, day in enumerate((before, after)):
        data = _form(
            client,
            index,
            title=f"Workshop {number}",
            slug=f"workshop-{number}",
            start=_wall(day, 10),
            end=_wall(day, 17),
            **{"action-publish": "action-publish"},
        )
        response = client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", data)
        assert response.status_code == 302, response.content.decode()[:3000]
    winter = EventPage.objects.get(slug="workshop-0")
    summer = EventPage.objects.get(slug="workshop-1")
    assert winter.live and summer.live
    assert winter.start == datetime.datetime.combine(before, datetime.time(9), tzinfo=UTC)
    assert summer.start == datetime.datetime.combine(after, datetime.time(8), tzinfo=UTC)
    assert summer.end == datetime.datetime.combine(after, datetime.time(15), tzinfo=UTC)

    # The edit form shows the venue's wall-clock time again, not UTC.
    edit = client.get(f"/admin/pages/{summer.pk}/edit/").content.decode()
    assert f'value="{after:%Y-%m-%d} 10:00"' in edit


@pytest.mark.django_db
def test_a_time_the_clocks_skip_is_refused_beside_the_field_and_the_form_keeps_the_rest(
    client, superuser, index
):
    spring, _ = dst_days("Europe/Amsterdam")
    client.force_login(superuser)
    data = _form(
        client,
        index,
        start=_wall(spring, 2, 30),  # 02:00 -> 03:00 on that night: 02:30 never happens
        end=_wall(spring, 5),
        **{"action-publish": "action-publish"},
    )
    response = client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "does not exist in Europe/Amsterdam" in html
    assert "Heat plans peer review" in html  # what was typed is still there
    assert not EventPage.objects.exists()


@pytest.mark.django_db
def test_an_event_overnight_across_the_autumn_change_lasts_an_hour_longer(client, superuser, index):
    _, autumn = dst_days("Europe/Amsterdam")
    client.force_login(superuser)
    eve = autumn - datetime.timedelta(days=1)
    data = _form(
        client,
        index,
        start=_wall(eve, 22),
        end=_wall(autumn, 6),
        **{"action-publish": "action-publish"},
    )
    assert client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", data).status_code == 302
    event = EventPage.objects.get()
    # 22:00 CEST to 06:00 CET: eight hours on the wall clock, nine in reality.
    assert event.end - event.start == datetime.timedelta(hours=9)
    assert event.start == datetime.datetime.combine(eve, datetime.time(20), tzinfo=UTC)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"in_person": None, "online": None}, "in_person", "in person, online, or both"),
        ({"city": ""}, "city", "Give the city"),
        ({"country": ""}, "country", "Give the country"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Select a valid choice"),
        ({"latitude": "52.3"}, "longitude", "Give both latitude and longitude"),
    ],
)
def test_bad_event_details_are_refused_with_a_message(
    client, superuser, index, values, field, message
):
    client.force_login(superuser)
    day = datetime.date.today() + datetime.timedelta(days=40)
    data = _form(client, index, start=_wall(day, 10), end=_wall(day, 12), **values)
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EventPage.objects.exists()


@pytest.mark.django_db
def test_the_end_cannot_be_before_the_start(client, superuser, index):
    client.force_login(superuser)
    day = datetime.date.today() + datetime.timedelta(days=40)
    data = _form(client, index, start=_wall(day, 12), end=_wall(day, 10))
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", data)
    assert "The end cannot be before the start." in response.content.decode()
    assert not EventPage.objects.exists()


@pytest.mark.django_db
def test_an_editor_submits_an_event_and_a_moderator_publishes_it(
    client, django_user_model, index, django_capture_on_commit_callbacks
):
    editor = _user(django_user_model, "editor", "Editors")
    moderator = _user(django_user_model, "moderator", "Moderators")
    day = datetime.date.today() + datetime.timedelta(days=21)
    client.force_login(editor)
    data = _form(
        client,
        index,
        start=_wall(day, 10),
        end=_wall(day, 16),
        **{"action-submit": "action-submit"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", data)
    assert response.status_code == 302
    event = EventPage.objects.get()
    assert not event.live and event.workflow_in_progress
    # Not public while it waits for review.
    client.logout()
    assert event.title not in client.get("/events/").content.decode()
    assert event.title not in client.get("/events/feed.ics").content.decode()

    client.force_login(moderator)
    state = WorkflowState.objects.get(object_id=str(event.pk))
    task_state = state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/workflow/action/{event.pk}/approve/{task_state.pk}/",
            {"comment": ""},
        )
    assert response.status_code == 302, response.content.decode()[-3000:]
    event.refresh_from_db()
    assert event.live
    client.logout()
    assert event.title in client.get("/events/").content.decode()
    assert event.title in client.get("/events/feed.ics").content.decode()


def test_wall_clock_conversion_round_trips():
    moment = times.to_moment(datetime.datetime(2030, 7, 1, 10, 0), "America/Sao_Paulo")
    assert moment == datetime.datetime(2030, 7, 1, 13, 0, tzinfo=UTC)
    assert times.to_wall_clock(moment, "America/Sao_Paulo") == datetime.datetime(2030, 7, 1, 10)
