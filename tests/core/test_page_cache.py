"""Which pages a shared cache in front of the site (nginx) may keep: only what every anonymous
visitor sees alike (core/middleware.py, PAGE_CACHE_MAX_AGE)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def cacheable(settings, case_factory):
    settings.PAGE_CACHE_MAX_AGE = 60
    return case_factory(title="Solar roofs in Accra")


@pytest.mark.parametrize("url", ["/", "/cases/", "/cases/?sdg=7", "/map/"])
def test_anonymous_pages_may_be_kept_by_a_shared_cache(client, cacheable, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_a_case_page_may_be_kept(client, cacheable):
    response = client.get(cacheable.url)
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]


def test_nothing_is_marked_when_switched_off(client, cacheable, settings):
    settings.PAGE_CACHE_MAX_AGE = 0
    assert not client.get("/").has_header("Cache-Control")


def test_pages_of_logged_in_editors_are_never_shared(client, cacheable, superuser):
    client.force_login(superuser)
    response = client.get("/")
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")


def test_search_answers_stay_uncacheable(client, cacheable):
    response = client.get("/search/?q=solar")
    assert "public" not in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_a_page_that_sets_a_cookie_is_not_shared(client, cacheable):
    """A form hands out its CSRF cookie: that answer belongs to one visitor."""
    from wagtail.models import Page

    form_pages = [p for p in Page.objects.live() if "submit" in p.slug]
    if not form_pages:
        pytest.skip("no submission form page in the test site")
    response = client.get(form_pages[0].url)
    assert response.cookies
    assert "public" not in response.get("Cache-Control", "")


def test_the_admin_is_never_shared(client, cacheable, superuser):
    client.force_login(superuser)
    response = client.get("/admin/")
    assert "public" not in response.get("Cache-Control", "")
    client.logout()
    login = client.get("/admin/login/")
    assert "public" not in login.get("Cache-Control", "")
