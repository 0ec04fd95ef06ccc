from wagtail.search.backends.elasticsearch9 import Elasticsearch9SearchBackend

from . import mapping_for


class SearchBackend(Elasticsearch9SearchBackend):
    mapping_class = mapping_for(Elasticsearch9SearchBackend.mapping_class)
