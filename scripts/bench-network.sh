#!/usr/bin/env bash
# `make bench-network`: GET /api/v2/network/ "cold" (the response cache off: every answer is
# computed and rendered) with 10,000 demo cases and their ~3,400 demo links and 250 adoptions
# in PostgreSQL, with Redis as the cache (as in production), under gunicorn (production settings,
# 1 worker) on loopback.
# Two servers on the same database: this code on $BENCH_PORT, and on $BENCH_PORT+1 the same code
# with NETWORK_PRECOMPUTED_FILTERS=false NETWORK_STALE_GRACE=0, which behaves as before those
# two existed ("before": a filtered read computes its metrics, a read before the background
# build builds the network itself), so before and after are measured in the same run.
# 1. Interleaved rounds of /api/v2/network/ (the network of the content version already kept:
#    exchange/snapshot.py), /api/v2/network/?sdg=11 (a filtered one: its metrics kept by the
#    build, or computed per request "before") on both servers and, as the same run's
#    baseline, /api/v2/stats/ (also cold).
# 2. The first read after a change, before and after the warm-up task has built the new
#    version's network, on both servers (scripts/bench_network_changes.py).
# Prints Markdown rows, the medians over rounds and the ratios to the baseline, and writes
# them to $BENCH_OUT (default /tmp/closercities-bench-network.md) for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-8767}
CASES=${BENCH_CASES:-10000}
ROUNDS=${BENCH_ROUNDS:-5}
CHANGE_ROUNDS=${BENCH_CHANGE_ROUNDS:-7}
SECONDS_PER_RUN=${BENCH_SECONDS:-8}
DB=${BENCH_DB:-closercities_network_bench}
OUT=${BENCH_OUT:-/tmp/closercities-bench-network.md}
WORK=$(mktemp -d /tmp/closercities-bench-network.XXXXXX)

scripts/postgres.sh start >/dev/null
export REDIS_PORT=${REDIS_PORT:-6396}
REDIS_STARTED=""
if ! scripts/redis.sh status 2>/dev/null; then
  scripts/redis.sh start
  REDIS_STARTED=1
fi
REDIS_URL=$(scripts/redis.sh url)
export REDIS_URL
BASE_URL=$(scripts/postgres.sh url)
export DATABASE_URL="${BASE_URL%/*}/$DB"
export DJANGO_SETTINGS_MODULE=closercities.settings.production
export SECRET_KEY=bench-only-not-secret ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false
export TASKS_BACKEND=immediate WAGTAILAPI_BASE_URL="http://127.0.0.1:$PORT"
export API_ANON_THROTTLE_RATE=100000000/minute API_CACHE_TIMEOUT=0

stop_server() {
  for pid in "$WORK/gunicorn.pid" "$WORK/gunicorn-before.pid"; do
    if [[ -f $pid ]]; then
      kill "$(cat "$pid")" 2>/dev/null || true
      while [[ -f $pid ]]; do sleep 0.2; done
    fi
  done
}
trap 'stop_server; [[ -z $REDIS_STARTED ]] || scripts/redis.sh stop; rm -rf "$WORK"' EXIT

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
count_all() {
  .venv/bin/python manage.py shell -c "from cases.models import CasePage; from exchange.models import KnowledgeLink, AdoptionReport; print(CasePage.objects.live().count(), KnowledgeLink.objects.count(), AdoptionReport.objects.count())" 2>/dev/null | tail -1
}
# An earlier run's demo data of this size is reused (BENCH_RESEED=1 seeds again).
COUNTS=$(count_all)
if [[ ${BENCH_RESEED:-0} == 1 || ${COUNTS%% *} -lt $CASES ]]; then
  .venv/bin/python manage.py seed_demo --cases "$CASES" --articles 0 --seed 1 --no-index >/dev/null
  COUNTS=$(count_all)
fi

