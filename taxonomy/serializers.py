"""API representations of the shared taxonomy, used by every page type that carries it."""

from rest_framework import serializers


class SDGListField(serializers.Field):
    """SDGs as [{number, title, colour}], read from a (prefetched) relation."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [sdg.as_api() for sdg in value.all()]


class TopicListField(SDGListField):
    """Topics as [{name, slug}]; the slug is what the `topic` filter accepts."""
