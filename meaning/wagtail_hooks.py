"""The case page's "Learn from similar projects" by meaning, through the `similar_cases` hook
that cases/related.py asks (so cases never imports this app)."""

from wagtail import hooks

from .similar import has_vector, similar_cases


@hooks.register("similar_cases")
def similar_by_meaning(case, limit):
    """Similar cases with their reasons, or None (meaning off, or this case has no vector
    yet), which leaves the structured ranking to cases/related.py."""
    if not has_vector(case):
        return None
    items = similar_cases(case, limit)
    for item in items:
        item.page.similarity_reasons = item.reason_labels()
    return [item.page for item in items]
