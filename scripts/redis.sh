#!/usr/bin/env bash
# A throw-away Redis for tests, benchmarks and the local deployment, from Debian's
# `redis-server` package: production keeps Django's cache (rate limits, cached answers, the
# content version) in Redis.
#
# The server listens on 127.0.0.1:$REDIS_PORT (default 6390, away from a system Redis on 6379),
# keeps nothing on disk (a cache: no RDB snapshots, no AOF), is capped at $REDIS_MAXMEMORY
# (default 256mb) and evicts the least recently used keys when full. Its pid file and log live
# in $REDIS_DIR (default <repo>/.redis).
#
# Usage: scripts/redis.sh {start|stop|status|url}
#   start   install the package if missing (root only), start, wait until it answers PING
#   stop    stop the server started here (by its pid file) and wait for it to exit
#   status  exit 0 when it answers PING
#   url     print the REDIS_URL for it
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
REDIS_PORT="${REDIS_PORT:-6390}"
REDIS_DIR="${REDIS_DIR:-$REPO_ROOT/.redis}"
REDIS_MAXMEMORY="${REDIS_MAXMEMORY:-256mb}"
PID_FILE="$REDIS_DIR/redis-$REDIS_PORT.pid"
LOG_FILE="$REDIS_DIR/redis-$REDIS_PORT.log"

log() { printf '[redis] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

ensure_installed() {
  command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 && return 0
  [[ $EUID -eq 0 ]] || die "Redis is not installed; run: sudo apt-get install -y redis-server"
  log "installing Debian's redis-server package"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
}

url() { printf 'redis://127.0.0.1:%s/0\n' "$REDIS_PORT"; }

is_ready() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

start() {
  ensure_installed
  if is_ready; then
    log "already running on 127.0.0.1:$REDIS_PORT"
    return 0
  fi
  mkdir -p "$REDIS_DIR"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --protected-mode yes \
    --daemonize yes --pidfile "$PID_FILE" --logfile "$LOG_FILE" --dir "$REDIS_DIR" \
    --save '' --appendonly no \
    --maxmemory "$REDIS_MAXMEMORY" --maxmemory-policy allkeys-lru
  for _ in $(seq 100); do
    is_ready && { log "ready: $(url)"; return 0; }
    sleep 0.1
  done
  tail -n 20 "$LOG_FILE" >&2 || true
  die "the server did not answer on 127.0.0.1:$REDIS_PORT"
}

stop() {
  if [[ ! -f $PID_FILE ]]; then
    log "not running (no $PID_FILE)"
    return 0
  fi
  local pid
  pid=$(cat "$PID_FILE")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) is_ready && log "running on 127.0.0.1:$REDIS_PORT" ;;
  url) url ;;
  *) echo "usage: $0 {start|stop|status|url}" >&2; exit 2 ;;
esac
