from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = "Taxonomy"

    def ready(self):
        from core.signals import bump_on_change

        from .models import SDG, Topic

        # Pages show the names of their SDGs and topics: a change to those shows at once.
        bump_on_change(SDG, Topic)
