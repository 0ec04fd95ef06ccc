from django import template

from library.models import DocumentType

register = template.Library()


@register.simple_tag
def document_type_label(value):
    """The name of a document type ("policy" → "Policy"), in the visitor's language."""
    return DocumentType(value).label if value in DocumentType.values else value
