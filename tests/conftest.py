from django.core.cache import cache

import pytest

from tests.factories import (
    ArticlePageFactory,
    CasePageFactory,
    EventPageFactory,
    LibraryItemPageFactory,
    PartnerFactory,
)


@pytest.fixture
def case_factory(db):
    return CasePageFactory


@pytest.fixture
def article_factory(db):
    return ArticlePageFactory


@pytest.fixture
def library_item_factory(db):
    return LibraryItemPageFactory


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the API's cached answers and rate-limit counts
    (kept in Django's cache, and the whole map in each process's memory) must not carry over
    from one test's database to the next."""
    from core.caching import PROCESS_MEMORY
    from meaning.matrix import forget

    for store in (cache, PROCESS_MEMORY):
        store.clear()
    forget()
    yield
    for store in (cache, PROCESS_MEMORY):
        store.clear()
    forget()


@pytest.fixture
def event_factory(db):
    return EventPageFactory


@pytest.fixture
def partner_factory(db):
    return PartnerFactory
