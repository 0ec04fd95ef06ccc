#!/usr/bin/env bash
# `make bench-search`: search latency at 10,000 and 100,000 cases.
#   1. a PostgreSQL database of its own (closercities_bench_search), 10,000 seeded cases:
#      /api/v2/search/ on PostgreSQL's full-text search (Wagtail's database backend);
#   2. the same content indexed in OpenSearch: /api/v2/search/ and the raw engine request;
#   3. 90,000 more cases (seeded without indexing, then `update_index`): the same on OpenSearch.
# Needs `scripts/postgres.sh start` and `scripts/opensearch.sh start` (the Make target runs
# both). Prints Markdown table rows for docs/benchmarks.md; BENCH_SKIP_100K=1 stops after 2.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.venv/bin
REQUESTS="${BENCH_REQUESTS:-200}"
DB=closercities_bench_search
BASE_URL="$(scripts/postgres.sh url)"
export DATABASE_URL="${BASE_URL%/*}/$DB"
export DJANGO_SETTINGS_MODULE=closercities.settings.test
export SEARCH_INDEX_PREFIX=closercities_bench_
OUT="${BENCH_OUT:-/tmp/closercities-bench-search.md}"
manage() { "$BIN/python" -W ignore manage.py "$@"; }
log() { printf '[bench-search] %s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

log "fresh database $DB"
"$BIN/python" - "$BASE_URL" "$DB" <<'PY'
import sys
import psycopg2
base, name = sys.argv[1], sys.argv[2]
connection = psycopg2.connect(base)
connection.autocommit = True
with connection.cursor() as cursor:
    cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    cursor.execute(f'CREATE DATABASE "{name}"')
PY
manage migrate --noinput -v0

echo "| date | database | search backend | cases | request | hits | requests | API median ms | API p95 ms | raw engine median ms | raw engine p95 ms | engine took median ms |" >"$OUT"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |" >>"$OUT"

log "seeding 10,000 cases (indexed in PostgreSQL)"
( time SEARCH_BACKEND=database manage seed_demo --cases 10000 --articles 200 --seed 1 ) 2>&1 | grep -E "Seeded|real" >&2
log "measuring the database backend at 10,000"
SEARCH_BACKEND=database manage bench_search --requests "$REQUESTS" >>"$OUT"
SEARCH_BACKEND=database manage bench_search --requests "$REQUESTS" --query "sdg=6&topic=water" >>"$OUT"
SEARCH_BACKEND=database manage bench_search --requests "$REQUESTS" --path /api/v2/search/suggest/ --query q=urb >>"$OUT"

log "indexing 10,000 cases in OpenSearch"
( time SEARCH_BACKEND=opensearch2 manage update_index -v0 ) 2>&1 | grep real >&2
SEARCH_BACKEND=opensearch2 manage bench_search --requests "$REQUESTS" >>"$OUT"
SEARCH_BACKEND=opensearch2 manage bench_search --requests "$REQUESTS" --path /api/v2/search/suggest/ --query q=urb >>"$OUT"

if [[ -z "${BENCH_SKIP_100K:-}" ]]; then
  log "seeding up to 100,000 cases (no indexing)"
  ( time SEARCH_BACKEND=opensearch2 manage seed_demo --cases 100000 --articles 200 --seed 1 --no-index ) 2>&1 | grep -E "Seeded|real" >&2
  log "indexing 100,000 cases in OpenSearch"
  ( time SEARCH_BACKEND=opensearch2 manage update_index -v0 ) 2>&1 | grep real >&2
  SEARCH_BACKEND=opensearch2 manage bench_search --requests "$REQUESTS" >>"$OUT"
  SEARCH_BACKEND=opensearch2 manage bench_search --requests "$REQUESTS" --path /api/v2/search/suggest/ --query q=urb >>"$OUT"
fi
cat "$OUT"
