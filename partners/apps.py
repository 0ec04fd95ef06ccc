from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """The organisations the platform works with, and requests to become one."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "partners"
    verbose_name = _("Partners")

    def ready(self):
        from core.signals import bump_on_change

        from .models import Partner

        # Pages show partners (the partners page, the home page, events' organisers): a change
        # to one shows at once.
        bump_on_change(Partner)
