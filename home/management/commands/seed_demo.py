"""python manage.py seed_demo --cases N --articles M --seed S"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tqdm import tqdm

from articles.models import ArticleAuthor, ArticleIndexPage, ArticlePage, ArticleTopic, Researcher
from cases.models import CaseActor, CaseIndexPage, CasePage, CaseTopic
from cityevents.demo import seed_events_and_partners
from exchange import demo as exchange_demo
from home import demo, demo_languages, locale_trees, site_content
from home.bulk import add_live_children
from home.demo_images import illustrate
from home.models import HomePage
from library import demo as library_demo
from search.indexing import index_missing
from taxonomy.models import SDG, Topic

CHUNK = 2000


class Command(BaseCommand):
    help = (
        "Create demo cases in real cities and science articles linked to them. Deterministic "
        "for a seed; running it again only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=300)
        parser.add_argument("--articles", type=int, default=40)
        parser.add_argument("--researchers", type=int, default=24)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--no-index", action="store_true", help="Skip search indexing.")
        parser.add_argument(
            "--no-images", action="store_true", help="Give no case an illustration."
        )
        parser.add_argument(
            "--languages",
            action="store_true",
            help="Also add the demo cases written in French, Spanish and Portuguese.",
        )

    def handle(
        self, *args, cases, articles, researchers, seed, no_index, no_images, languages, **options
    ):
        if min(cases, articles, researchers) < 0 or (articles and not researchers):
            raise CommandError("Counts must be zero or more, and articles need researchers.")
        case_index = CaseIndexPage.for_language()
        article_index = ArticleIndexPage.objects.filter(locale=case_index.locale).first()
        if case_index is None or article_index is None:
            raise CommandError("The case and article index pages are missing: run migrate first.")
        self.topics = {t.name: t.pk for t in Topic.objects.all()}
        self.images = not no_images

        home = case_index.get_parent().specific
        self.seed_standard_pages(home)
        self.seed_spotlight(home)
        new_cases = self.seed_cases(case_index, cases, seed, languages)
        new_articles = self.seed_articles(article_index, articles, researchers, cases, seed)
        library_demo.seed(stdout=self.stdout)
        exchange_demo.seed_exchange(cases, seed, sum(demo.cities_by_continent().values(), []))
        if not no_index:
            # Whatever the index is missing, in bounded, retried chunks: a re-run finishes
            # what an interrupted run left.
            index_missing([CasePage, ArticlePage], stream=self.stderr._out)
        seed_events_and_partners(self.stdout, seed)
        self.stdout.write(
            f"Seeded {len(new_cases)} new cases and {len(new_articles)} new articles "
            f"(seed {seed}); {CasePage.objects.count()} cases in total."
        )

    def bar(self, total, desc):
        return tqdm(total=total, desc=desc, unit="page", disable=not total, file=self.stderr._out)

    def seed_standard_pages(self, home):
        site_content.ensure_pages(home)
        # The platform's pages in every language of settings.LANGUAGES (their own trees).
        locale_trees.ensure_locale_trees(home)

    def seed_spotlight(self, home):
        """The home page's "In the spotlight" block shows a goal (the README's screenshot shows
        SDG 13), unless editors already chose one."""
        if not isinstance(home, HomePage) or home.spotlight_sdg_id:
            return
        home.spotlight_sdg = SDG.objects.get(number=demo.SPOTLIGHT_SDG)
        home.spotlight_intro = demo.SPOTLIGHT_INTRO
        home.save_revision().publish()

    def seed_cases(self, index, count, seed, languages=False):
        existing = set(CasePage.objects.child_of(index).values_list("slug", flat=True))
        wanted = list(range(1, count + 1))
        created = []
        with self.bar(count, "Cases") as bar:
            for start in range(0, len(wanted), CHUNK):
                data = [demo.case_data(seed, n) for n in wanted[start : start + CHUNK]]
                bar.update(len(data))
                data = [item for item in data if item["slug"] not in existing]
                if data:
                    created.extend(self.create_cases(index, data, seed))
        if languages:
            created.extend(self.seed_language_cases(index, count, seed))
        return created

    def seed_language_cases(self, index, english_count, seed):
        """Cases written in French, Spanish and Portuguese, in their own language's tree (at
        least 15 % of the demo cases), and the English translations of a few of them."""
        indexes = {
            page.locale.language_code: page
            for page in CaseIndexPage.objects.filter(
                translation_key=index.translation_key
            ).select_related("locale")
        }
        created = []
        by_language = {}
        for number, item in enumerate(demo_languages.all_case_data(seed, english_count)):
            language = item.pop("language")
            if language in indexes:
                by_language.setdefault(language, []).append(item)
                english = demo_languages.english_translation(seed, number)
                if english is not None:
                    english.pop("language")
                    by_language.setdefault(index.locale.language_code, []).append(english)
        for language, data in by_language.items():
            parent = indexes.get(language, index)
            existing = set(CasePage.objects.child_of(parent).values_list("slug", flat=True))
            data = [item for item in data if item["slug"] not in existing]
            if data:
                created.extend(self.create_cases(parent, data, seed))
        return created

    @transaction.atomic
    def create_cases(self, index, data, seed):
        pages = [
            CasePage(**{k: v for k, v in item.items() if k not in {"sdgs", "topics", "actors"}})
            for item in data
        ]
        if self.images:
            illustrate(pages, data, seed)
        add_live_children(index, pages, stable_keys=True)
        through = CasePage.sdgs.through
        through.objects.bulk_create(
            through(casepage_id=page.pk, sdg_id=number)
            for page, item in zip(pages, data, strict=True)
            for number in item["sdgs"]
        )
        CaseTopic.objects.bulk_create(
            CaseTopic(content_object_id=page.pk, tag_id=self.topics[name])
            for page, item in zip(pages, data, strict=True)
            for name in item["topics"]
        )
        CaseActor.objects.bulk_create(
            CaseActor(page_id=page.pk, sort_order=order, **actor)
            for page, item in zip(pages, data, strict=True)
            for order, actor in enumerate(item["actors"])
        )
        return [page.pk for page in pages]

    @transaction.atomic
    def seed_articles(self, index, count, researcher_count, case_count, seed):
        researchers = []
        for n in range(1, researcher_count + 1 if count else 1):
            item = demo.researcher_data(seed, n)
            researcher, _ = Researcher.objects.get_or_create(orcid=item["orcid"], defaults=item)
            researchers.append(researcher.pk)
        existing = set(ArticlePage.objects.child_of(index).values_list("slug", flat=True))
        data = [
            demo.article_data(seed, n, case_count, len(researchers)) for n in range(1, count + 1)
        ]
        data = [item for item in data if item["slug"] not in existing]
        if not data:
            return []
        case_ids = dict(CasePage.objects.values_list("slug", "pk"))
        fields = {"sdgs", "topics", "authors", "related_cases"}
        pages = [ArticlePage(**{k: v for k, v in item.items() if k not in fields}) for item in data]
        with self.bar(len(pages), "Articles") as bar:
            add_live_children(index, pages, stable_keys=True)
            bar.update(len(pages))
        pairs = list(zip(pages, data, strict=True))
        ArticlePage.sdgs.through.objects.bulk_create(
            ArticlePage.sdgs.through(articlepage_id=page.pk, sdg_id=number)
            for page, item in pairs
            for number in item["sdgs"]
        )
        ArticleTopic.objects.bulk_create(
            ArticleTopic(content_object_id=page.pk, tag_id=self.topics[name])
            for page, item in pairs
            for name in item["topics"]
        )
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(page_id=page.pk, researcher_id=researchers[n - 1], sort_order=order)
            for page, item in pairs
            for order, n in enumerate(item["authors"])
        )
        related = ArticlePage.related_cases.through
        related.objects.bulk_create(
            related(articlepage_id=page.pk, casepage_id=case_ids[slug])
            for page, item in pairs
            for slug in (demo.case_data(seed, n)["slug"] for n in item["related_cases"])
            if slug in case_ids
        )
        return [page.pk for page in pages]
