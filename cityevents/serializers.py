"""API representations of event fields that are more than a plain value."""

from rest_framework import serializers

from . import times


class _ReadOnlyField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)


class LocalTimesField(_ReadOnlyField):
    """{start, end}: the event's times at the venue, with the venue's UTC offset (ISO 8601),
    beside `start` and `end` in UTC."""

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, page):
        zone = times.zone(page.time_zone)
        return {
            "start": page.start.astimezone(zone).isoformat(),
            "end": page.end.astimezone(zone).isoformat(),
        }


class OrganiserListField(_ReadOnlyField):
    """The published partners who organise the event, as [{id, name, sector, country, website,
    partnership_type}]; the API's listing prefetches only published ones."""

    def to_representation(self, value):
        prefetched = getattr(value.instance, "_prefetched_objects_cache", {})
        partners = value.all() if self.source in prefetched else value.filter(live=True)
        return [partner.as_api() for partner in partners]


class LanguageListField(_ReadOnlyField):
    """[{code, name}]: the languages the event is held in (codes as Django names them)."""

    def to_representation(self, value):
        from .models import language_name

        return [{"code": code, "name": language_name(code)} for code in value or []]
