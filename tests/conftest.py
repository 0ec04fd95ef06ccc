import os
from pathlib import Path

from django.core.cache import cache

import pytest

from tests.factories import (
    ArticlePageFactory,
    CasePageFactory,
    EventPageFactory,
    LibraryItemPageFactory,
    PartnerFactory,
)


def pytest_configure(config):
    """The translations as `make install` compiles them, when a .po is newer than its .mo (a
    test run straight after copying catalogues); written aside and renamed, so parallel
    workers never read half a file."""
    import polib

    for po in Path(__file__).resolve().parent.parent.glob("locale/*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        partial = mo.with_suffix(f".{os.getpid()}.tmp")
        polib.pofile(str(po)).save_as_mofile(str(partial))
        os.replace(partial, mo)


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
