#!/usr/bin/env bash
# `make bench-api`: 10,000 demo cases in PostgreSQL, the site under gunicorn (2 workers,
# production settings) on loopback, loaded from a second process (scripts/api_load.py) for a
# fixed time at a few concurrency levels, first with the response cache off ("cold": every
# request computed) and then on ("cached"). Prints Markdown table rows for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-8766}
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
CONCURRENCY=${BENCH_CONCURRENCY:-1 4 16}
DB=${BENCH_DB:-closercities_api_bench}
CASES=${BENCH_CASES:-10000}
WORK=$(mktemp -d /tmp/closercities-bench-api.XXXXXX)

scripts/postgres.sh start >/dev/null
BASE_URL=$(scripts/postgres.sh url)
export DATABASE_URL="${BASE_URL%/*}/$DB"
export DJANGO_SETTINGS_MODULE=closercities.settings.production
export SECRET_KEY=bench-only-not-secret ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false
export TASKS_BACKEND=immediate WAGTAILAPI_BASE_URL="http://127.0.0.1:$PORT"
# The load comes from one address: lift the anonymous rate limit for the benchmark only.
export API_ANON_THROTTLE_RATE=100000000/minute

stop_server() {
  if [[ -f $WORK/gunicorn.pid ]]; then
    kill "$(cat "$WORK/gunicorn.pid")" 2>/dev/null || true
    while [[ -f $WORK/gunicorn.pid ]]; do sleep 0.2; done
  fi
}
trap 'stop_server; rm -rf "$WORK"' EXIT

.venv/bin/python - <<PY
import psycopg2
connection = psycopg2.connect("${BASE_URL%/*}/postgres")
connection.autocommit = True
with connection.cursor() as cursor:
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", ["$DB"])
    if not cursor.fetchone():
        cursor.execute('CREATE DATABASE "$DB"')
PY
.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py createcachetable
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python manage.py seed_demo --cases "$CASES" --articles 200 --seed 1 --no-index

PATHS=("/api/v2/pages/?type=cases.CasePage&fields=*&limit=20" "/api/v2/map/" "/api/v2/stats/")

serve() {
  .venv/bin/gunicorn closercities.wsgi --bind "127.0.0.1:$PORT" --workers 2 \
    --pid "$WORK/gunicorn.pid" --daemon --error-logfile "$WORK/gunicorn.log"
  for _ in $(seq 50); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/v2/schema/" 2>/dev/null && return
    sleep 0.2
  done
  cat "$WORK/gunicorn.log"; exit 1
}

echo "| mode | path | concurrency | requests | requests/s | median ms | p95 ms | errors |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for mode in cold cached; do
  if [[ $mode == cold ]]; then export API_CACHE_TIMEOUT=0; else export API_CACHE_TIMEOUT=600; fi
  serve
  for path in "${PATHS[@]}"; do
    first=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT$path")
    echo "| $mode (first request) | $path | 1 | 1 | | $(awk "BEGIN{printf \"%.1f\", $first*1000}") | | |"
    # shellcheck disable=SC2086
    .venv/bin/python scripts/api_load.py "http://127.0.0.1:$PORT" "$path" \
      --seconds "$SECONDS_PER_RUN" --concurrency $CONCURRENCY --label "$mode"
  done
  stop_server
done
