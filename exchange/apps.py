from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "exchange"
    verbose_name = _("Knowledge exchange")

    def ready(self):
        from core.signals import bump_on_change

        from .models import AdoptionReport, ExternalSource, KnowledgeLink

        # Links, external sources and approved adoptions show on case pages, the network and
        # the exports: changing them makes every cached public answer stale.
        bump_on_change(KnowledgeLink, ExternalSource, AdoptionReport)
