"""Search on the database itself (SQLite or PostgreSQL, no search server): one SQL statement
gives a page of hits, the total and every facet's disjunctive counts.

How the statement works:
1. the keyword ranking (`search.ranking`) gives the pages the words match, with a score;
2. `m` (materialised once) holds the live, public pages of every searchable type
   (`search.registry`: cases, articles, events, ...) that match, with their facet values
   (read from each type's own table, LEFT JOINed to the page) and, for every facet with a
   selection, whether the page fails it (`x_<facet>`) and how many selections it fails
   (`fails`). Pages failing two or more selections are left out: they count nowhere;
3. each facet counts its values over the pages that pass every selection but (perhaps) its
   own, grouped in the database; the hits are the pages that pass everything, in the
   requested order, numbered so one page of them comes back.

So the cost follows the number of pages that match the text (or, without text, every live
page, counted inside the database), never Python work per page. The hypothesis test in
tests/search/test_facet_counts.py checks every count against counts made independently.
"""

# The SQL here is assembled from table names read from the models and fixed fragments;
# every value a visitor chooses is passed as a query parameter.
# ruff: noqa: S608

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models

from wagtail.models import Locale, Page

from taxonomy.models import Topic

from .ranking import keyword_ranking, words_of
from .registry import COLUMN_FACETS, SORT_COLUMNS, extra_facets, search_types
from .services import ALL_LANGUAGES, FACETS, MAX_YEAR, MIN_YEAR, TYPES, FacetCounts

# The facets that `m` carries as a text column (counted per value); the year is a number.
# The facets page types bring (registry.extra_facets: the library's document type, the cases'
# video) are text columns too, named `e_<facet>`; a yes/no field's values are "true"/"false".
TEXT_FACETS = ("country", "region", "status")


def _text_columns():
    """(facet, column of `m`) of every facet counted per text value."""
    shared = [(facet, facet) for facet in (*TEXT_FACETS[:2], "type", TEXT_FACETS[2])]
    return shared + [(facet, f"e_{facet}") for facet in extra_facets()]


# How the hits are ordered, by SearchParams.order, over the columns of `m` (id, type,
# published, the facet values, and `rank`: the ranking's score; add a column to ORDER_COLUMNS
# for an order that needs another). Relevance needs words to rank by: without text, the newest
# come first.
ORDERS = {
    "relevance": "rank DESC, id DESC",
    "newest": "published DESC NULLS LAST, id DESC",
    # Cases without a start year (and articles) last; ties newest first, as on the engine.
    "start_year": "start_year IS NULL, start_year, published DESC NULLS LAST, id DESC",
    "title": "sort_title, published DESC NULLS LAST, id DESC",
}
# Columns `m` carries only for the orders that sort by them (the start year: the page types
# that give a `start_year` column in the registry, cases; NULL for the others).
ORDER_COLUMNS = {
    "start_year": "{start_year} AS start_year",
    "title": "LOWER(p.title) AS sort_title",
}


def _placeholders(values):
    return ", ".join(["%s"] * len(values))


