"""The live figures of `/api/v2/stats/`, counted by the database in one statement.

The public cases are read once (live, not under a view restriction) and every tally (per
country, region, SDG and topic, and the totals) is grouped over that one set, instead of a
query per figure that joins the page tree again each time.
"""

# The SQL here is assembled from table names read from the models and fixed fragments;
# every value is passed as a query parameter.
# ruff: noqa: S608

from django.db import connection
from django.db.models import Max

from wagtail.models import Locale, Page, PageViewRestriction

from django_countries import countries

from articles.models import ArticlePage
from cases.models import CasePage
from taxonomy import regions
from taxonomy.models import SDG, Topic


def _public(alias, private, locale=None):
    """Conditions (and parameters) for live pages outside every view restriction, in the
    language `locale` (a language code) or in any language (None)."""
    conditions = [f"{alias}.live = %s"]
    params = [True]
    if locale:
        conditions.append(
            f"{alias}.locale_id IN (SELECT l.id FROM {Locale._meta.db_table} l "
            "WHERE l.language_code = %s)"
        )
        params.append(locale)
    for path in private:
        conditions.append(f"{alias}.path NOT LIKE %s")
        params.append(path + "%")
    return " AND ".join(conditions), params


def _statement(private, locale=None):
    page = Page._meta.db_table
    sdgs = CasePage._meta.get_field("sdgs")
    topics = CasePage._meta.get_field("topics").remote_field.through
    sdg_table, sdg_value = sdgs.remote_field.through._meta.db_table, sdgs.m2m_reverse_name()
    topic_page = topics._meta.get_field("content_object").column
    tag = topics._meta.get_field("tag").column
    public, params = _public("p", private, locale)
    cases = (
        f"SELECT p.id, k.country, k.region FROM {page} p "
        f"JOIN {CasePage._meta.db_table} k ON k.page_ptr_id = p.id WHERE {public}"
    )
    articles = (
        f"SELECT COUNT(*) FROM {page} p "
        f"JOIN {ArticlePage._meta.db_table} a ON a.page_ptr_id = p.id WHERE {public}"
    )
    parts = [
        # The first SELECT names the column types (PostgreSQL reads a bare NULL as text).
        "SELECT 'cases', CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS BIGINT), "
        "COUNT(*) FROM c",
        f"SELECT 'articles', NULL, NULL, NULL, ({articles})",
        "SELECT 'country', c.country, NULL, NULL, COUNT(*) FROM c GROUP BY c.country",
        "SELECT 'region', c.region, NULL, NULL, COUNT(*) FROM c WHERE c.region <> '' "
        "GROUP BY c.region",
        # CROSS JOIN: SQLite reads the cases first and looks their rows up by case, rather
        # than the whole relation table by value (the same plan for PostgreSQL's planner).
        f"SELECT 'sdg', NULL, NULL, r.{sdg_value}, COUNT(*) FROM c CROSS JOIN {sdg_table} r "
        f"WHERE r.{sdgs.m2m_column_name()} = c.id GROUP BY r.{sdg_value}",
        f"SELECT 'topic', t.slug, t.name, NULL, x.n FROM (SELECT r.{tag} AS tag, COUNT(*) AS n "
        f"FROM c CROSS JOIN {topics._meta.db_table} r WHERE r.{topic_page} = c.id "
        f"GROUP BY r.{tag}) x JOIN {Topic._meta.db_table} t ON t.id = x.tag",
    ]
    sql = f"WITH c AS MATERIALIZED ({cases}) " + " UNION ALL ".join(parts)
    return sql, [*params, *params]


def _last_published(private, locale=None):
    """When a public case or article was last published, or None."""
    pages = Page.objects.live().type(CasePage, ArticlePage)
    if locale:
        pages = pages.filter(locale__language_code=locale)
    for path in private:
        pages = pages.exclude(path__startswith=path)
    return pages.aggregate(latest=Max("last_published_at"))["latest"]


def statistics(locale=None):
    """The live figures of the platform: counts of cases and articles, countries, the last
    publication, and cases per SDG, topic, country and region; of the pages in the language
    `locale` (a language code), or of every language (None)."""
    private = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    sql, params = _statement(private, locale)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    totals, by_country, by_region, per_sdg, by_topic = {}, [], [], {}, []
    for kind, text, label, number, count in rows:
        if kind in ("cases", "articles"):
            totals[kind] = count
        elif kind == "country":
            by_country.append((text, count))
        elif kind == "region":
            by_region.append((text, count))
        elif kind == "sdg":
            per_sdg[int(number)] = count
        else:
            by_topic.append((text, label, count))
    latest = _last_published(private, locale)
    return {
        "cases": totals.get("cases", 0),
        "articles": totals.get("articles", 0),
        "countries": len(by_country),
        "last_updated": latest.isoformat() if latest else None,
        "by_sdg": [
            {
                "sdg": sdg.number,
                "title": sdg.title,
                "colour": sdg.colour,
                "count": per_sdg.get(sdg.number, 0),
            }
            for sdg in SDG.objects.order_by("number")
        ],
        "by_topic": [
            {"topic": slug, "name": name, "count": count}
            for slug, name, count in sorted(by_topic, key=lambda row: (-row[2], row[1]))
        ],
        "by_country": [
            {"country": code, "name": countries.name(code), "count": count}
            for code, count in sorted(by_country, key=lambda row: (-row[1], row[0]))
        ],
        "by_region": [
            {"region": code, "name": regions.region_name(code), "count": count}
            for code, count in sorted(by_region)
        ],
    }
