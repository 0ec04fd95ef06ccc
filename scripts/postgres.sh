#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests and benchmarks, from Debian's `postgresql` package.
#
# The cluster lives in $PG_DATA (default: <repo>/.pgdata), listens on 127.0.0.1:$PG_PORT
# (default 54329, away from a system cluster on 5432) and trusts local connections: it holds
# test data only. PostgreSQL refuses to run as root, so as root the server runs as the
# package's `postgres` user.
#
# Usage: scripts/postgres.sh {start|stop|status|url}
#   start   install the package if missing (root only), initdb once, start, create the database
#   stop    stop the server
#   status  exit 0 when it accepts connections
#   url     print the DATABASE_URL for it
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
PG_DATA="${PG_DATA:-$REPO_ROOT/.pgdata}"
PG_PORT="${PG_PORT:-54329}"
PG_DB="${PG_DB:-closercities}"
RUN_USER="postgres"

log() { printf '[postgres] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

bindir() {
  local dir
  dir=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$dir" ]] || return 1
  printf '%s\n' "$dir"
}

as_server_user() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u "$RUN_USER" -- "$@"
  else
    "$@"
  fi
}

ensure_installed() {
  bindir >/dev/null && return 0
  [[ $EUID -eq 0 ]] || die "PostgreSQL is not installed; run: sudo apt-get install -y postgresql"
  log "installing Debian's postgresql package"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

url() { printf 'postgres://postgres@127.0.0.1:%s/%s\n' "$PG_PORT" "$PG_DB"; }

is_ready() { "$(bindir)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; }

start() {
  ensure_installed
  local bin
  bin=$(bindir)
  if is_ready; then
    log "already running on 127.0.0.1:$PG_PORT"
  else
    mkdir -p "$PG_DATA"
    [[ $EUID -eq 0 ]] && chown -R "$RUN_USER:$RUN_USER" "$PG_DATA"
    if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
      log "initdb in $PG_DATA"
      as_server_user "$bin/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 \
        --locale=C.UTF-8 >/dev/null
    fi
    as_server_user "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
      || { tail -n 30 "$PG_DATA/server.log" >&2; die "the server did not start"; }
  fi
  if ! "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" | grep -q 1; then
    "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DB"
  fi
  log "ready: $(url)"
}

stop() {
  local bin
  bin=$(bindir) || { log "not installed"; return 0; }
  if [[ -f "$PG_DATA/postmaster.pid" ]]; then
    as_server_user "$bin/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
    log "stopped"
  else
    log "not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) is_ready && log "running on 127.0.0.1:$PG_PORT" ;;
  url) url ;;
  *) echo "usage: $0 {start|stop|status|url}" >&2; exit 2 ;;
esac