class Statement:
    """The one SQL statement for a search: built from the parameters, the restricted tree
    paths and the keyword ranking (or none)."""

    def __init__(self, params, private, ranking=None, words=()):
        self.params = params
        self.private = private
        self.ranking = ranking if words else None
        self.words = words
        self.types = {
            key: ContentType.objects.get_for_model(model).pk for key, model in TYPES.items()
        }
        self.tables = _tables()

    # The selections, as SQL conditions on the page `p` and its page type's row -------------

    def _relation_condition(self, facet, chosen):
        """The page has at least one of the chosen SDGs (or topics): one list of pages,
        made once per statement, that every page is looked up in."""
        if not self.tables[facet]:  # no page type has SDGs (or topics)
            return "1 = 0", []
        values = f"({_placeholders(chosen)})"
        if facet == "topic":  # chosen by slug
            values = f"(SELECT t.id FROM {self.tables['topic_table']} t WHERE t.slug IN {values})"
        pages = " UNION ALL ".join(
            f"SELECT r.{table['page']} FROM {table['table']} r WHERE r.{table['value']} IN {values}"
            for table in self.tables[facet].values()
        )
        return f"p.id IN ({pages})", list(chosen) * len(self.tables[facet])

    def _condition(self, facet):
        """(SQL, args) true when the page satisfies this facet's selection, or None when the
        facet has no selection."""
        params = self.params
        if facet == "year":
            if not params.has_year_range:
                return None
            low, high = params.year_from or MIN_YEAR, params.year_to or MAX_YEAR
            return f"({self._value('year')} BETWEEN %s AND %s)", [low, high]
        chosen = list(params.selected(facet))
        if not chosen:
            return None
        if facet in ("sdg", "topic"):
            return self._relation_condition(facet, chosen)
        if facet == "type":
            return f"p.content_type_id IN ({_placeholders(chosen)})", [
                self.types[key] for key in chosen
            ]
        marks = _placeholders(chosen)
        if facet == "region":  # a region or a sub-region
            return (
                f"({self._value('region')} IN ({marks}) OR {self._value('subregion')} IN ({marks}))",
                chosen + chosen,
            )
        return f"{self._value(facet)} IN ({marks})", chosen

    def _value(self, facet):
        """SQL for the page's value of a single-valued facet, read from its own type's row:
        the column itself when one page type has it (a case's `status`), else chosen by the
        page's content type; NULL for the types without one."""
        values = self.tables["columns"][facet]
        if not values:
            return "CAST(NULL AS INTEGER)" if facet == "year" else "CAST(NULL AS TEXT)"
        if len(values) == 1:
            return next(iter(values.values()))
        cases = " ".join(f"WHEN {int(self.types[key])} THEN {sql}" for key, sql in values.items())
        return f"CASE p.content_type_id {cases} END"

    # The statement ---------------------------------------------------------------------------

    def build(self):
        """(sql, args) of the whole statement."""
        selected = {}
        for facet in FACETS:
            condition = self._condition(facet)
            if condition is not None:
                selected[facet] = condition
        self.selected = list(selected)

        sql, args = "WITH ", []
        if self.ranking is not None:
            ranking_sql, ranking_args = self.ranking.sql(
                self.words, TYPES.values(), self.params.locale
            )
            # MATERIALIZED: SQLite computes bm25() only where the MATCH itself runs.
            sql += f"ranked AS MATERIALIZED ({ranking_sql}), "
            args.extend(ranking_args)

        type_ids = list(self.types.values())
        type_names = " ".join(f"WHEN %s THEN '{key}'" for key in self.types)
        columns = [
            "p.id",
            f"CASE p.content_type_id {type_names} END AS type",
            "p.first_published_at AS published",
            *(f"{self._value(facet)} AS {facet}" for facet in TEXT_FACETS),
            *(f"{self._value(facet)} AS e_{facet}" for facet in extra_facets()),
            f"{self._value('year')} AS year",
            *(["k.entry", "k.score"] if self.ranking is not None else []),
            *(
                [ORDER_COLUMNS[self.params.order].format(start_year=self._value("start_year"))]
                if self.params.order in ORDER_COLUMNS
                else []
            ),
        ]
        args.extend(type_ids)
        for facet, (condition, condition_args) in selected.items():
            columns.append(f"CASE WHEN {condition} THEN 0 ELSE 1 END AS x_{facet}")
            args.extend(condition_args)

        source = f"{self.tables['page']} p"
        if self.ranking is not None:
            source = f"ranked k JOIN {source} ON p.id = k.page_id"
        where = [f"p.live = %s AND p.content_type_id IN ({_placeholders(type_ids)})"]
        args.extend([True, *type_ids])
        for path in self.private:
            where.append("p.path NOT LIKE %s")
            args.append(path + "%")
        if self.params.locale != ALL_LANGUAGES:
            # The pages written in the language searched (one locale row, looked up once).
            where.append(
                f"p.locale_id IN (SELECT l.id FROM {self.tables['locale']} l "
                "WHERE l.language_code = %s)"
            )
            args.append(self.params.locale)
        # Each page type's own table (only those holding a facet value), joined to its pages.
        joins = "".join(
            f"LEFT JOIN {table} {alias} ON {alias}.{pk} = p.id "
            for alias, (table, pk) in self.tables["joins"].items()
        )
        base = f"SELECT {', '.join(columns)} FROM {source} {joins}WHERE {' AND '.join(where)}"
        # Not merged into the query around it, which would work out every failure flag again
        # for each place it is named: SQLite does not merge a subquery with a LIMIT, nor
        # PostgreSQL one with an OFFSET.
        base += " LIMIT -1" if connection.vendor == "sqlite" else " OFFSET 0"
        fails = " + ".join(f"b.x_{facet}" for facet in selected) or "0"
        matched = f"SELECT b.*, {fails} AS fails FROM ({base}) b"
        if len(selected) > 1:
            matched += f" WHERE {fails} <= 1"  # failing two selections: counted nowhere
        parts, parts_args = self._parts()
        sql += f"m AS MATERIALIZED ({matched}) " + " UNION ALL ".join(parts)
        return sql, [*args, *parts_args]

    def _passes(self, facet=None):
        """Pages counted for `facet` (all of its own selection's failures included), or for
        the hits when `facet` is None."""
        if not self.selected:
            return "1 = 1"
        if facet in self.selected:
            return f"(m.fails = 0 OR m.x_{facet} = 1)"
        return "m.fails = 0"

    def _parts(self):
        """The SELECTs of the statement, each giving (kind, text, number, count) rows, and the
        parameters of the last one (the hits)."""
        # The first SELECT names the column types (PostgreSQL reads a bare NULL as text).
        parts = [
            "SELECT 'total', CAST(NULL AS TEXT), CAST(NULL AS BIGINT), COUNT(*) "
            f"FROM m WHERE {self._passes()}"
        ]
        for facet, column in _text_columns():
            parts.append(
                f"SELECT '{facet}', m.{column}, NULL, COUNT(*) FROM m "
                f"WHERE {self._passes(facet)} AND m.{column} IS NOT NULL AND m.{column} <> '' "
                f"GROUP BY m.{column}"
            )
        parts.append(
            f"SELECT 'year', NULL, m.year, COUNT(*) FROM m "
            f"WHERE {self._passes('year')} AND m.year IS NOT NULL GROUP BY m.year"
        )
        for table in self.tables["sdg"].values():
            # CROSS JOIN: SQLite reads the matched pages and looks up their rows by page, never
            # the whole relation table by value (PostgreSQL's planner chooses either way).
            parts.append(
                f"SELECT 'sdg', NULL, r.{table['value']}, COUNT(*) FROM m "
                f"CROSS JOIN {table['table']} r WHERE r.{table['page']} = m.id "
                f"AND {self._passes('sdg')} GROUP BY r.{table['value']}"
            )
        for table in self.tables["topic"].values():
            parts.append(
                f"SELECT 'topic', t.slug, NULL, COUNT(*) FROM m "
                f"CROSS JOIN {table['table']} r "
                f"JOIN {self.tables['topic_table']} t ON t.id = r.{table['value']} "
                f"WHERE r.{table['page']} = m.id AND {self._passes('topic')} GROUP BY t.slug"
            )
        order = ORDERS.get(self.params.order, ORDERS["newest"])
        join, rank, args = "", "0", []
        if self.ranking is not None:
            join, rank, args = self.ranking.rank(self.words, self.params.locale)
        elif self.params.order == "relevance":
            order = ORDERS["newest"]
        start = (self.params.page - 1) * self.params.page_size
        stop = start + self.params.page_size
        # The hits' candidates with their rank, the first `stop` of them in order (a partial
        # sort), numbered, and the requested page of them kept.
        candidates = f"SELECT m.*, {rank} AS rank FROM m{join} WHERE {self._passes()}"
        parts.append(
            "SELECT 'hit', h.type, h.id, h.position FROM ("
            f"SELECT t.id, t.type, ROW_NUMBER() OVER (ORDER BY {order}) AS position FROM ("
            f"SELECT * FROM ({candidates}) c ORDER BY {order} LIMIT {int(stop)}) t) h "
            f"WHERE h.position > {int(start)}"
        )
        return parts, args


