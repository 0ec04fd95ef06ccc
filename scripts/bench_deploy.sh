#!/usr/bin/env bash
# `make bench-deploy`: cached reads through the production deployment on this machine (nginx
# from deploy/nginx/ in front of gunicorn, 4 workers, production settings, Redis, PostgreSQL
# with 10,000 demo cases) against nginx serving a static file of the same bytes, in one run
# of interleaved rounds (scripts/wrk_compare.py). Also: the same reads straight from gunicorn
# (Django's own cache in Redis). Prints the table and appends it to
# docs/bench-results/deploy.md.
set -euo pipefail
# shellcheck source=scripts/bench_stack.sh
source "$(dirname "$0")/bench_stack.sh"
trap stack_stop EXIT

ROUNDS=${BENCH_ROUNDS:-3}
SECONDS_PER_RUN=${BENCH_SECONDS:-5}
OUT=${BENCH_OUT:-docs/bench-results/deploy.md}
BASELINE="$STACK_WORK/baseline"
mkdir -p "$BASELINE"
# The static baseline: the very bytes of each cached answer, as a file nginx serves itself.
export NGINX_EXTRA="location /bench-static/ { alias $BASELINE/; default_type application/json; }"

stack_env
stack_seed
stack_redis_start
# The anonymous rate limit stays on (it is part of what a cached read costs in Django) but is
# set far above what one loader can reach.
export API_ANON_THROTTLE_RATE=100000000/minute
stack_gunicorn_start
stack_nginx_start

NGINX="http://127.0.0.1:$NGINX_PORT"
GUNICORN="http://127.0.0.1:$GUNICORN_PORT"
declare -A READS=(
  [listing]="/api/v2/pages/?type=cases.CasePage&fields=*&limit=20"
  [home]="/"
)
echo "## $(date -u +%Y-%m-%d) \`make bench-deploy\` ($BENCH_CASES cases, load average $(cut -d' ' -f1 /proc/loadavg) at start)" >>"$OUT"
for name in listing home; do
  path=${READS[$name]}
  curl -fsS -o /dev/null "$NGINX$path"                       # fills nginx's cache
  curl -fsS -o "$BASELINE/$name" -D "$STACK_WORK/headers" "$NGINX$path"
  grep -qi '^X-Cache-Status: HIT' "$STACK_WORK/headers" || {
    echo "nginx did not serve $path from its cache:"; cat "$STACK_WORK/headers"; exit 1
  }
  .venv/bin/python scripts/wrk_compare.py --rounds "$ROUNDS" --seconds "$SECONDS_PER_RUN" \
    --concurrency 1 16 --title "Cached $name \`$path\` ($(wc -c <"$BASELINE/$name") bytes)" \
    --out "$OUT" \
    "nginx static file, same bytes=$NGINX/bench-static/$name" \
    "nginx proxy_cache (deployment)=$NGINX$path" \
    "gunicorn direct, Django cache in Redis=$GUNICORN$path"
done
