from rest_framework import serializers


class AuthorListField(serializers.Field):
    """Authors in order, as [{name, affiliation, orcid}]."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return [author.researcher.as_api() for author in value.all()]


class RelatedPageListField(AuthorListField):
    """Related pages as [{id, title, url}]; only live, public pages are ever listed."""

    def to_representation(self, value):
        return [
            {"id": page.id, "title": page.title, "url": page.get_full_url()}
            for page in value.all()
            if page.live and not page.get_view_restrictions().exists()
        ]