def _tables():
    """Table and column names of the pages, of every searchable page type's own table (the
    facet values, as SQL per facet and type) and of their SDG and topic relations, from the
    models and the registry (never spelled out by hand)."""
    tables = {
        "page": Page._meta.db_table,
        "topic_table": Topic._meta.db_table,
        "locale": Locale._meta.db_table,
        "joins": {},  # alias: (table, column holding the page id)
        # facet: {type key: SQL}, for the shared single-valued facets and the types' own.
        "columns": {facet: {} for facet in (*COLUMN_FACETS, *SORT_COLUMNS, *extra_facets())},
        "sdg": {},
        "topic": {},
    }
    aliases = {}
    for key, search_type in search_types().items():
        model = search_type.model
        for facet in tables["columns"]:
            name = search_type.year_field if facet == "year" else search_type.column(facet)
            if not name:
                continue
            field = model._meta.get_field(name)
            # The table that holds the field: the type's own, or a parent page model's.
            owner = field.model._meta.concrete_model._meta
            if owner.db_table not in aliases:
                aliases[owner.db_table] = alias = f"t{len(aliases)}"
                tables["joins"][alias] = (owner.db_table, owner.pk.column)
            column = f"{aliases[owner.db_table]}.{field.column}"
            if facet == "year" and search_type.year_is_date:
                column = _year_of(column, isinstance(field, models.DateTimeField))
            elif facet not in COLUMN_FACETS and facet not in SORT_COLUMNS:
                column = _as_text(column, isinstance(field, models.BooleanField))
            tables["columns"][facet][key] = column
        if search_type.has_relation("sdgs"):
            field = model._meta.get_field("sdgs")
            tables["sdg"][key] = {
                "table": field.remote_field.through._meta.db_table,
                "page": field.m2m_column_name(),
                "value": field.m2m_reverse_name(),
            }
        if search_type.has_relation("topics"):
            through = model._meta.get_field("topics").remote_field.through
            tables["topic"][key] = {
                "table": through._meta.db_table,
                "page": through._meta.get_field("content_object").column,
                "value": through._meta.get_field("tag").column,
            }
    return tables


