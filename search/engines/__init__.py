"""Wagtail's Elasticsearch/OpenSearch backends, taught to store a django-countries `Country`
(the case's country) as its ISO code (the stock mapping hands the object to the JSON
serializer, which refuses it), and to keep each page's text once more in a field of its
language, analysed by that language's analyser (search/languages.py). Select them with
SEARCH_BACKEND (closercities/settings/env.py)."""

from django.conf import settings

from wagtail.models import Page

from django_countries.fields import Country
from modelsearch import index

from ..languages import field_name, language, locale_codes, page_language


def clean_value(value):
    if isinstance(value, Country):
        return value.code
    return value


def language_fields():
    """{field name: analyser} of the site's languages that have one."""
    fields = {}
    for code, _ in settings.LANGUAGES:
        reading = language(code)
        if reading is not None:
            fields[field_name(code)] = reading.analyser
    return fields


def mapping_for(base_mapping):
    class CountryAwareMapping(base_mapping):
        def _clean_value(self, value):
            return super()._clean_value(clean_value(value))

        def get_mapping(self):
            mapping = super().get_mapping()
            if issubclass(self.model, Page):
                for name, analyser in language_fields().items():
                    mapping["properties"][name] = {"type": "text", "analyzer": analyser}
            return mapping

        def get_document(self, obj):
            document = super().get_document(obj)
            if not isinstance(obj, Page):
                return document
            if not hasattr(self, "_locale_codes"):
                self._locale_codes = locale_codes()  # once per batch of pages
            code = page_language(obj, self._locale_codes)
            name = field_name(code) if code else None
            if name in language_fields():
                texts = []
                for search_field in self.model.get_search_fields():
                    if isinstance(search_field, index.SearchField):
                        value = document.get(self.get_field_column_name(search_field))
                        if isinstance(value, str):
                            texts.append(value)
                        elif isinstance(value, list):
                            texts.extend(item for item in value if isinstance(item, str))
                document[name] = "\n".join(texts)
            return document

    CountryAwareMapping.__name__ = base_mapping.__name__
    return CountryAwareMapping
