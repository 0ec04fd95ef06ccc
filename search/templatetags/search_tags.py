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


@register.simple_tag
def own_facets(facets):
    """[(name, label, items)] of the facets page types bring with them (the library's document
    type, the cases' video), for those that have values to offer here."""
    from search.registry import extra_facets

    return [
        (name, facet.label, facets.get(name))
        for name, facet in extra_facets().items()
        if facets.get(name)
    ]
