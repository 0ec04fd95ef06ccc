"""Links that change one thing about a search and keep the rest."""

from django import template

register = template.Library()


@register.simple_tag
def search_toggle(params, facet, value):
    """The query string with one facet value switched on or off."""
    return params.toggle(facet, value)


@register.simple_tag
def search_page(params, number):
    """The query string for another page of the same search."""
    return params.querystring(page=number)
