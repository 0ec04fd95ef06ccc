"""The sliding-window rate limit (core/throttling.py): the previous minute still counts for the
part of it that overlaps the last 60 seconds, so nobody doubles their rate at a minute's edge."""

from django.test import RequestFactory

import pytest

from core import throttling


class Clock:
    def __init__(self, now):
        self.now = now

    def time(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(60 * 1_000_000)  # the start of a minute
    monkeypatch.setattr(throttling, "time", clock)
    return clock


def _allowed(settings, address="203.0.113.5"):
    request = RequestFactory().get("/api/v2/stats/", REMOTE_ADDR=address)
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    throttle = throttling.AnonymousAPIThrottle()
    return throttle.allow_request(request, None), throttle.wait()


def test_the_previous_minute_counts_for_its_overlap(settings, clock):
    settings.API_ANON_THROTTLE_RATE = "10/minute"
    assert all(_allowed(settings)[0] for _ in range(10))
    assert _allowed(settings)[0] is False
    # Half-way through the next minute, half of the previous minute's 11 still count.
    clock.now += 90
    allowed = [_allowed(settings)[0] for _ in range(6)]
    assert allowed == [True, True, True, True, False, False]
    _, wait = _allowed(settings)
    assert 1 <= wait <= 60


def test_other_clients_have_their_own_count(settings, clock):
    settings.API_ANON_THROTTLE_RATE = "2/minute"
    assert [_allowed(settings)[0] for _ in range(3)] == [True, True, False]
    assert _allowed(settings, "198.51.100.7")[0] is True


def test_an_empty_rate_switches_the_limit_off(settings, clock):
    settings.API_ANON_THROTTLE_RATE = ""
    assert all(_allowed(settings)[0] for _ in range(50))
