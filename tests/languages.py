"""Pages in other languages for tests: a locale, and a page translated into it the way an
editor does (Wagtail's `copy_for_translation`, the parents copied as aliases), published or
left as a draft."""

from wagtail.models import Locale


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def translate(page, code, live=True, **fields):
    """`page` translated into the language `code`, with `fields` (title, summary, …) in that
    language; published unless `live` is False (a draft translation, never published)."""
    translated = page.copy_for_translation(locale(code), copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    revision = translated.save_revision()
    if live:
        revision.publish()
    translated.refresh_from_db()
    return translated


def written_in(factory, code, **fields):
    """A page created in the language `code` (its tree: the index translated as aliases)."""
    from cases.models import CaseIndexPage

    index = CaseIndexPage.objects.get(locale__language_code="en")
    tree = index.get_translation_or_none(locale(code))
    if tree is None:
        tree = index.copy_for_translation(locale(code), copy_parents=True, alias=True)
    return factory(parent=tree, **fields)
