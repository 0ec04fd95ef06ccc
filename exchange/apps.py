from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "exchange"
    verbose_name = _("Knowledge exchange")

    def ready(self):
        from core.signals import bump_on_change, content_version_changed

        from .models import AdoptionReport, ExternalSource, KnowledgeLink

        # Links, external sources and approved adoptions show on case pages, the network and
        # the exports: changing them makes every cached public answer stale.
        bump_on_change(KnowledgeLink, ExternalSource, AdoptionReport)
        content_version_changed.connect(_warm_network, dispatch_uid="exchange-warm-network")


def _warm_network(version, **kwargs):
    from .tasks import warm_network_snapshot

    warm_network_snapshot.enqueue(version)
