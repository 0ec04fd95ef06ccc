"""API representations of case fields that are more than a plain value."""

from rest_framework import serializers

from articles.serializers import RelatedPageListField
from taxonomy import regions

__all__ = ["CountryField", "LocationField", "RegionField", "RelatedPageListField"]


class _ReadOnlyField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)


class CountryField(_ReadOnlyField):
    """{code, name}: the ISO 3166-1 alpha-2 code and the English name."""

    def to_representation(self, value):
        if not value:
            return None
        return {"code": value.code, "name": str(value.name)}


class RegionField(_ReadOnlyField):
    """The UN M49 region and sub-region of the case's country, with codes and names."""

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, page):
        if not page.region:
            return None
        return {
            "code": page.region,
            "name": regions.region_name(page.region),
            "subregion": {
                "code": page.subregion,
                "name": regions.subregion_name(page.subregion),
            },
        }


class LocationField(_ReadOnlyField):
    """{lat, lon}, or null when the case has no coordinates."""

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, page):
        if page.latitude is None or page.longitude is None:
            return None
        return {"lat": page.latitude, "lon": page.longitude}
