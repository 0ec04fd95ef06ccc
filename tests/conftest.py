import pytest

from tests.factories import ArticlePageFactory, CasePageFactory


@pytest.fixture
def case_factory(db):
    return CasePageFactory


@pytest.fixture
def article_factory(db):
    return ArticlePageFactory


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
