from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events where urban professionals meet, listed, in feeds, in search and on the map.

    The Python package is `cityevents`, not `events`: opensearch-py imports a PyPI package
    called `events` (Events, its metrics dependency), which a top-level `events` package of the
    project would hide, breaking the search engine client. The app's label stays "events", so
    its models are `events.EventPage` everywhere (the API's `type=`, content types,
    permissions, migrations)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "cityevents"
    label = "events"
    verbose_name = _("Events")
