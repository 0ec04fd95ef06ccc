#!/usr/bin/env bash
# `make bench-search`: search latency before and after, at 10,000 and 100,000 cases.
#   1. The search API with text and two facets (and without text) on the database backend:
#      SQLite (the embedded default) and PostgreSQL, 10,000 and 100,000 cases; the code as it
#      was before (BENCH_BASELINE, a commit) and now, in turns, on the same databases.
#   2. The growth from 10,000 to 100,000 cases, per database.
#   3. OpenSearch at 10,000 (and 100,000): the API against the raw engine request.
# Databases are built once and reused (scripts/bench-data.sh; BENCH_FRESH=1 rebuilds them).
# Needs `scripts/postgres.sh start` and `scripts/opensearch.sh start` (the Make target runs
# both). Writes Markdown for docs/benchmarks.md to $BENCH_OUT and prints it.
#   BENCH_SKIP_100K=1        10,000 cases only
#   BENCH_SIZES="1000"       these sizes instead (a quick check at a small scale)
#   BENCH_ENGINE_SIZES       the sizes measured on OpenSearch (default: the same as above)
#   BENCH_ROUNDS (3), BENCH_REQUESTS (100), BENCH_BASELINE_REQUESTS (10: the old SQLite
#   search took seconds per request), BENCH_BASELINE=<commit>|none,
#   BENCH_BASELINE_100K=1    also time the old code at 100,000 (minutes per request on SQLite)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-data.sh

export DJANGO_SETTINGS_MODULE=closercities.settings.test
export SEARCH_URL="${SEARCH_URL:-http://127.0.0.1:${OPENSEARCH_PORT:-9200}}"
ROUNDS="${BENCH_ROUNDS:-3}"
REQUESTS="${BENCH_REQUESTS:-100}"
BASELINE_REQUESTS="${BENCH_BASELINE_REQUESTS:-10}"
OUT="${BENCH_OUT:-/tmp/closercities-bench-search.md}"
FIGURES="$BENCH_DIR/search-figures.jsonl"
TEXT="/api/v2/search/?q=water&sdg=6&topic=water"
BROWSE="/api/v2/search/?sdg=6&topic=water"
SIZES=(10000)
[[ -z "${BENCH_SKIP_100K:-}" ]] && SIZES+=(100000)
# A quick check at a small scale: BENCH_SIZES="1000" (sizes separated by spaces).
[[ -n "${BENCH_SIZES:-}" ]] && read -r -a SIZES <<<"$BENCH_SIZES"

BASELINE="$(bench_baseline)"
BEFORE="not measured"
[[ -n "$BASELINE" ]] && BEFORE="commit $BENCH_BASELINE"
rm -f "$FIGURES"
{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg))."
  echo "Before: $BEFORE. Medians of $ROUNDS interleaved rounds."
  echo
  echo "| database | request | cache | before median ms | before p95 ms | after median ms | after p95 ms | before/after (p95) | SQL queries |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
} >"$OUT"

compare() { # compare LABEL URL BASELINE_DIR(or empty) REQUEST...
  local label=$1 url=$2 baseline=$3
  shift 3
  DATABASE_URL="$url" SEARCH_BACKEND=database "$BIN/python" scripts/bench_compare.py \
    --database "$label" ${baseline:+--baseline "$baseline" --baseline-requests "$BASELINE_REQUESTS"} \
    --rounds "$ROUNDS" --requests "$REQUESTS" --json "$FIGURES" "$@" | tee -a "$OUT"
}

for size in "${SIZES[@]}"; do
  baseline="$BASELINE"
  [[ "$size" -gt 10000 && -z "${BENCH_BASELINE_100K:-}" ]] && baseline=""
  sqlite="$(bench_sqlite "$size")"
  bench_log "SQLite, $size cases"
  compare "SQLite, $(printf "%'d" "$size") cases" "$sqlite" "$baseline" "$TEXT" "$BROWSE"
  pg="$(bench_pg "$size")"
  bench_log "PostgreSQL, $size cases"
  compare "PostgreSQL, $(printf "%'d" "$size") cases" "$pg" "$baseline" "$TEXT" "$BROWSE"
done

# Growth from 10,000 to 100,000 cases, from the rows above (the current code).
"$BIN/python" - "$FIGURES" >>"$OUT" <<'PY'
import json
import sys

rows = [json.loads(line) for line in open(sys.argv[1])]
after = {(row["database"], row["url"]): row["after"] for row in rows}
lines = []
for (database, url), figures in after.items():
    if "10,000" not in database:
        continue
    larger = after.get((database.replace("10,000", "100,000"), url))
    if larger:
        name = database.split(",")[0]
        lines.append(
            f"| {name} | `{url}` | {figures['p95']:.1f} | {larger['p95']:.1f} "
            f"| {larger['p95'] / figures['p95']:.1f}× |"
        )
if lines:
    print()
    print("| database | request | p95 ms at 10,000 | p95 ms at 100,000 | growth |")
    print("| --- | --- | --- | --- | --- |")
    print("\n".join(lines))
PY

# OpenSearch: the API against the same request sent straight to the engine.
{
  echo
  echo "| date | database | search backend | cases | request | hits | requests | API median ms | API p95 ms | raw engine median ms | raw engine p95 ms | engine took median ms | API/raw (medians) |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
} >>"$OUT"
read -r -a ENGINE_SIZES <<<"${BENCH_ENGINE_SIZES:-${SIZES[*]}}"
for size in "${ENGINE_SIZES[@]}"; do
  pg="$(bench_pg "$size")"
  prefix="closercities_bench_${size}_"
  bench_engine "$pg" "$prefix"
  for query in "q=water&sdg=6&topic=water"; do
    DATABASE_URL="$pg" SEARCH_BACKEND=opensearch2 SEARCH_INDEX_PREFIX="$prefix" \
      "$BIN/python" -W ignore manage.py bench_search --requests "$REQUESTS" --query "$query" \
      --label "$(date -u +%Y-%m-%d)" | tee -a "$OUT"
  done
  DATABASE_URL="$pg" SEARCH_BACKEND=opensearch2 SEARCH_INDEX_PREFIX="$prefix" \
    "$BIN/python" -W ignore manage.py bench_search --requests "$REQUESTS" \
    --path /api/v2/search/suggest/ --query q=urb --label "$(date -u +%Y-%m-%d)" | tee -a "$OUT"
done
echo >&2
cat "$OUT"
