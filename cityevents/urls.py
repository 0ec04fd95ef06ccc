"""The events' feeds, at fixed addresses under /events/ (the event index page itself is a
Wagtail page): iCalendar of all upcoming events and of each event, RSS and Atom."""

from django.urls import path

from . import feeds

app_name = "events"

urlpatterns = [
    path("events/feed.ics", feeds.ical_feed, name="ical_feed"),
    path("events/<slug:slug>.ics", feeds.ical_event, name="ical_event"),
    path("events/feed/", feeds.EventsRSSFeed(), name="rss_feed"),
    path("events/feed/atom/", feeds.EventsAtomFeed(), name="atom_feed"),
]
