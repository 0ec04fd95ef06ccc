from io import StringIO

from django.core.management import call_command

from wagtail.models import Locale, Page

import pytest

from articles.models import ArticlePage
from cases.models import CasePage


def _seed(**options):
    call_command("seed_demo", stdout=StringIO(), stderr=StringIO(), **options)


def _snapshot():
    cases = CasePage.objects.order_by("slug").prefetch_related("sdgs", "topics", "actors")
    articles = ArticlePage.objects.order_by("slug").prefetch_related(
        "sdgs", "related_cases", "authors__researcher"
    )
    return (
        [
            (
                c.slug,
                c.title,
                c.city,
                c.country.code,
                c.latitude,
                c.longitude,
                c.region,
                c.status,
                c.start_year,
                c.end_year,
                c.first_published_at,
                tuple(s.number for s in c.sdgs.all()),
                tuple(sorted(t.slug for t in c.topics.all())),
                tuple((a.organisation, a.sector) for a in c.actors.all()),
            )
            for c in cases
        ],
        [
            (
                a.slug,
                a.title,
                a.publication_date,
                [s.number for s in a.sdgs.all()],
                sorted(c.slug for c in a.related_cases.all()),
                [x.researcher.name for x in a.authors.all()],
            )
            for a in articles
        ],
    )


def _delete_demo_pages():
    for page in Page.objects.type(CasePage, ArticlePage):
        page.delete()


@pytest.mark.django_db
def test_seed_is_deterministic_for_a_seed():
    _seed(cases=40, articles=8, seed=7)
    first = _snapshot()
    _delete_demo_pages()
    _seed(cases=40, articles=8, seed=7)
    assert _snapshot() == first
    assert len(first[0]) == 40 and len(first[1]) == 8


@pytest.mark.django_db
def test_another_seed_gives_other_content():
    _seed(cases=20, articles=0, seed=1)
    first = _snapshot()
    _delete_demo_pages()
    _seed(cases=20, articles=0, seed=2)
    assert [c[1] for c in _snapshot()[0]] != [c[1] for c in first[0]]


@pytest.mark.django_db
def test_running_again_adds_only_what_is_missing():
    _seed(cases=15, articles=3, seed=3)
    first = _snapshot()
    _seed(cases=15, articles=3, seed=3)
    assert _snapshot() == first
    _seed(cases=25, articles=3, seed=3)
    cases = _snapshot()[0]
    assert len(cases) == 25
    assert set(first[0]) <= set(cases)


@pytest.mark.django_db
def test_seeded_pages_form_a_valid_live_tree_with_real_places(client):
    _seed(cases=60, articles=10, seed=1)
    assert Page.find_problems() == ([], [], [], [], [])
    cases = CasePage.objects.live()
    assert cases.count() == 60
    assert {c.region for c in cases} >= {"002", "019", "142", "150"}
    for case in cases:
        assert -90 <= case.latitude <= 90 and -180 <= case.longitude <= 180
        case.full_clean()
    response = client.get(cases.first().url)
    assert response.status_code == 200
    listing = client.get("/api/v2/pages/?type=cases.CasePage&limit=1").json()
    assert listing["meta"]["total_count"] == 60
    # The privacy page says what the search log keeps, and the footer links to it.
    privacy = client.get("/privacy/").content.decode()
    assert "cc_search" in privacy and "never your IP" in privacy
    assert 'href="/privacy/"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_seeded_cases_are_found_by_search():
    _seed(cases=30, articles=0, seed=1)
    title = CasePage.objects.first().title
    results = CasePage.objects.live().search(title.split(" in ")[-1])
    assert title in [page.title for page in results]


@pytest.mark.django_db
def test_raising_the_article_count_on_a_seeded_database_adds_what_is_missing():
    _seed(cases=60, articles=50, seed=1, no_index=True)
    before = _snapshot()[1]
    _seed(cases=60, articles=200, seed=1, no_index=True)
    articles = {article[0]: article for article in _snapshot()[1]}
    assert len(articles) == 200
    assert all(articles[article[0]] == article for article in before)
    _seed(cases=120, articles=200, seed=1, no_index=True)
    assert CasePage.objects.count() == 120 and ArticlePage.objects.count() == 200
    assert Page.find_problems() == ([], [], [], [], [])


def test_no_two_demo_cases_or_articles_share_a_title():
    from home import demo

    # Past one round of every (project, city) pair, too.
    cases = [demo.case_title(1, n) for n in range(1, 45_001)]
    assert len(set(cases)) == len(cases)
    articles = [demo.article_data(1, n, 300, 24)["title"] for n in range(1, 1_001)]
    assert len(set(articles)) == len(articles)


