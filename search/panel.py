"""What the filter panel of a listing shows around the facets: chips for the applied filters,
long facet lists cut to their top values, the year range's choices, the orders and page sizes
on offer. Shared by the search page and the index pages (case index, science index)."""

from django.utils.translation import gettext, gettext_lazy

from .registry import extra_facets
from .services import DEFAULT_PAGE_SIZE, PAGE_SIZES

# Facets with more values than this show their top values and a "show all" disclosure.
SHORT_LIST = 8
ORDER_LABELS = {
    "relevance": gettext_lazy("Most relevant"),
    "newest": gettext_lazy("Newest first"),
    "start_year": gettext_lazy("Oldest start year first"),
    "title": gettext_lazy("Title (A–Z)"),
}
# Short names (for chips) and legends (for the facet lists) of the facets.
FACET_NAMES = {
    "type": gettext_lazy("Content"),
    "sdg": gettext_lazy("SDG"),
    "topic": gettext_lazy("Topic"),
    "country": gettext_lazy("Country"),
    "region": gettext_lazy("Region"),
    "status": gettext_lazy("Status"),
    "article_type": gettext_lazy("Article type"),
    "year": gettext_lazy("Year"),
}
LEGENDS = {
    **FACET_NAMES,
    "sdg": gettext_lazy("Sustainable Development Goal"),
}


def facet_name(name, names=FACET_NAMES):
    """A facet's name (or legend): the shared ones' from above, the page types' own facets'
    from the registry (the library's document type, the cases' video, ...)."""
    if name in names:
        return names[name]
    facet = extra_facets().get(name)
    return facet.label if facet else name


def chips(params, facets):
    """One removable chip per chosen filter value, labelled as in the facets, each with the
    query string that removes it."""
    found = []
    for name in ("type", "sdg", "topic", "country", "region", "status", *extra_facets()):
        labels = {item["value"]: item["label"] for item in facets.get(name, [])}
        for value in getattr(params, name):
            label = labels.get(value, str(value))
            found.append(
                {
                    "facet": name,
                    "label": label,
                    "text": _chip_text(name, value, label),
                    "remove": params.toggle(name, value),
                }
            )
    if params.has_year_range:
        label = year_range_label(params.year_from, params.year_to)
        found.append(
            {
                "facet": "year",
                "label": label,
                "text": _chip_text("year", None, label),
                "remove": params.querystring(year_from=None, year_to=None, page=1),
            }
        )
    return found


def _chip_text(facet, value, label):
    if facet == "sdg":
        return gettext("SDG %(number)s: %(title)s") % {"number": value, "title": label}
    return gettext("%(facet)s: %(value)s") % {"facet": facet_name(facet), "value": label}


def year_range_label(low, high):
    if low == high:
        return str(low)
    if low and high:
        return gettext("%(low)s–%(high)s") % {"low": low, "high": high}
    if low:
        return gettext("%(year)s or later") % {"year": low}
    return gettext("%(year)s or earlier") % {"year": high}


def split(items, limit=SHORT_LIST):
    """(shown, more, more_has_selection): a facet's first `limit` values, the rest, and
    whether a chosen value is among the rest (then its disclosure starts open)."""
    if len(items) <= limit:
        return items, [], False
    more = items[limit:]
    return items[:limit], more, any(item["selected"] for item in more)


def year_choices(facets, params):
    """The years a range can start or end at, oldest first: every year with hits, plus the
    chosen ends of the range."""
    years = {item["value"] for item in facets.get("year", [])}
    years.update(year for year in (params.year_from, params.year_to) if year is not None)
    return sorted(years)


def orders(params, available=("newest", "start_year", "title")):
    """[(value, label, selected)] of the orders a listing offers; "most relevant" only
    when there is text to be relevant to."""
    values = (("relevance",) if params.q else ()) + tuple(available)
    chosen = params.order if params.order in values else values[0]
    return [(value, ORDER_LABELS[value], value == chosen) for value in values]


def page_sizes(params):
    sizes = sorted(set(PAGE_SIZES) | {params.page_size or DEFAULT_PAGE_SIZE})
    return [(size, size == params.page_size) for size in sizes]


def panel(params, facets, orders_available=("newest", "start_year", "title")):
    """Everything a listing's template needs around the results: the chips, how many filters
    are chosen, the facet lists in `facets`' order (long ones cut to their top values), the
    year range's choices, the orders and page sizes."""
    groups = []
    for name, items in facets.items():
        if name == "year" or not items:
            continue
        if name == "sdg":
            # One fixed list of 17 in goal order, where "the top 8" would mean nothing.
            shown, more, more_open = items, [], False
        else:
            shown, more, more_open = split(items)
        groups.append(
            {
                "name": name,
                "legend": facet_name(name, LEGENDS),
                "shown": shown,
                "more": more,
                "more_open": more_open,
                "total": len(items),
            }
        )
    applied = chips(params, facets)
    return {
        "chips": applied,
        "selected_count": len(applied),
        "groups": groups,
        "has_years": "year" in facets,
        "year_choices": year_choices(facets, params),
        "orders": orders(params, orders_available),
        "page_sizes": page_sizes(params),
    }
