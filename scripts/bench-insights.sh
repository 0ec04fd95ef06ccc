#!/usr/bin/env bash
# `make bench-insights`: the research dashboards at 1,000,000 search-log rows.
# A PostgreSQL database of its own (closercities_bench_insights) on the throw-away cluster
# (scripts/postgres.sh), migrated, then `manage.py bench_insights`: seed the log, roll it up,
# time every panel (median of interleaved rounds). Prints a Markdown table for
# docs/benchmarks.md and writes it to $BENCH_OUT. BENCH_ROWS, BENCH_DAYS, BENCH_ROUNDS change
# the size; BENCH_DB=sqlite uses a SQLite file instead. BENCH_KEEP=1 reuses the database of the
# last run (its log and roll-ups, migrated to this code) instead of seeding and rolling up again.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS="${BENCH_ROWS:-1000000}"
OUT="${BENCH_OUT:-/tmp/closercities-bench-insights.md}"
export DJANGO_SETTINGS_MODULE=closercities.settings.test
KEEP=()
if [[ ${BENCH_KEEP:-0} == 1 ]]; then
  KEEP=(--keep --keep-rollups)
fi
if [[ ${BENCH_DB:-postgres} == sqlite ]]; then
  [[ ${BENCH_KEEP:-0} == 1 ]] || rm -f /tmp/closercities-bench-insights.sqlite3
  export DATABASE_URL=sqlite:////tmp/closercities-bench-insights.sqlite3
else
  BASE_URL="$(scripts/postgres.sh url)"
  DB=closercities_bench_insights
  .venv/bin/python - "$BASE_URL" "$DB" "${BENCH_KEEP:-0}" <<'PY'
import sys
import psycopg2
base, name = sys.argv[1], sys.argv[2]
connection = psycopg2.connect(base)
connection.autocommit = True
with connection.cursor() as cursor:
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    if sys.argv[3] != "1" or not cursor.fetchone():
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
PY
  export DATABASE_URL="${BASE_URL%/*}/$DB"
fi
.venv/bin/python -W ignore manage.py migrate --noinput -v0
.venv/bin/python -W ignore manage.py bench_insights --rows "$ROWS" --days "${BENCH_DAYS:-365}" \
  --rounds "${BENCH_ROUNDS:-5}" --out "$OUT" "${KEEP[@]}"