@pytest.mark.django_db
def test_demo_content_reads_like_content(client):
    _seed(cases=200, articles=60, seed=1, no_index=True)
    cases = list(CasePage.objects.prefetch_related("sdgs", "topics"))
    assert len({c.title for c in cases}) == len(cases)
    summaries = [c.summary for c in cases]
    assert len(set(summaries)) == len(summaries)
    # Varied wording: with the city taken out, many different sentences remain.
    shapes = {" ".join(c.summary.replace(c.city, "").split()[:3]) for c in cases}
    assert len(shapes) >= 12
    assert all(len(s) <= 300 for s in summaries)

    for article in ArticlePage.objects.prefetch_related(
        "sdgs", "topics", "related_cases__sdgs", "related_cases__topics", "authors__researcher"
    ):
        sdgs = {s.number for s in article.sdgs.all()}
        topics = {t.slug for t in article.topics.all()}
        for case in article.related_cases.all():
            assert sdgs & {s.number for s in case.sdgs.all()} or topics & {
                t.slug for t in case.topics.all()
            }, (article.title, case.title)
        for author in article.authors.all():
            assert author.researcher.name.split(" ", 1)[1] in article.reference
        assert article.title in article.reference

    # The home page's spotlight, as in the README's screenshot.
    home = client.get("/").content.decode()
    assert "In the spotlight" in home and "SDG 13" in home


@pytest.mark.django_db
def test_a_share_of_demo_cases_show_an_illustration_drawn_in_their_sdg_colour(client):
    import io

    from PIL import Image as PILImage

    from home.demo_images import CREDIT

    _seed(cases=120, articles=0, seed=1, no_index=True)
    cases = list(CasePage.objects.select_related("main_image").prefetch_related("sdgs"))
    illustrated = [c for c in cases if c.main_image_id]
    assert 0.25 * len(cases) <= len(illustrated) <= 0.55 * len(cases)
    images = {c.main_image for c in illustrated}
    assert len(images) <= 17 * 3  # drawn once per goal and scene, then shared
    for case in illustrated:
        image = case.main_image
        first = min(case.sdgs.all(), key=lambda s: s.number)
        assert image.description.startswith(f"Illustration in the colours of SDG {first.number}")
        assert (case.image_credit, case.image_licence) == (CREDIT, "cc0-1.0")
        with image.open_file() as f:
            picture = PILImage.open(io.BytesIO(f.read())).convert("RGB")
        assert picture.size == (1200, 675)
        colour = tuple(int(first.colour[i : i + 2], 16) for i in (1, 3, 5))
        assert colour in {rgb for _count, rgb in picture.getcolors(maxcolors=100_000)}
    case = illustrated[0]
    html = client.get(case.url).content.decode()
    assert f'alt="{case.main_image.description}"' in html
    assert "Illustration: Closer Cities demo data · CC0 1.0 (public domain)" in html
    # Running again adds no image: they are found, not drawn anew.
    count = type(case.main_image).objects.count()
    _seed(cases=120, articles=0, seed=1, no_index=True)
    assert type(case.main_image).objects.count() == count


@pytest.mark.django_db
def test_languages_adds_cases_in_french_spanish_and_portuguese_in_their_own_trees():
    _seed(cases=2, articles=0, seed=1, languages=True)
    language = dict(CasePage.objects.values_list("title", "locale__language_code"))
    assert language["Coopérative solaire citoyenne à Lyon"] == "fr"
    assert language["Red de carriles bici protegidos en Sevilla"] == "es"
    assert language["Programa Housing First em Lisboa"] == "pt"
    # Some are translated into English: the English page is a translation of the original.
    english = CasePage.objects.get(title="Citizens' solar cooperative in Lyon")
    assert english.locale.language_code == "en"
    original = english.get_translation(Locale.objects.get(language_code="fr"))
    assert original.title == "Coopérative solaire citoyenne à Lyon"
    assert original.url.startswith("/fr/cases/")
    assert CasePage.objects.count() == 2 + 20 + 5
    _seed(cases=2, articles=0, seed=1, languages=True)
    assert CasePage.objects.count() == 2 + 20 + 5


@pytest.mark.django_db
def test_at_least_15_percent_of_demo_cases_were_written_in_french_spanish_or_portuguese():
    _seed(cases=300, articles=0, seed=1, languages=True, no_index=True, no_images=True)
    written = CasePage.objects.filter(locale__language_code__in=["fr", "es", "pt"]).count()
    assert written / CasePage.objects.count() >= 0.15


@pytest.mark.django_db
def test_seed_creates_the_platform_pages_in_every_language(settings):
    _seed(cases=0, articles=0, seed=1)
    for code, _name in settings.LANGUAGES:
        titles = set(
            Page.objects.filter(locale__language_code=code, depth__gt=1).values_list(
                "slug", flat=True
            )
        )
        for slug in ["cases", "science", "about", "objectives", "research-questions"]:
            assert slug in titles, (code, slug)
        assert {"principles", "privacy", "submit-a-case", "tell-us-how-you-share"} <= titles
    french = Page.objects.get(locale__language_code="fr", slug="about")
    assert french.title == "À propos" and french.live
