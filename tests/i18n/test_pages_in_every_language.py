"""Every page type in every language of settings.LANGUAGES: it answers 200 at its language's
address, says its language and direction in `<html lang dir>`, offers the language switcher
and lists its translations as hreflang alternates; the switcher keeps the visitor on the same
content (or its nearest translated parent)."""

import re
from html import unescape

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Locale, Page

import pytest

from articles.models import ArticlePage
from cases.models import CasePage
from taxonomy import regions

pytestmark = pytest.mark.django_db

SLUGS = [
    "",
    "cases/",
    "science/",
    "about/",
    "objectives/",
    "research-questions/",
    "principles/",
    "privacy/",
    "contact/",
    "submit-a-case/",
    "tell-us-how-you-share/",
    "insights/",
    "benchmark/",
    "events/",
    "library/",
    "propose-a-document/",
    "partners/",
    "partners/become-a-partner/",
]
VIEWS = ["map/", "search/?q=eau"]
DETAIL_PAGES = [
    "cases/rooftop-solar/",
    "science/how-cities-learn/",
    "events/heat-workshop/",
    "library/heat-plan/",
]


def prefix(code):
    return "" if code == settings.LANGUAGE_CODE else f"/{code}"


def html_tag(html):
    return re.search(r"<html[^>]*>", html).group(0)


def switcher(html):
    """{language: href} of the language switcher."""
    nav = unescape(re.search(r"<nav class=\"language-switcher\".*?</nav>", html, re.S).group(0))
    return {code: href for href, code in re.findall(r'href="([^"]*)" lang="([^"]*)"', nav)}


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))


@pytest.fixture
def translated_case_and_article(
    locale_trees, case_factory, article_factory, event_factory, library_item_factory, translate
):
    case = case_factory(title="Rooftop solar for schools", slug="rooftop-solar")
    article = article_factory(title="How cities learn", slug="how-cities-learn")
    event = event_factory(title="Heat workshop", slug="heat-workshop")
    document = library_item_factory(title="Heat plan", slug="heat-plan")
    for code, _name in settings.LANGUAGES[1:]:
        translate(case, code, title=f"Rooftop solar ({code})")
        translate(article, code, title=f"How cities learn ({code})")
        translate(event, code, title=f"Heat workshop ({code})")
        translate(document, code, title=f"Heat plan ({code})")
    return case, article


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_every_page_type_renders_in_every_language(client, translated_case_and_article, code):
    rtl = code == "ar"
    paths = SLUGS + DETAIL_PAGES + VIEWS
    for path in paths:
        url = f"{prefix(code)}/{path}"
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert html_tag(html) == f'<html lang="{code}" dir="{"rtl" if rtl else "ltr"}">', url
        links = switcher(html)
        assert set(links) == {c for c, _ in settings.LANGUAGES}, url
        assert links[code].split("?")[0] == url.split("?")[0], url
        if not path.startswith(("map", "search")):
            hreflang = alternates(html)
            assert set(hreflang) == {c for c, _ in settings.LANGUAGES} | {"x-default"}, url
            assert hreflang["x-default"] == "http://testserver/" + path


def test_page_types_are_covered(translated_case_and_article):
    """Every page type the site has is among the pages rendered above, in every language."""
    types = {page.specific_class.__name__ for page in Page.objects.filter(depth__gt=1).specific()}
    assert types == {
        "HomePage",
        "StandardPage",
        "CaseIndexPage",
        "CasePage",
        "ArticleIndexPage",
        "ArticlePage",
        "SubmitCasePage",
        "SurveyPage",
        "InsightsPage",
        "BenchmarkPage",
        "EventIndexPage",
        "EventPage",
        "LibraryIndexPage",
        "LibraryItemPage",
        "ProposeDocumentPage",
        "PartnerIndexPage",
        "BecomePartnerPage",
    }
    for code, _name in settings.LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        assert Page.objects.filter(locale=locale, depth__gt=1).count() == len(SLUGS) + len(
            DETAIL_PAGES
        )


def test_the_interface_is_in_the_visitors_language(client, locale_trees):
    french = client.get("/fr/about/").content.decode()
    assert "<h1>À propos</h1>" in french
    with translation.override("fr"):
        submit = gettext("Submit a case")
    assert submit != "Submit a case"
    assert f">{submit}</a>" in french
    arabic = client.get("/ar/").content.decode()
    assert 'dir="rtl"' in arabic
    chinese = client.get("/zh-hans/cases/").content.decode()
    assert "<title>案例" in chinese


def test_english_addresses_stay_unprefixed(client, locale_trees):
    assert client.get("/about/").status_code == 200
    html = client.get("/fr/").content.decode()
    assert 'href="/fr/cases/"' in html and 'href="/fr/about/"' in html
    # The API, sitemap and robots stay outside the language prefixes.
    assert client.get("/api/v2/pages/").status_code == 200
    assert client.get("/fr/api/v2/pages/").status_code == 404
    assert client.get("/robots.txt").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200


