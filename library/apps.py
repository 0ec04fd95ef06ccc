from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    """The policy library: policies, strategies, plans, regulations, evaluations, toolkits and
    reports that cities and their partners publish, and the public's proposals of more."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "library"
    verbose_name = _("Policy library")

    def ready(self):
        from . import signals

        signals.connect()
