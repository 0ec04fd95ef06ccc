from django.apps import AppConfig


class MeaningConfig(AppConfig):
    """Meaning: a vector of every live case and article, so similar projects and search find
    what a text is about, in any language."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "meaning"

    def ready(self):
        from . import signals

        signals.connect()
