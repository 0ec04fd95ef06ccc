from wagtail.search.backends.opensearch2 import OpenSearch2SearchBackend

from . import mapping_for


class SearchBackend(OpenSearch2SearchBackend):
    mapping_class = mapping_for(OpenSearch2SearchBackend.mapping_class)
