"""Development only: an admin account to log in with, and the site served on 127.0.0.1:8000."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

USERNAME = "admin"
PASSWORD = "closercities-dev"  # noqa: S105 - development only; the command refuses when DEBUG is off


class Command(BaseCommand):
    help = "Create the development admin account and point the default site at the dev server."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, host, port, **options):
        if not settings.DEBUG:
            raise CommandError("setup_dev_site is for development (DEBUG=True) only.")
        Site.objects.filter(is_default_site=True).update(hostname=host, port=port)
        user, created = get_user_model().objects.get_or_create(
            username=USERNAME,
            defaults={"email": "admin@example.org", "is_staff": True, "is_superuser": True},
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Development admin: http://{host}:{port}/admin/  user '{USERNAME}'"
                + (
                    f"  password '{PASSWORD}'"
                    if created
                    else "  (existing account, password unchanged)"
                )
            )
        )
