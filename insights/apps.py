from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    """Public insights, researcher dashboards, page feedback and research data releases."""

    name = "insights"
    verbose_name = _("Insights and research")
    default_auto_field = "django.db.models.BigAutoField"
