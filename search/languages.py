"""How search reads each language's text: the same words of a visitor's query find the
forms a language gives them ("logements" finds "logement", "vivienda" finds "viviendas"),
and Chinese text, written without spaces, is found by any part of it.

Per language, for each place search runs:
- PostgreSQL: the text-search configuration a page's text is indexed in (its page's language)
  and a query is read in (`french`, `spanish`, …; `simple` where PostgreSQL has none);
- SQLite (FTS5, unicode61 with diacritics removed, which has no stemmer): each query word is
  cut to its Snowball stem and matched as the start of a word; Chinese words are matched as
  text inside the title or body;
- Elasticsearch/OpenSearch: a text field per language with that language's analyser from
  analysis-common (`french`, `spanish`, `arabic`, `cjk`, `russian`, `portuguese`,
  `english`), filled only for pages in that language (see search/engines/__init__.py).

English reads as it always has (the backends' own configuration, exact words on SQLite), so
an English search finds what it found before.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

ALL_LANGUAGES = "all"


def language_codes():
    """The languages search takes (`locale`): the site's languages."""
    from django.conf import settings

    return [code for code, _ in settings.LANGUAGES]


def visitor_language():
    """The content language of the visitor's interface language (the active one)."""
    from django.utils.translation import get_language

    from wagtail.coreutils import get_supported_content_language_variant

    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return default_language()


def default_language():
    """The site's default language code (English): what the API searches without `locale`."""
    from django.conf import settings

    from wagtail.coreutils import get_supported_content_language_variant

    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


@dataclass(frozen=True)
class Language:
    # Snowball stemmer cutting SQLite query words (None: words as typed)
    stemmer: str | None
    # PostgreSQL text-search configuration (None: the backend's own, as before)
    postgres: str | None
    # Elasticsearch/OpenSearch analyser of the language's field
    analyser: str


LANGUAGES = {
    "en": Language(None, None, "english"),
    "fr": Language("french", "french", "french"),
    "es": Language("spanish", "spanish", "spanish"),
    "pt": Language("portuguese", "portuguese", "portuguese"),
    "ru": Language("russian", "russian", "russian"),
    # (Arabic attaches articles and prepositions in front of words: a stem is not the
    # start of the written word, so SQLite matches Arabic words as typed.)
    "ar": Language(None, "arabic", "arabic"),
    "zh": Language(None, "simple", "cjk"),
}
# Stems shorter than this match too many words by their start ("log" for "logements"): the
# word's first letters are used instead.
MIN_PREFIX = 4
# Han, kana and hangul: scripts written without spaces between words.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def language(code):
    """The reading of language `code` (e.g. "fr", "zh-hans"), or None for every language
    ("all") and languages without one."""
    if not code or code == ALL_LANGUAGES:
        return None
    return LANGUAGES.get(code) or LANGUAGES.get(code.split("-")[0])


def field_name(code):
    """The engine's text field for pages in language `code`."""
    return "language_text_" + code.replace("-", "_")


def is_cjk(word):
    return bool(_CJK.search(word))


@lru_cache(maxsize=16)
def _stemmer(name):
    import snowballstemmer

    return snowballstemmer.stemmer(name)


def word_start(word, code):
    """The start of `word` that its forms in language `code` share (its stem), or None when
    the word is matched as typed."""
    reading = language(code)
    if reading is None or reading.stemmer is None or is_cjk(word):
        return None
    word = word.lower()
    stem = _stemmer(reading.stemmer).stemWord(word)
    if len(stem) < MIN_PREFIX:
        stem = word[: max(MIN_PREFIX, len(stem))]
    return stem


def postgres_config(code, default):
    """The PostgreSQL configuration for language `code` (`default` for English and for every
    language), if the database has it (`simple` otherwise)."""
    reading = language(code)
    if reading is None or reading.postgres is None:
        return default
    return reading.postgres if reading.postgres in _postgres_configs() else "simple"


@lru_cache(maxsize=1)
def _postgres_configs():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        return frozenset(row[0] for row in cursor.fetchall())


def locale_codes():
    """{locale id: language code}: read once per batch of pages being indexed."""
    from wagtail.models import Locale

    return dict(Locale.objects.values_list("pk", "language_code"))


def page_language(obj, codes):
    """The language code of an indexed object (a page's locale, looked up in `codes` from
    `locale_codes()`), or None for objects that have no language."""
    return codes.get(getattr(obj, "locale_id", None))