def _as_text(column, is_boolean):
    """SQL for a page type's own facet value as the facet shows and filters it: a yes/no
    field's as 'true' or 'false' (SQLite stores 1/0, PostgreSQL a boolean), others as text."""
    if is_boolean:
        return f"CASE WHEN {column} THEN 'true' WHEN NOT {column} THEN 'false' END"
    return f"CAST({column} AS TEXT)"


def _year_of(column, is_moment):
    """SQL for the year of a date (or date-time, in UTC as the engine's histogram counts it)."""
    if connection.vendor == "postgresql":
        moment = " AT TIME ZONE 'UTC'" if is_moment else ""
        return f"CAST(EXTRACT(YEAR FROM {column}{moment}) AS INTEGER)"
    # SQLite stores date-times in UTC as text; `%%`: the statement has parameters.
    return f"CAST(strftime('%%Y', {column}) AS INTEGER)"


class DatabaseSearch:
    """Search and facet counts from the database in one statement, whatever the number of
    pages (see the module's docstring)."""

    def __init__(self, wagtail_backend):
        self.backend = wagtail_backend
        self.ranking = keyword_ranking(wagtail_backend)

    def search(self, params, private):
        from .backends import Hits

        statement = Statement(params, private, self.ranking, words_of(params.q))
        sql, args = statement.build()
        with connection.cursor() as cursor:
            cursor.execute(sql, args)
            rows = cursor.fetchall()
        counts = FacetCounts()
        total = 0
        hits = []
        for kind, text, number, count in rows:
            if kind == "total":
                total = count
            elif kind == "hit":
                hits.append((count, number, text))
            else:
                counts.add(kind, text if number is None else int(number), count)
        hits.sort()
        return Hits(
            count=total,
            page_ids=[pk for _, pk, _ in hits],
            facet_counts=counts,
            types={pk: kind for _, pk, kind in hits},
        )

    def keyword_matches(self, text, ids, locale=ALL_LANGUAGES):
        """The pages among `ids` that the words of `text` (in language `locale`) match (for
        hybrid search)."""
        words = words_of(text)
        if not words or not ids:
            return set()
        sql, args = self.ranking.sql(words, TYPES.values(), locale)
        ids = [int(pk) for pk in ids]
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT k.page_id FROM ({sql}) k WHERE k.page_id IN ({_placeholders(ids)})",
                [*args, *ids],
            )
            return {int(row[0]) for row in cursor.fetchall()}

    def suggest(self, text, limit):
        from .backends import autocomplete

        return autocomplete(self.backend, text, limit)
