"""Links that change one thing about a search and keep the rest, and labels for result items
(which hold plain values, as the API gives them)."""

import datetime

from django import template

from articles.models import ArticleType

register = template.Library()


@register.simple_tag
def search_toggle(params, facet, value):
    """The query string with one facet value switched on or off."""
    return params.toggle(facet, value)


@register.simple_tag
def search_page(params, number):
    """The query string for another page of the same search."""
    return params.querystring(page=number)


@register.filter
def as_date(value):
    """An ISO date ("2025-09-14") as a date, for the `date` filter; None if it is not one."""
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


@register.filter
def article_type_label(value):
    """ "research_summary" → "Research summary" (translated)."""
    try:
        return ArticleType(value).label
    except ValueError:
        return value
