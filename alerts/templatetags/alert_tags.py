"""Feed links and the alert form for the pages that list cases (the search page, the case
index), carrying the filters the visitor chose."""

from urllib.parse import urlencode

from django import template
from django.utils.html import format_html_join

from alerts.feeds import FEEDS
from alerts.saved_search import PRESENTATION

register = template.Library()


@register.simple_tag
def filters_query(params):
    """The filters and words of a search as a query string, without how the list is shown
    (page, order, type): what a feed or an alert takes."""
    if not params:  # none chosen (a template's missing variable is "")
        return ""
    return urlencode([item for item in params.as_query_items() if item[0] not in PRESENTATION])


@register.simple_tag
def feed_links(section, params=None):
    """`<link rel="alternate">` to the RSS and Atom feeds of `section` ("cases", "science",
    "library") with the same filters."""
    query = filters_query(params)
    suffix = f"?{query}" if query else ""
    title = str(FEEDS[section][1]())
    return format_html_join(
        "\n",
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        [
            ("application/rss+xml", title, f"/{section}/feed/{suffix}"),
            ("application/atom+xml", f"{title} (Atom)", f"/{section}/feed/atom/{suffix}"),
        ],
    )


@register.inclusion_tag("alerts/includes/subscribe_form.html")
def alert_form(params=None, section="cases"):
    """ "Notify me about new cases like these": the address, how often, and these filters."""
    from alerts.forms import SubscriptionForm

    query = filters_query(params)
    return {
        "form": SubscriptionForm(initial={"query": query}),
        "query": query,
        "feed_url": f"/cases/feed/?{query}" if query else "/cases/feed/",
        "section": section,
    }
