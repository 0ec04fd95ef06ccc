"""The content version: one row that changes whenever public content changes.

Every API read is cached under the current version, and its ETag and Last-Modified come from it,
so publishing or unpublishing anything makes every cached answer stale at once, in every
server process (the row lives in the database, not in one process's memory).
"""

from django.db import models
from django.db.models import F
from django.utils import timezone


class ContentVersion(models.Model):
    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"content version {self.version}"

    @classmethod
    def current(cls):
        """(version, changed_at) of the public content."""
        row = cls.objects.filter(pk=1).values_list("version", "changed_at").first()
        if row is None:
            row = cls.objects.get_or_create(pk=1)[0]
            return row.version, row.changed_at
        return row

    @classmethod
    def bump(cls):
        """Public content changed: every cached API answer is now stale."""
        now = timezone.now().replace(microsecond=0)
        if not cls.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now):
            cls.objects.get_or_create(pk=1, defaults={"changed_at": now})


class TitleOrderMixin(models.Model):
    """Pages that visitors can list alphabetically ("order by title"), whatever search engine
    answers. The index keeps `sort_title`, the title in lower case, under one name for every
    page type that has this mixin (the engine's keyword columns sort by character codes, so
    "apple" would otherwise come after "Zebra"); the database backend sorts the same way."""

    class Meta:
        abstract = True

    def sort_title(self):
        return self.title.lower()
