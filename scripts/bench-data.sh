# Benchmark databases for `make bench-search` and `make bench-pages`, sourced by their scripts.
#
# Each is built once (seed_demo --seed 1, indexed with the database search backend) and reused
# by later runs while it still holds the expected number of cases; BENCH_FRESH=1 rebuilds.
#   bench_sqlite N  -> prints a DATABASE_URL: $BENCH_DIR/sqlite-N.sqlite3
#   bench_pg N      -> prints a DATABASE_URL: closercities_bench_pg_N on the throw-away cluster
#   bench_engine URL PREFIX -> indexes that database's pages in OpenSearch (what is missing)
#   bench_baseline  -> prints the directory of the code to compare with ($BENCH_BASELINE,
#                      default: main as it was before the issue 11 work), or nothing
# A larger database starts as a copy of the 10,000-case one and is seeded up to N.

BIN=${BIN:-.venv/bin}
BENCH_DIR=${BENCH_DIR:-/tmp/closercities-bench}
BENCH_BASELINE=${BENCH_BASELINE:-0020ac8}
mkdir -p "$BENCH_DIR"

bench_log() { printf '[bench] %s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# The number of live cases in DATABASE_URL $1 (0 when it cannot be read).
bench_cases() {
  DATABASE_URL="$1" "$BIN/python" -W ignore manage.py shell -v0 -c \
    "from cases.models import CasePage; print(CasePage.objects.live().count())" 2>/dev/null |
    tail -n 1 || echo 0
}

# Seed DATABASE_URL $1 up to $2 cases, indexed by the database backend, and log the time.
bench_seed() {
  local started=$SECONDS
  DATABASE_URL="$1" "$BIN/python" -W ignore manage.py migrate --noinput -v0
  DATABASE_URL="$1" SEARCH_BACKEND=database "$BIN/python" -W ignore manage.py seed_demo \
    --cases "$2" --articles 200 --seed 1 >&2
  bench_log "seeded $2 cases in $((SECONDS - started)) s"
}

bench_sqlite() {
  local size=$1 file="$BENCH_DIR/sqlite-$1.sqlite3"
  local url="sqlite:///$file"
  if [[ -z "${BENCH_FRESH:-}" && -f "$file" && "$(bench_cases "$url")" == "$size" ]]; then
    DATABASE_URL="$url" "$BIN/python" -W ignore manage.py migrate --noinput -v0
  else
    bench_log "building SQLite with $size cases ($file)"
    rm -f "$file"
    if [[ "$size" -gt 10000 ]]; then  # (a larger size grows the 10,000 one)
      "$BIN/python" -c "import sqlite3, sys; sqlite3.connect(sys.argv[1]).backup(sqlite3.connect(sys.argv[2]))" \
        "$(bench_sqlite 10000 | sed 's|^sqlite://||')" "$file"
    fi
    bench_seed "$url" "$size"
  fi
  echo "$url"
}

bench_pg() {
  local size=$1 name="closercities_bench_pg_$1" base
  base="$(scripts/postgres.sh url)"
  local url="${base%/*}/$name"
  if [[ -z "${BENCH_FRESH:-}" && "$(bench_cases "$url")" == "$size" ]]; then
    DATABASE_URL="$url" "$BIN/python" -W ignore manage.py migrate --noinput -v0
  else
    bench_log "building PostgreSQL with $size cases ($name)"
    local template=""
    [[ "$size" -gt 10000 ]] && template="$(bench_pg 10000 >/dev/null; echo closercities_bench_pg_10000)"
    "$BIN/python" - "$base" "$name" "$template" <<'PY'
import sys
import psycopg2
base, name, template = sys.argv[1:4]
connection = psycopg2.connect(base)
connection.autocommit = True
with connection.cursor() as cursor:
    cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    cursor.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
PY
    bench_seed "$url" "$size"
  fi
  echo "$url"
}

# Index the pages of DATABASE_URL $1 in OpenSearch under index prefix $2 (only what the index
# is missing: a re-run costs one look-up per thousand pages).
bench_engine() {
  local started=$SECONDS cases
  cases="$(bench_cases "$1")"
  DATABASE_URL="$1" SEARCH_BACKEND=opensearch2 SEARCH_INDEX_PREFIX="$2" \
    "$BIN/python" -W ignore manage.py seed_demo --cases "$cases" --articles 200 --seed 1 >&2
  bench_log "OpenSearch index $2 up to date in $((SECONDS - started)) s"
}

bench_baseline() {
  [[ "$BENCH_BASELINE" == none ]] && return 0
  local dir="$BENCH_DIR/baseline-$BENCH_BASELINE"
  if [[ ! -f "$dir/manage.py" ]]; then
    rm -rf "$dir" && mkdir -p "$dir"
    if ! git archive "$BENCH_BASELINE" | tar -x -C "$dir"; then
      bench_log "baseline $BENCH_BASELINE is not in this clone: measuring the current code only"
      rm -rf "$dir"
      return 0
    fi
  fi
  echo "$dir"
}
