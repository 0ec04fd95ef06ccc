#!/usr/bin/env bash
# `make bench-api`: the content API under production settings (gunicorn, 2 workers,
# PostgreSQL with 10,000 demo cases, Redis as Django's cache; scripts/bench_stack.sh), loaded
# from a second process on loopback.
#  1. cold (API_CACHE_TIMEOUT=0: every request computed) and cached, per URL and concurrency
#     (scripts/api_load.py);
#  2. what the anonymous rate limit costs a cached read: two servers side by side, one with the
#     limit counting (set far above what the loader reaches), one without, in interleaved wrk
#     rounds (scripts/wrk_compare.py).
# Prints Markdown; part 2 is appended to docs/bench-results/api.md.
set -euo pipefail
export GUNICORN_WORKERS=${GUNICORN_WORKERS:-2}
# shellcheck source=scripts/bench_stack.sh
source "$(dirname "$0")/bench_stack.sh"
trap stack_stop EXIT

SECONDS_PER_RUN=${BENCH_SECONDS:-10}
CONCURRENCY=${BENCH_CONCURRENCY:-1 4 16}
ROUNDS=${BENCH_ROUNDS:-3}
OUT=${BENCH_OUT:-docs/bench-results/api.md}

PORT=$GUNICORN_PORT
UNTHROTTLED_PORT=$((GUNICORN_PORT + 1))

stack_env
stack_seed
stack_redis_start
export API_ANON_THROTTLE_RATE=100000000/minute

PATHS=("/api/v2/pages/?type=cases.CasePage&fields=*&limit=20" "/api/v2/map/" "/api/v2/stats/")

if [[ -z ${BENCH_SKIP_COLD:-} ]]; then
  echo "| mode | path | concurrency | requests | requests/s | median ms | p95 ms | errors |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  for mode in cold cached; do
    if [[ $mode == cold ]]; then export API_CACHE_TIMEOUT=0; else export API_CACHE_TIMEOUT=600; fi
    stack_gunicorn_start "$PORT"
    for path in "${PATHS[@]}"; do
      first=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT$path")
      echo "| $mode (first request) | $path | 1 | 1 | | $(awk "BEGIN{printf \"%.1f\", $first*1000}") | | |"
      # shellcheck disable=SC2086
      .venv/bin/python scripts/api_load.py "http://127.0.0.1:$PORT" "$path" \
        --seconds "$SECONDS_PER_RUN" --concurrency $CONCURRENCY --label "$mode"
    done
    stack_gunicorn_stop "$PORT"
  done
fi

export API_CACHE_TIMEOUT=600
stack_gunicorn_start "$PORT"
API_ANON_THROTTLE_RATE="" stack_gunicorn_start "$UNTHROTTLED_PORT"
echo "## $(date -u +%Y-%m-%d) \`make bench-api\`: the rate limit's cost ($BENCH_CASES cases, $GUNICORN_WORKERS workers each)" >>"$OUT"
for path in "${PATHS[0]}" "${PATHS[2]}"; do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT$path"
  curl -fsS -o /dev/null "http://127.0.0.1:$UNTHROTTLED_PORT$path"
  .venv/bin/python scripts/wrk_compare.py --rounds "$ROUNDS" --seconds "$((SECONDS_PER_RUN / 2))" \
    --concurrency 1 16 --title "Cached \`$path\`, gunicorn direct" --out "$OUT" \
    "no rate limit=http://127.0.0.1:$UNTHROTTLED_PORT$path" \
    "rate limit counting in Redis=http://127.0.0.1:$PORT$path"
done
