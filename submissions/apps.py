from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "submissions"
    verbose_name = "Submissions"

    def ready(self):
        from wagtail.images import get_image_model
        from wagtail.permissions import register_permission_policy

        # Keeps each submission's status in step with the Wagtail workflow on its draft page.
        from . import signal_handlers  # noqa: F401
        from .permissions import SubmittedImagesPermissionPolicy

        # Pending images of submissions: only Moderators see them in the admin. Registered for
        # the exact image class, so Wagtail's own registration (made later) does not replace it.
        image_model = get_image_model()
        register_permission_policy(
            image_model,
            SubmittedImagesPermissionPolicy(
                image_model, auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
            ),
            exact_class=True,
        )
