#!/usr/bin/env bash
# `make bench-network`: GET /api/v2/network/ "cold" (the server's response and metrics caches
# off, so every request reads the database and runs networkx) with 10,000 demo cases and their
# ~3,300 demo links in PostgreSQL, under gunicorn (production settings, 1 worker) on loopback.
# Interleaved rounds of /api/v2/network/ and, as the same run's baseline, /api/v2/stats/
# (also cold); prints median and p95 per round and the medians over rounds, and writes them
# to docs/benchmarks-network.txt for docs/benchmarks.md to quote.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-8767}
CASES=${BENCH_CASES:-10000}
ROUNDS=${BENCH_ROUNDS:-5}
SECONDS_PER_RUN=${BENCH_SECONDS:-8}
DB=${BENCH_DB:-closercities_network_bench}
OUT=${BENCH_OUT:-docs/benchmarks-network.txt}
WORK=$(mktemp -d /tmp/closercities-bench-network.XXXXXX)

scripts/postgres.sh start >/dev/null
BASE_URL=$(scripts/postgres.sh url)
export DATABASE_URL="${BASE_URL%/*}/$DB"
export DJANGO_SETTINGS_MODULE=closercities.settings.production
export SECRET_KEY=bench-only-not-secret ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false
export TASKS_BACKEND=immediate WAGTAILAPI_BASE_URL="http://127.0.0.1:$PORT"
export API_ANON_THROTTLE_RATE=100000000/minute API_CACHE_TIMEOUT=0

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
.venv/bin/python manage.py seed_demo --cases "$CASES" --articles 0 --seed 1 --no-index >/dev/null
COUNTS=$(.venv/bin/python manage.py shell -c "from cases.models import CasePage; from exchange.models import KnowledgeLink, AdoptionReport; print(CasePage.objects.live().count(), KnowledgeLink.objects.count(), AdoptionReport.objects.count())" 2>/dev/null | tail -1)

.venv/bin/gunicorn closercities.wsgi --bind "127.0.0.1:$PORT" --workers 1 \
  --pid "$WORK/gunicorn.pid" --daemon --error-logfile "$WORK/gunicorn.log"
for _ in $(seq 100); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/v2/stats/" 2>/dev/null && break
  sleep 0.2
done
# Warm the process (imports, site roots), not the data: every request below is computed.
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/v2/network/"

{
  echo "bench-network: $(date -u +%Y-%m-%dT%H:%MZ), cases/links/adoptions: $COUNTS, cold (API_CACHE_TIMEOUT=0), 1 gunicorn worker, concurrency 1"
  echo "| round | path | concurrency | requests | requests/s | median ms | p95 ms | errors |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
} | tee "$WORK/out"
for round in $(seq "$ROUNDS"); do
  for path in /api/v2/network/ /api/v2/stats/; do
    .venv/bin/python scripts/api_load.py "http://127.0.0.1:$PORT" "$path" \
      --seconds "$SECONDS_PER_RUN" --concurrency 1 --label "$round" | tee -a "$WORK/out"
  done
done
.venv/bin/python - "$WORK/out" <<'PY' | tee -a "$WORK/out"
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) == 8 and cells[1].startswith("/api/"):
        rows.setdefault(cells[1], []).append((float(cells[5]), float(cells[6])))
print()
summary = {path: (statistics.median(m for m, _ in v), statistics.median(p for _, p in v)) for path, v in rows.items()}
for path, (median, p95) in summary.items():
    print(f"{path}: median of round medians {median:.1f} ms, median of round p95s {p95:.1f} ms")
net, stats = summary.get("/api/v2/network/"), summary.get("/api/v2/stats/")
if net and stats:
    print(f"ratio network/stats: median {net[0] / stats[0]:.2f}, p95 {net[1] / stats[1]:.2f}")
PY
cp "$WORK/out" "$OUT"
echo "written to $OUT"
