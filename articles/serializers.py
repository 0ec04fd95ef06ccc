from rest_framework import serializers


class AuthorListField(serializers.Field):
    """Authors in order, as [{name, affiliation, orcid}]."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [author.researcher.as_api() for author in value.all()]


class RelatedPageListField(AuthorListField):
    """Related pages as [{id, title, url}]; only live, public pages are ever listed.

    The API's listing prefetches the relation already reduced to live, public pages (one query
    for the whole listing page); anywhere else the relation is reduced here.
    """

    def to_representation(self, value):
        prefetched = getattr(value.instance, "_prefetched_objects_cache", {})
        if self.source in prefetched:
            pages = value.all()
        else:
            pages = value.model.objects.live().public().filter(pk__in=value.all()).order_by("pk")
        return [{"id": page.id, "title": page.title, "url": page.get_full_url()} for page in pages]