.venv/bin/gunicorn closercities.wsgi --bind "127.0.0.1:$PORT" --workers 1 \
  --pid "$WORK/gunicorn.pid" --daemon --error-logfile "$WORK/gunicorn.log"
BEFORE_PORT=$((PORT + 1))
NETWORK_PRECOMPUTED_FILTERS=false NETWORK_STALE_GRACE=0 \
  .venv/bin/gunicorn closercities.wsgi --bind "127.0.0.1:$BEFORE_PORT" --workers 1 \
  --pid "$WORK/gunicorn-before.pid" --daemon --error-logfile "$WORK/gunicorn-before.log"
.venv/bin/python -c "import redis; redis.Redis.from_url('$REDIS_URL').flushdb()"
for port in "$PORT" "$BEFORE_PORT"; do
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/api/v2/stats/" 2>/dev/null && break
    sleep 0.2
  done
done
# Warm the processes (imports, site roots) and build this content version's network (if no
# earlier run left it), with its kept filters; every answer below is computed and rendered
# again.
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/v2/network/"
curl -fsS -o /dev/null "http://127.0.0.1:$BEFORE_PORT/api/v2/network/"

{
  echo "bench-network: $(date -u +%Y-%m-%dT%H:%MZ), cases/links/adoptions: $COUNTS, cold (API_CACHE_TIMEOUT=0), 1 gunicorn worker per server, concurrency 1, load average $(cut -d' ' -f1-3 /proc/loadavg); 'before' rows: the server with NETWORK_PRECOMPUTED_FILTERS=false NETWORK_STALE_GRACE=0"
  echo "| round | path | concurrency | requests | requests/s | median ms | p95 ms | errors |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
} | tee "$WORK/out"
for round in $(seq "$ROUNDS"); do
  for path in /api/v2/network/ "/api/v2/network/?sdg=11" /api/v2/stats/; do
    .venv/bin/python scripts/api_load.py "http://127.0.0.1:$PORT" "$path" \
      --seconds "$SECONDS_PER_RUN" --concurrency 1 --label "$round" | tee -a "$WORK/out"
    [[ $path == /api/v2/stats/ ]] && continue
    .venv/bin/python scripts/api_load.py "http://127.0.0.1:$BEFORE_PORT" "$path" \
      --seconds "$SECONDS_PER_RUN" --concurrency 1 --label "$round" |
      sed -E 's#^\| ([0-9]+) \| /api#| \1 | before: /api#' | tee -a "$WORK/out"
  done
done
.venv/bin/python scripts/bench_network_changes.py "http://127.0.0.1:$PORT" \
  --before "http://127.0.0.1:$BEFORE_PORT" --rounds "$CHANGE_ROUNDS" | tee -a "$WORK/out"
.venv/bin/python - "$WORK/out" <<'PY' | tee -a "$WORK/out"
import statistics, sys
rows, changes = {}, {}
for line in open(sys.argv[1]):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) == 8 and cells[0].isdigit():
        rows.setdefault(cells[1], []).append((float(cells[5]), float(cells[6])))
    elif len(cells) == 8 and cells[0] == "after a change":
        changes[cells[1]] = (float(cells[5]), float(cells[6]))
print()
summary = {path: (statistics.median(m for m, _ in v), statistics.median(p for _, p in v)) for path, v in rows.items()}
for path, (median, p95) in summary.items():
    print(f"{path}: median of round medians {median:.1f} ms, median of round p95s {p95:.1f} ms")
# Each network figure against the stats baseline measured alongside it.
for figures, baseline in ((summary, summary.get("/api/v2/stats/")), (changes, changes.get("/api/v2/stats/"))):
    for path, (median, p95) in figures.items():
        if baseline and "/api/v2/network/" in path:
            print(f"ratio {path} / stats: median {median / baseline[0]:.2f}, p95 {p95 / baseline[1]:.2f}")
PY
cp "$WORK/out" "$OUT"
echo "written to $OUT"
