"""The translations the site ships are complete: every language of settings.LANGUAGES (but the
default, English) has a catalogue in locale/ with no untranslated or fuzzy string, that
compiles with gettext's format checks, and that holds every string `makemessages` finds in the
tree today, so a string added later without its translations fails here."""

import os
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils.translation import to_locale

import polib
import pytest

LOCALE = Path(settings.BASE_DIR) / "locale"
SHIPPED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
IGNORE = ["static/vendor"]
IGNORE_DIRS = ["node_modules", "static_collected", "media", "test-artifacts", "__pycache__"]


def catalogue(code):
    return LOCALE / to_locale(code) / "LC_MESSAGES" / "django.po"


def key(entry):
    return (entry.msgctxt or "", entry.msgid)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """{(context, msgid)} of every translatable string in the tree, as `makemessages` finds it.
    It runs on a copy of the sources: run in the tree, it would merge into locale/ itself."""
    tree = tmp_path_factory.mktemp("tree") / "src"
    shutil.copytree(
        settings.BASE_DIR,
        tree,
        ignore=shutil.ignore_patterns(".*", "locale", "*.sqlite3", "*.mo", *IGNORE_DIRS),
    )
    out = tree / "messages"
    cwd = os.getcwd()
    os.chdir(tree)
    try:
        with override_settings(LOCALE_PATHS=[str(out)]):
            call_command(
                "makemessages",
                locale=["fr"],
                ignore_patterns=IGNORE,
                no_obsolete=True,
                verbosity=0,
            )
    finally:
        os.chdir(cwd)
    po = polib.pofile(str(out / "fr" / "LC_MESSAGES" / "django.po"))
    return {key(entry) for entry in po if not entry.obsolete}


@pytest.mark.parametrize("code", SHIPPED)
def test_catalogue_has_no_untranslated_or_fuzzy_string(code):
    path = catalogue(code)
    assert path.exists(), f"{code}: no catalogue at {path}"
    po = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{code}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{code}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


@pytest.mark.parametrize("code", SHIPPED)
def test_catalogue_compiles_with_its_placeholders_intact(code, tmp_path):
    """msgfmt's checks: a translation keeps the %(name)s placeholders of its msgid."""
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "gettext's msgfmt is needed to compile the translations (make install)"
    result = subprocess.run(  # noqa: S603
        [msgfmt, "--check", "-o", str(tmp_path / "django.mo"), str(catalogue(code))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize("code", SHIPPED)
def test_every_string_of_the_tree_is_translated(code, extracted):
    po = polib.pofile(str(catalogue(code)))
    translated = {key(entry) for entry in po.translated_entries() if not entry.obsolete}
    missing = sorted(extracted - translated)
    assert not missing, (
        f"{code}: {len(missing)} strings of the tree are not in {catalogue(code)}, "
        f"e.g. {[msgid for _context, msgid in missing[:5]]}"
    )