def test_switcher_keeps_the_visitor_on_the_same_case(client, locale_trees, case_factory, translate):
    """A case written in French with an English translation: the switcher leads from one to
    the other; Spanish has no translation, so it leads to the Spanish case index (the nearest
    translated parent)."""
    french_index = Page.objects.get(locale__language_code="fr", slug="cases")
    original = case_factory(
        title="Coopérative solaire à Lyon", slug="cooperative-lyon", parent=french_index
    )
    english = translate(original, "en", title="Solar cooperative in Lyon")
    assert english.url == "/cases/cooperative-lyon/"
    links = switcher(client.get("/fr/cases/cooperative-lyon/").content.decode())
    assert links["en"] == "/cases/cooperative-lyon/"
    assert links["es"] == "/es/cases/"
    html = client.get(links["en"]).content.decode()
    assert "Solar cooperative in Lyon" in html
    assert switcher(html)["fr"] == "/fr/cases/cooperative-lyon/"
    # Only the languages the case exists in are hreflang alternates.
    assert set(alternates(html)) == {"en", "fr", "x-default"}


def test_switcher_on_a_view_keeps_the_query(client, locale_trees):
    links = switcher(client.get("/search/?q=water&sdg=6").content.decode())
    assert links["fr"] == "/fr/search/?q=water&sdg=6"
    assert links["en"] == "/search/?q=water&sdg=6"


def test_translations_of_cases_are_counted_once_per_language(translated_case_and_article):
    assert CasePage.objects.filter(locale__language_code="fr").count() == 1
    assert ArticlePage.objects.filter(locale__language_code="zh-hans").count() == 1


def test_regions_are_named_in_the_visitors_language(client, locale_trees, case_factory):
    """The UN M49 regions and sub-regions in the filters and on a case page are in the
    visitor's language; the API keeps the UN's English names its consumers read."""
    from cases.models import CaseIndexPage

    case = case_factory(
        title="Bus rapide à Dakar", country="SN", parent=CaseIndexPage.for_language("fr")
    )
    french_index = client.get("/fr/cases/").content.decode()
    assert "Afrique" in french_index and ">Africa<" not in french_index
    french_case = client.get(f"/fr/cases/{case.slug}/").content.decode()
    assert "(Afrique de l&#x27;Ouest)" in french_case or "(Afrique de l'Ouest)" in french_case
    chinese_map = client.get("/zh-hans/map/").content.decode()
    assert "非洲" in chinese_map
    english_index = client.get("/cases/?locale=fr").content.decode()
    assert "Africa" in english_index
    # What the API and exports call a region stays the UN's English name, in any language.
    with translation.override("fr"):
        assert regions.region_name("002") == "Africa"
        assert regions.local_name("002") == "Afrique"


def test_the_platform_pages_body_text_is_in_each_language(client, locale_trees):
    """About, Objectives, Research questions, Principles and Contact carry their whole text in
    every language (home/site_texts/), their links to the site's pages in that language."""
    french = client.get("/fr/about/").content.decode()
    assert "Ce que vous trouverez ici" in french and "What you find here" not in french
    assert 'href="/fr/cases/"' in french and 'href="/fr/submit-a-case/"' in french
    assert 'href="/api/v2/docs/"' in french  # the API has one address in every language
    assert "mailto:" in french
    for code, words in {
        "es": "Cómo funciona",
        "ar": "كيف تعمل المنصة",
        "zh-hans": "运作方式",
    }.items():
        assert words in client.get(f"/{code}/about/").content.decode(), code
    russian = client.get("/ru/principles/").content.decode()
    assert "Открытость по умолчанию" in russian


def test_setting_up_the_languages_again_gives_old_translations_their_text(client, locale_trees):
    """A translation made before its text shipped (its body still the English one) gets the
    text when setup_languages runs again; one an editor has changed is left alone."""
    from home.locale_trees import ensure_locale_trees
    from home.models import StandardPage

    english = StandardPage.objects.get(slug="about", locale__language_code="en")
    stale = StandardPage.objects.get(slug="about", locale__language_code="pt")
    stale.body = english.body.raw_data
    stale.save_revision().publish()
    edited = StandardPage.objects.get(slug="principles", locale__language_code="pt")
    edited.body = [{"type": "text", "value": "<p>Texto de um editor.</p>"}]
    edited.save_revision().publish()

    ensure_locale_trees()
    assert "O que você encontra aqui" in client.get("/pt/about/").content.decode()
    assert "Texto de um editor." in client.get("/pt/principles/").content.decode()


def test_a_case_named_like_a_platform_page_is_not_copied_into_every_language(
    client, locale_trees, case_factory
):
    """Only the platform's own pages get a translation per language: a case whose slug is
    that of a platform page ("library") stays in its own language."""
    from home.locale_trees import ensure_locale_trees

    case = case_factory(title="Library of things", slug="library")
    ensure_locale_trees()
    assert Page.objects.filter(translation_key=case.translation_key).count() == 1
