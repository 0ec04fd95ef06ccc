"""Wagtail's Elasticsearch/OpenSearch backends, taught to store a django-countries `Country`
(the case's country) as its ISO code; the stock mapping hands the object to the JSON
serializer, which refuses it. Select them with SEARCH_BACKEND (closercities/settings/env.py)."""

from django_countries.fields import Country


def clean_value(value):
    if isinstance(value, Country):
        return value.code
    return value


def mapping_for(base_mapping):
    class CountryAwareMapping(base_mapping):
        def _clean_value(self, value):
            return super()._clean_value(clean_value(value))

    CountryAwareMapping.__name__ = base_mapping.__name__
    return CountryAwareMapping
