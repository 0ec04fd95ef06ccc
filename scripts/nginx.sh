#!/usr/bin/env bash
# nginx (Debian's package) in front of a local gunicorn, with the production site configuration
# from deploy/nginx/: the same upstream, cache and location rules, minus TLS, on loopback.
# `make bench-deploy`, `make bench-load` and tests/deploy use it.
#
# The configuration is rendered into $NGINX_DIR (default <repo>/.nginx/<port>): paths under
# /srv/closercities become this checkout, /etc/nginx/snippets/ the rendered copies, the cache
# lives in $NGINX_DIR/cache, gunicorn is $NGINX_UPSTREAM.
#
# Usage: scripts/nginx.sh {start|stop|render|status}
#   render  write the configuration and check it with `nginx -t`
#   start   render, then start nginx on 127.0.0.1:$NGINX_PORT (default 8141)
#   stop    stop the nginx started here (by its pid file) and wait for it to exit
#   status  exit 0 when it answers
# Env: NGINX_PORT, NGINX_UPSTREAM (default 127.0.0.1:8142), NGINX_DIR, NGINX_WORKERS (auto),
#   NGINX_EXTRA (extra server-level directives, e.g. a benchmark's static baseline location).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
NGINX_PORT="${NGINX_PORT:-8141}"
NGINX_UPSTREAM="${NGINX_UPSTREAM:-127.0.0.1:8142}"
NGINX_DIR="${NGINX_DIR:-$REPO_ROOT/.nginx/$NGINX_PORT}"
NGINX_WORKERS="${NGINX_WORKERS:-auto}"
NGINX_EXTRA="${NGINX_EXTRA:-}"
DEPLOY="$REPO_ROOT/deploy/nginx"

log() { printf '[nginx] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

ensure_installed() {
  [[ -x /usr/sbin/nginx ]] && return 0
  [[ $EUID -eq 0 ]] || die "nginx is not installed; run: sudo apt-get install -y nginx-light"
  log "installing Debian's nginx package"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  # Debian starts a system nginx on port 80; this script runs its own.
  systemctl disable --now nginx >/dev/null 2>&1 || true
}

localise() {
  sed -e "s#/srv/closercities#$REPO_ROOT#g" \
      -e "s#/etc/nginx/snippets/#$NGINX_DIR/snippets/#g" \
      -e "s#/var/cache/nginx/closercities#$NGINX_DIR/cache#g" \
      -e "s#server 127.0.0.1:8000 #server $NGINX_UPSTREAM #g" "$1"
}

render() {
  ensure_installed
  mkdir -p "$NGINX_DIR"/{snippets,cache,tmp}
  localise "$DEPLOY/closercities-locations.conf" >"$NGINX_DIR/snippets/closercities-locations.conf"
  localise "$DEPLOY/closercities-proxy.conf" >"$NGINX_DIR/snippets/closercities-proxy.conf"
  local user=""
  [[ $EUID -eq 0 ]] && user="user root;"
  {
    cat <<CONF
# Rendered by scripts/nginx.sh from deploy/nginx/ for a local run; do not edit.
$user
worker_processes $NGINX_WORKERS;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $NGINX_DIR/tmp/body;
    proxy_temp_path $NGINX_DIR/tmp/proxy;
    fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
    uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
    scgi_temp_path $NGINX_DIR/tmp/scgi;

CONF
    # The http-level part of the production site file (upstream, cache, maps): everything
    # before its first server block.
    awk '/^server \{/ { exit } { print "    " $0 }' "$DEPLOY/closercities.conf" \
      | localise /dev/stdin
    cat <<CONF
    server {
        listen 127.0.0.1:$NGINX_PORT;
        server_name localhost 127.0.0.1;
        $NGINX_EXTRA
        include $NGINX_DIR/snippets/closercities-locations.conf;
    }
}
CONF
  } >"$NGINX_DIR/nginx.conf"
  /usr/sbin/nginx -t -q -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log"
}

is_ready() { curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/static/" 2>/dev/null; }

start() {
  if [[ -f $NGINX_DIR/nginx.pid ]] && kill -0 "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null; then
    log "already running on 127.0.0.1:$NGINX_PORT"
    return 0
  fi
  render
  /usr/sbin/nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log"
  for _ in $(seq 100); do
    is_ready && { log "ready: http://127.0.0.1:$NGINX_PORT/ -> $NGINX_UPSTREAM"; return 0; }
    sleep 0.1
  done
  tail -n 20 "$NGINX_DIR/error.log" >&2 || true
  die "nginx did not start"
}

stop() {
  local pid_file="$NGINX_DIR/nginx.pid"
  if [[ ! -f $pid_file ]]; then
    log "not running (no $pid_file)"
    return 0
  fi
  local pid
  pid=$(cat "$pid_file")
  if kill -QUIT "$pid" 2>/dev/null; then
    for _ in $(seq 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  rm -f "$pid_file"
  log "stopped"
}

case "${1:-}" in
  render) render ;;
  start) start ;;
  stop) stop ;;
  status) is_ready && log "running on 127.0.0.1:$NGINX_PORT" ;;
  *) echo "usage: $0 {start|stop|render|status}" >&2; exit 2 ;;
esac
