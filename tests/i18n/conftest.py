import pytest

from home.locale_trees import ensure_locale_trees


@pytest.fixture
def locale_trees(db):
    """The platform's pages in every language, as `seed_demo` and `setup_languages` make them."""
    return ensure_locale_trees()


@pytest.fixture
def translate():
    """Publish a translation of `page` into `language` with the given title."""
    from wagtail.models import Locale

    def make(page, language, **fields):
        translation = page.copy_for_translation(Locale.objects.get(language_code=language))
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.draft_title = translation.title
        translation.save_revision().publish()
        translation.refresh_from_db()
        return translation

    return make
