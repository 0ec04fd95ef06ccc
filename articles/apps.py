from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Science articles"

    def ready(self):
        from core.signals import bump_on_change

        from .models import Researcher

        # Articles show their authors' names: a renamed researcher shows at once.
        bump_on_change(Researcher)
