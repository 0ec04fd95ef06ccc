from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "submissions"
    verbose_name = "Submissions"

    def ready(self):
        # Keeps each submission's status in step with the Wagtail workflow on its draft page.
        from . import signal_handlers  # noqa: F401
