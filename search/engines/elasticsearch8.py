from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

from . import mapping_for


class SearchBackend(Elasticsearch8SearchBackend):
    mapping_class = mapping_for(Elasticsearch8SearchBackend.mapping_class)
