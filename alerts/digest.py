"""What a digest lists: the cases first published in its window that match the saved search,
found by running that search through the search service, newest first."""

from wagtail.models import Page

from search.services import search

from .saved_search import alert_params

# A digest lists this many cases at most, and links to the rest.
MAX_CASES = 50
PAGE_SIZE = 100


def new_cases(query, after, until):
    """(cases, total): the matching cases first published after `after` and at or before
    `until`, newest first (at most MAX_CASES, as search result items with `published`), and
    how many there are in all."""
    found, total, page = [], 0, 1
    while True:
        result = search(alert_params(query, page=page, page_size=PAGE_SIZE), absolute_urls=True)
        ids = [item["id"] for item in result.results]
        published = dict(Page.objects.filter(pk__in=ids).values_list("pk", "first_published_at"))
        older = False
        for item in result.results:
            moment = published.get(item["id"])
            if moment is None:
                continue
            if moment <= after:
                older = True  # newest first: everything after this was covered before
                break
            if moment <= until:
                total += 1
                if len(found) < MAX_CASES:
                    found.append({**item, "published": moment})
        if older or not result.has_next:
            return found, total
        page += 1
