"""The content version: one number that changes whenever public content changes.

Every API read is cached under the current version, and its ETag and Last-Modified come from it,
so publishing or unpublishing anything makes every cached answer stale at once, in every
server process and host.

Where it lives: the database row is the source of truth, bumped inside the transaction of the
change (so the new version and the new content become visible together). Readers take it from
the shared cache (Redis in production), where it is written after the commit, so a cached
answer costs no database query at all. The cached copy expires after `CACHE_SECONDS`, which
bounds how long a rare race between two commits could leave an older version there.
"""

from django.core.cache import cache
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone


class ContentVersion(models.Model):
    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)

    CACHE_KEY = "closercities:content-version"
    CACHE_SECONDS = 300

    class Meta:
        verbose_name = "content version"

    def __str__(self):
        return f"content version {self.version}"

    @classmethod
    def current(cls):
        """(version, changed_at) of the public content."""
        return cls.current_with()[0]

    @classmethod
    def current_with(cls, *keys, already_read=None):
        """(version, changed_at) and {key: value} of the other cache `keys` that are there,
        read in one round trip to the cache (none when `already_read`, what an earlier read in
        this request brought, holds the version); the database only when it is not cached."""
        if already_read and cls.CACHE_KEY in already_read:
            found = {key: already_read[key] for key in keys if key in already_read}
            return already_read[cls.CACHE_KEY], found
        found = cache.get_many([cls.CACHE_KEY, *keys])
        current = found.pop(cls.CACHE_KEY, None)
        if current is None:
            current = cls._from_database()
            cache.add(cls.CACHE_KEY, current, cls.CACHE_SECONDS)
        return current, found

    @classmethod
    def _from_database(cls):
        row = cls.objects.filter(pk=1).values_list("version", "changed_at").first()
        if row is None:
            created = cls.objects.get_or_create(pk=1)[0]
            row = (created.version, created.changed_at)
        return tuple(row)

    @classmethod
    def bump(cls):
        """Public content changed: every cached API answer is now stale."""
        now = timezone.now().replace(microsecond=0)
        if not cls.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now):
            cls.objects.get_or_create(pk=1, defaults={"changed_at": now})
        # Forget the cached copy now (a reader inside this transaction sees the new row) and
        # write the committed one after the commit, so readers elsewhere move on together.
        cache.delete(cls.CACHE_KEY)
        transaction.on_commit(cls._publish)
        from .signals import announce_new_version

        # After the commit (and after the version is published), so what is derived from the
        # new version reads the new content.
        transaction.on_commit(announce_new_version, robust=True)

    @classmethod
    def _publish(cls):
        cache.set(cls.CACHE_KEY, cls._from_database(), cls.CACHE_SECONDS)


class TitleOrderMixin(models.Model):
    """Pages that visitors can list alphabetically ("order by title"), whatever search engine
    answers. The index keeps `sort_title`, the title in lower case, under one name for every
    page type that has this mixin (the engine's keyword columns sort by character codes, so
    "apple" would otherwise come after "Zebra"); the database backend sorts the same way."""

    class Meta:
        abstract = True

    def sort_title(self):
        return self.title.lower()
