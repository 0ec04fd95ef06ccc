"""A saved search: the filters and words a visitor chose, kept as query parameters and run again
through the one search service, for the digest and the management page."""

from django.http import QueryDict

from search.services import InvalidSearchParameter, SearchParams, search, visitor_language

# What an alert is about: new cases, newest first.
ALERT_TYPE = "case"
# Parameters that say how a list is shown, not what it holds.
PRESENTATION = {"page", "page_size", "order", "type"}


def clean_query(text):
    """The search filters in a query string (as the search page and the case index put in the
    subscription form), validated by the search service, as [[name, value], ...] without the
    parameters that only concern how a list is shown. Without `locale` the search was in the
    visitor's language (as on the search page); the saved search always names its language, so
    the digest searches the language the visitor saw. Raises InvalidSearchParameter."""
    params = SearchParams.from_querydict(
        QueryDict(text or "", mutable=False), default_locale=visitor_language()
    )
    items = [[name, value] for name, value in params.as_query_items() if name not in PRESENTATION]
    if not any(name == "locale" for name, _value in items):
        items.append(["locale", params.locale])
    return items


def alert_params(query, *, page=1, page_size=100):
    """The saved search as SearchParams: new cases first."""
    data = QueryDict(mutable=True)
    for name, value in query:
        if name not in PRESENTATION:
            data.appendlist(name, value)
    data.setlist("type", [ALERT_TYPE])
    data["order"] = "newest"
    data["page"] = str(page)
    data["page_size"] = str(page_size)
    return SearchParams.from_querydict(data)


def describe(query):
    """The saved search in words, one label per chosen filter, as the search page labels
    them: [(facet, label)]. Values that no longer exist keep their code."""
    try:
        params = alert_params(query, page_size=1)
    except InvalidSearchParameter:
        return []
    facets = search(params).facets
    labels = []
    if params.q:
        labels.append(("q", f"“{params.q}”"))
    for name in facets:
        for item in facets[name]:
            if item["selected"] and name not in ("type", "year"):
                labels.append((name, item["label"]))
    if params.year_from or params.year_to:
        years = "–".join(str(y) for y in (params.year_from, params.year_to) if y)
        labels.append(("year", years))
    return labels
