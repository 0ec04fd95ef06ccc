"""A page tree per language (issue 15): the Locales of the languages the site ships, and the
platform's own pages (home, the case and science indexes, the forms, About, Objectives,
Research questions, Principles, Contact, Privacy, Insights, Benchmark, Events, the policy
library and its proposal form, Partners and its form) translated into each, with their titles
and introductions written by people (home/site_translations.py). `seed_demo` and
`manage.py setup_languages` call `ensure_locale_trees`; running it again only adds what is
missing, and never overwrites a page editors have translated."""

from django.conf import settings
from django.db import transaction

from wagtail.models import GroupPagePermission, Locale, Page, WorkflowPage

from .site_content import stream_data, translated_text
from .site_translations import PAGES

# The platform's pages that live below another of its pages: {parent slug: (child slug, ...)}.
NESTED = {"partners": ("become-a-partner",)}


def ensure_locales():
    """A Locale for every language in settings.LANGUAGES; returns them by code."""
    locales = {}
    for code, _name in settings.LANGUAGES:
        locales[code], _ = Locale.objects.get_or_create(language_code=code)
    return locales


@transaction.atomic
def ensure_locale_trees(home=None):
    """Create the missing translations of the platform's pages, and give those made before
    their body's text shipped (untouched since) that text. Returns the pages created or
    changed."""
    locales = ensure_locales()
    default = locales[settings.LANGUAGE_CODE]
    if home is None:
        home = Page.objects.filter(depth=2, locale=default).order_by("path").first()
    if home is None:
        return []
    home = home.specific
    # The platform's pages below the home page, then the forms below them (NESTED), parents
    # first: a translation needs its parent's. Named one by one, never by slug alone deeper
    # down, where a case or an event may have any slug.
    top = [
        page.specific for page in home.get_children().filter(slug__in=PAGES.keys(), locale=default)
    ]
    nested = [
        child.specific
        for parent in top
        for child in parent.get_children().filter(slug__in=NESTED.get(parent.slug, ()))
    ]
    sources = [home, *top, *nested]
    created = []
    for code, locale in locales.items():
        if locale == default:
            continue
        existing = {
            page.translation_key: page
            for page in Page.objects.filter(
                locale=locale, translation_key__in=[p.translation_key for p in sources]
            ).specific()
        }
        for source in sources:
            if source.translation_key in existing:
                # A translation made before its body's text shipped, and untouched since.
                page = existing[source.translation_key]
                if _body_as_source(page, source) and _fill_body(page, source.slug, code):
                    page.save_revision().publish()
                    created.append(page)
                continue
            text = PAGES.get("" if source.pk == home.pk else source.slug, {}).get(code)
            page = source.copy_for_translation(locale)
            if text:
                page.title, intro = text
                page.draft_title = page.title
                if hasattr(page, "intro"):
                    page.intro = f"<p>{intro}</p>"
                page.search_description = intro
                page.seo_title = ""
            _fill_body(page, source.slug, code)
            page.save_revision().publish()
            created.append(page)
    return created


def _body_as_source(page, source):
    """Whether a translation's body is still its source's, block for block (never edited)."""
    if not hasattr(page, "body") or not page.body:
        return False

    def texts(body):
        return [getattr(block.value, "source", block.value) for block in body]

    return texts(page.body) == texts(source.body)


def _fill_body(page, slug, code):
    """Give a platform page its body and description in language `code`, when they ship."""
    text = translated_text(slug, code) if hasattr(page, "body") else None
    if text is None:
        return False
    page.search_description, blocks = text
    page.body = stream_data(blocks)
    return True


def share_review_setup(source, translation):
    """A translation is reviewed like its source: the same workflow ("Case review" on the case
    index) and the same groups' permissions (moderators, editors) apply to its tree. Connected
    to Wagtail's `copy_for_translation_done`, so pages translated in the admin get it too."""
    if not isinstance(source, Page) or not isinstance(translation, Page):
        return
    assignment = WorkflowPage.objects.filter(page=source).first()
    if assignment is not None:
        WorkflowPage.objects.get_or_create(
            page=translation, defaults={"workflow": assignment.workflow}
        )
    for permission in GroupPagePermission.objects.filter(page=source):
        GroupPagePermission.objects.get_or_create(
            group_id=permission.group_id, page=translation, permission=permission.permission
        )


def on_copy_for_translation(sender, source_obj, target_obj, **kwargs):
    share_review_setup(source_obj, target_obj)
