from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and standard pages"

    def ready(self):
        from wagtail.signals import copy_for_translation_done

        from .locale_trees import on_copy_for_translation

        # Translated pages share their source's workflow and group permissions.
        copy_for_translation_done.connect(on_copy_for_translation, dispatch_uid="home-translation")
