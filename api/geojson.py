"""The map's GeoJSON, written by the database itself in one query.

Building 10,000 features as Python objects and encoding them costs several times what the
database needs to read the rows and write the JSON text (SQLite's JSON functions,
PostgreSQL's `json_build_object`/`json_agg`), so the whole FeatureCollection comes back as
one string, ready to send: no page objects, no per-feature Python work. Which cases it holds
is decided by the queryset the caller gives (live, public, the request's filters).
"""

# The SQL here is assembled from table names read from the models and fixed fragments;
# every value is passed as a query parameter.
# ruff: noqa: S608

import json

from django.db import connection
from django.db.models import F

from wagtail.models import Site

from cases.models import CasePage
from taxonomy.models import Topic

# The columns each feature reads, aliased so the outer query can name them.
COLUMNS = {
    "f_id": F("pk"),
    "f_title": F("title"),
    "f_path": F("url_path"),
    "f_city": F("city"),
    "f_country": F("country"),
    "f_lon": F("longitude"),
    "f_lat": F("latitude"),
}


def _url_sql():
    """SQL for a case's full URL from its `url_path`, as Wagtail builds it (the most specific
    site root first), and its parameters."""
    roots = sorted(Site.get_site_root_paths(), key=lambda root: -len(root.root_path))
    if not roots:
        return "NULL", []
    whens, params = [], []
    for root in roots:
        whens.append("WHEN substr(f.f_path, 1, %s) = %s THEN %s || substr(f.f_path, %s)")
        length = len(root.root_path)
        params.extend([length, root.root_path, root.root_url, length])
    return "CASE " + " ".join(whens) + " ELSE NULL END", params


def _relations():
    sdgs = CasePage._meta.get_field("sdgs")
    through = CasePage._meta.get_field("topics").remote_field.through
    return {
        "sdg_table": sdgs.remote_field.through._meta.db_table,
        "sdg_page": sdgs.m2m_column_name(),
        "sdg_value": sdgs.m2m_reverse_name(),
        "topic_table": through._meta.db_table,
        "topic_page": through._meta.get_field("content_object").column,
        "topic_tag": through._meta.get_field("tag").column,
        "tags": Topic._meta.db_table,
    }


def _sqlite(url):
    r = _relations()
    # A subquery's JSON loses its JSON type on the way out: json() marks it again.
    sdgs = (
        f"json((SELECT json_group_array(s.v) FROM (SELECT {r['sdg_value']} AS v "
        f"FROM {r['sdg_table']} WHERE {r['sdg_page']} = f.f_id ORDER BY 1) s))"
    )
    topics = (
        f"json((SELECT json_group_array(s.v) FROM (SELECT t.slug AS v FROM {r['topic_table']} x "
        f"JOIN {r['tags']} t ON t.id = x.{r['topic_tag']} WHERE x.{r['topic_page']} = f.f_id "
        "ORDER BY 1) s))"
    )
    feature = (
        "json_object('type', 'Feature', 'id', f.f_id, 'geometry', json_object('type', 'Point', "
        "'coordinates', json_array(f.f_lon, f.f_lat)), 'properties', json_object('id', f.f_id, "
        f"'title', f.f_title, 'url', {url}, 'city', f.f_city, 'country', f.f_country, "
        f"'sdgs', {sdgs}, 'topics', {topics}))"
    )
    # Rows reach the aggregate in the subquery's order (by id).
    return (
        "json_object('type', 'FeatureCollection', 'meta', json(%s), "
        f"'features', json_group_array({feature}))"
    )


def _postgres(url):
    """PostgreSQL: the SDGs and topics grouped once for all the cases (a correlated subquery
    per feature is several times slower here), joined to the features."""
    r = _relations()
    feature = (
        "json_build_object('type', 'Feature', 'id', f.f_id, 'geometry', json_build_object("
        "'type', 'Point', 'coordinates', json_build_array(f.f_lon, f.f_lat)), 'properties', "
        f"json_build_object('id', f.f_id, 'title', f.f_title, 'url', CAST({url} AS text), "
        "'city', f.f_city, 'country', f.f_country, 'sdgs', COALESCE(s.v, '[]'::json), "
        "'topics', COALESCE(t.v, '[]'::json)))"
    )
    document = (
        "CAST(json_build_object('type', 'FeatureCollection', 'meta', CAST(%s AS json), "
        "'features', "
        f"COALESCE(json_agg({feature} ORDER BY f.f_id), '[]'::json)) AS text)"
    )
    sdgs = (
        f"SELECT x.{r['sdg_page']} AS page, json_agg(x.{r['sdg_value']} ORDER BY "
        f"x.{r['sdg_value']}) AS v FROM {r['sdg_table']} x WHERE x.{r['sdg_page']} IN "
        f"(SELECT f_id FROM f) GROUP BY x.{r['sdg_page']}"
    )
    topics = (
        f"SELECT x.{r['topic_page']} AS page, json_agg(t.slug ORDER BY t.slug) AS v "
        f"FROM {r['topic_table']} x JOIN {r['tags']} t ON t.id = x.{r['topic_tag']} "
        f"WHERE x.{r['topic_page']} IN (SELECT f_id FROM f) GROUP BY x.{r['topic_page']}"
    )
    return (
        "WITH f AS MATERIALIZED ({rows}), "
        f"s AS ({sdgs}), t AS ({topics}) "
        f"SELECT {document} FROM f LEFT JOIN s ON s.page = f.f_id LEFT JOIN t ON t.page = f.f_id"
    )


def feature_collection(cases, meta=None):
    """The GeoJSON FeatureCollection (text) of `cases`, a CasePage queryset, ordered by id,
    with `meta` (a dict: what the answer holds, e.g. its `locale`) beside the features."""
    url, url_params = _url_sql()
    meta = json.dumps(meta or {})
    rows = cases.order_by("pk").values(**COLUMNS)
    rows_sql, rows_params = rows.query.sql_with_params()
    if connection.vendor == "postgresql":
        # The cases come first in this statement, the URL's parameters after them.
        sql = _postgres(url).replace("{rows}", rows_sql)
        params = [*rows_params, meta, *url_params]
    else:
        sql = f"SELECT {_sqlite(url)} FROM ({rows_sql}) f"
        params = [meta, *url_params, *rows_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]
