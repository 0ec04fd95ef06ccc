#!/usr/bin/env bash
# `make bench-pages`: the visitor pages and read endpoints with 10,000 cases, before and after,
# on SQLite (the embedded default) and PostgreSQL, the two versions of the code in turns on
# the same databases (scripts/bench-data.sh builds them once; BENCH_FRESH=1 rebuilds).
#   "empty cache": every cache is emptied before each request (the first visitor after
#   content changed: the case index's search, the map built, the statistics counted);
#   "warm": what the next visitors get.
# Writes Markdown for docs/benchmarks.md to $BENCH_OUT and prints it.
#   BENCH_ROUNDS (3), BENCH_REQUESTS (40), BENCH_BASELINE=<commit>|none, BENCH_SIZE (10000)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-data.sh

export DJANGO_SETTINGS_MODULE=closercities.settings.test
ROUNDS="${BENCH_ROUNDS:-3}"
REQUESTS="${BENCH_REQUESTS:-40}"
SIZE="${BENCH_SIZE:-10000}"
OUT="${BENCH_OUT:-/tmp/closercities-bench-pages.md}"
COLD=("/cases/?sdg=6" "/cases/" "/api/v2/map/" "/api/v2/stats/")
WARM=("/" "/cases/?sdg=6" "/api/v2/map/")

BASELINE="$(bench_baseline)"
BEFORE="not measured"
[[ -n "$BASELINE" ]] && BEFORE="commit $BENCH_BASELINE"
{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg)), $(printf "%'d" "$SIZE") cases."
  echo "Before: $BEFORE. Medians of $ROUNDS interleaved rounds of $REQUESTS requests."
  echo
  echo "| database | request | cache | before median ms | before p95 ms | after median ms | after p95 ms | before/after (p95) | SQL queries |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
} >"$OUT"

for database in sqlite pg; do
  if [[ "$database" == sqlite ]]; then
    url="$(bench_sqlite "$SIZE")"
    label="SQLite"
  else
    url="$(bench_pg "$SIZE")"
    label="PostgreSQL"
  fi
  for mode in cold warm; do
    bench_log "$label, $mode"
    if [[ "$mode" == cold ]]; then pages=("${COLD[@]}"); flag=--cold; else pages=("${WARM[@]}"); flag=""; fi
    DATABASE_URL="$url" SEARCH_BACKEND=database "$BIN/python" scripts/bench_compare.py \
      --database "$label" ${BASELINE:+--baseline "$BASELINE"} --rounds "$ROUNDS" \
      --requests "$REQUESTS" $flag "${pages[@]}" | tee -a "$OUT"
  done
done
echo >&2
cat "$OUT"
