from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """Feeds of new cases and articles, and email alerts: a daily or weekly digest of the new
    cases that match a saved search, without an account."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "alerts"
    verbose_name = _("Alerts and feeds")
