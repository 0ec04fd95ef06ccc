# shellcheck shell=bash
# The production stack on this machine, for the benchmarks (sourced by bench_api.sh,
# bench_deploy.sh and bench_load.sh): PostgreSQL with the demo content, Redis as the cache,
# gunicorn with production settings, nginx with deploy/nginx/ in front. Everything on
# loopback, on the ports below; `stack_stop` (run on exit) stops what was started here.
#
# Env: BENCH_DB (closercities_bench), BENCH_CASES (10000), REDIS_PORT (6395),
#   GUNICORN_PORT (8142), GUNICORN_WORKERS (4), NGINX_PORT (8141).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
BENCH_DB=${BENCH_DB:-closercities_bench}
BENCH_CASES=${BENCH_CASES:-10000}
export REDIS_PORT=${REDIS_PORT:-6395}
GUNICORN_PORT=${GUNICORN_PORT:-8142}
GUNICORN_WORKERS=${GUNICORN_WORKERS:-4}
export NGINX_PORT=${NGINX_PORT:-8141}
export NGINX_UPSTREAM="127.0.0.1:$GUNICORN_PORT"
STACK_WORK=$(mktemp -d /tmp/closercities-stack.XXXXXX)
STACK_REDIS_STARTED=""

stack_env() {
  scripts/postgres.sh start >/dev/null
  local base
  base=$(scripts/postgres.sh url)
  export DATABASE_URL="${base%/*}/$BENCH_DB"
  export DJANGO_SETTINGS_MODULE=closercities.settings.production
  export SECRET_KEY=bench-only-not-secret ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=false
  export TASKS_BACKEND=immediate WAGTAILAPI_BASE_URL="http://127.0.0.1:$NGINX_PORT"
  export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$NGINX_PORT"
  # Behind nginx: rate limits take the client's address from X-Forwarded-For.
  export NUM_PROXIES=1
  .venv/bin/python - <<PY
import psycopg2
connection = psycopg2.connect("${base%/*}/postgres")
connection.autocommit = True
with connection.cursor() as cursor:
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", ["$BENCH_DB"])
    if not cursor.fetchone():
        cursor.execute('CREATE DATABASE "$BENCH_DB"')
PY
}

# Migrate and seed (seed_demo only adds what is missing, so a second run is quick).
stack_seed() {
  .venv/bin/python manage.py migrate --noinput -v0
  .venv/bin/python manage.py createcachetable
  # collectstatic compresses every app's files (minutes): only when ours changed since.
  if [[ ! -f static_collected/staticfiles.json ]] \
      || [[ -n $(find static -newer static_collected/staticfiles.json -print -quit) ]]; then
    .venv/bin/python manage.py collectstatic --noinput -v0
  fi
  .venv/bin/python manage.py seed_demo --cases "$BENCH_CASES" --articles 200 --seed 1
}

stack_redis_start() {
  if ! scripts/redis.sh status 2>/dev/null; then
    scripts/redis.sh start
    STACK_REDIS_STARTED=1
  fi
  REDIS_URL=$(scripts/redis.sh url)
  export REDIS_URL
}

# stack_gunicorn_start [PORT]: gunicorn with the current environment on 127.0.0.1:PORT.
stack_gunicorn_start() {
  local port=${1:-$GUNICORN_PORT}
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port is taken: stop what runs there first" >&2
    return 1
  fi
  .venv/bin/gunicorn closercities.wsgi --bind "127.0.0.1:$port" \
    --workers "$GUNICORN_WORKERS" --pid "$STACK_WORK/gunicorn-$port.pid" --daemon \
    --error-logfile "$STACK_WORK/gunicorn-$port.log"
  for _ in $(seq 150); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/api/v2/schema/" 2>/dev/null && return
    sleep 0.2
  done
  cat "$STACK_WORK/gunicorn-$port.log"
  return 1
}

# stack_gunicorn_stop [PORT]: stop one gunicorn started here, or all of them.
stack_gunicorn_stop() {
  local pid_file pid pattern="${1:-*}"
  # shellcheck disable=SC2206 # the pattern is meant to glob
  local files=("$STACK_WORK"/gunicorn-$pattern.pid)
  for pid_file in "${files[@]}"; do
    [[ -f $pid_file ]] || continue
    pid=$(cat "$pid_file")
    kill "$pid" 2>/dev/null || true
    # Until the master and its workers are gone: a later server must not find the port taken.
    for _ in $(seq 300); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pid_file"
  done
}

stack_nginx_start() {
  NGINX_DIR="$STACK_WORK/nginx" scripts/nginx.sh start
}

stack_stop() {
  NGINX_DIR="$STACK_WORK/nginx" scripts/nginx.sh stop 2>/dev/null || true
  stack_gunicorn_stop
  [[ -n $STACK_REDIS_STARTED ]] && scripts/redis.sh stop 2>/dev/null
  rm -rf "$STACK_WORK"
}
