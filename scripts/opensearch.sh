#!/usr/bin/env bash
# Run a local single-node OpenSearch 2.x for Wagtail search (dev and tests).
#
# Why: this machine has no Docker and no internet apart from package registries.
# So the node is assembled only from Maven Central artifacts:
#   - org.opensearch.distribution.integ-test-zip:opensearch:<ver>:zip
#     (the minimal distribution: core and transport-netty4 only, with no
#     security plugin, so HTTP is plain http://)
#   - org.opensearch.plugin:analysis-common:<ver> jar, installed by hand as a
#     module. It provides edge_ngram, asciifolding, etc., which Wagtail's
#     OpenSearch backend needs. It has no runtime dependencies; Lucene's
#     analysis-common is already in lib/.
# Downloads and the unpacked node are cached under $OPENSEARCH_HOME_BASE. After
# the first run, `start` works without network access.
#
# Usage: scripts/opensearch.sh {install|start|stop|restart|status|selftest|logs|cluster ...}
#   install   fetch + assemble (idempotent, no-op when cached)
#   start     install if needed, start daemonized, wait for health, verify module
#   stop      stop the node and wait for it to exit
#   status    print pid + cluster health (exit 3 if not running)
#   selftest  create/analyze/delete an index using edge_ngram + asciifolding
#   logs      tail the node log
#   cluster   a 3-node cluster on this machine: see scripts/opensearch-cluster.sh
#
# Env overrides: OPENSEARCH_VERSION, OPENSEARCH_HOME_BASE, OPENSEARCH_PORT,
#   OPENSEARCH_HEAP (default 1g), OPENSEARCH_CLUSTER_NAME, OPENSEARCH_USER
#   (used only when run as root), OPENSEARCH_START_TIMEOUT (seconds, default 120).
set -euo pipefail

OPENSEARCH_VERSION="${OPENSEARCH_VERSION:-2.19.6}"

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
BASE="${OPENSEARCH_HOME_BASE:-$REPO_ROOT/.opensearch}"
PORT="${OPENSEARCH_PORT:-9200}"
HEAP="${OPENSEARCH_HEAP:-1g}"
CLUSTER_NAME="${OPENSEARCH_CLUSTER_NAME:-wagtail-dev}"
RUN_USER_NAME="${OPENSEARCH_USER:-opensearch}"
START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-120}"
MVN_DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.6.1"

DOWNLOADS="$BASE/downloads"
DIST="$BASE/opensearch-$OPENSEARCH_VERSION"
DATA_DIR="$BASE/data"
LOG_DIR="$BASE/logs"
TMP_DIR="$BASE/tmp"
PID_FILE="$BASE/opensearch.pid"
LOG_FILE="$LOG_DIR/$CLUSTER_NAME.log"
STARTUP_OUT="$LOG_DIR/startup.out"
LOG_OFFSET=0
URL="http://127.0.0.1:$PORT"
MODULE_CLASS="org.opensearch.analysis.common.CommonAnalysisPlugin"

log() { printf '[opensearch] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

show_log_tail() {
  if [[ -s "$STARTUP_OUT" ]]; then
    log "---- launcher output ($STARTUP_OUT) ----"
    grep -v 'no-jdk distributions' "$STARTUP_OUT" | tail -n 40 >&2 || true
  fi
  if [[ -f "$LOG_FILE" ]]; then
    # Only what this start attempt wrote (LOG_OFFSET = size of the log before it).
    log "---- last 60 lines of $LOG_FILE ----"
    tail -c "+$((LOG_OFFSET + 1))" "$LOG_FILE" | tail -n 60 >&2
  else
    log "(no log file at $LOG_FILE)"
  fi
}

detect_java_home() {
  if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    printf '%s\n' "$JAVA_HOME"
    return
  fi
  local java_bin
  java_bin="$(command -v java || true)"
  [[ -n "$java_bin" ]] || die "java not found (install OpenJDK 17: apt-get install openjdk-17-jdk-headless)"
  java_bin="$(readlink -f "$java_bin")"
  dirname "$(dirname "$java_bin")"
}

# --- install ----------------------------------------------------------------

mvn_fetch() { # <artifact coords> <expected file name>
  local coords="$1" file="$2"
  if [[ -s "$DOWNLOADS/$file" ]]; then
    return
  fi
  command -v mvn >/dev/null || die "mvn not found (apt-get install maven)"
  log "fetching $coords from Maven Central"
  # Run from the downloads dir so a pom.xml in the caller's cwd is never used.
  if ! (cd "$DOWNLOADS" && mvn -q -B "$MVN_DEP_PLUGIN:copy" \
      -Dartifact="$coords" -DoutputDirectory="$DOWNLOADS" >"$DOWNLOADS/mvn.log" 2>&1); then
    cat "$DOWNLOADS/mvn.log" >&2
    die "maven could not fetch $coords"
  fi
  [[ -s "$DOWNLOADS/$file" ]] || die "maven finished but $DOWNLOADS/$file is missing"
}

cmd_install() {
  if [[ -f "$DIST/.assembled" ]]; then
    return
  fi
  command -v unzip >/dev/null || die "unzip not found (apt-get install unzip)"
  mkdir -p "$DOWNLOADS"
  local zip="opensearch-$OPENSEARCH_VERSION.zip"
  local jar="analysis-common-$OPENSEARCH_VERSION.jar"
  mvn_fetch "org.opensearch.distribution.integ-test-zip:opensearch:$OPENSEARCH_VERSION:zip" "$zip"
  mvn_fetch "org.opensearch.plugin:analysis-common:$OPENSEARCH_VERSION" "$jar"

  local listing
  listing="$(unzip -l "$DOWNLOADS/$jar")"
  grep -qF "${MODULE_CLASS//.//}.class" <<<"$listing" \
    || die "$jar does not contain $MODULE_CLASS"

  log "unpacking $zip"
  rm -rf "$DIST" "$BASE/.unpack"
  mkdir -p "$BASE/.unpack"
  unzip -q "$DOWNLOADS/$zip" -d "$BASE/.unpack"
  mv "$BASE/.unpack/opensearch-$OPENSEARCH_VERSION" "$DIST"
  rmdir "$BASE/.unpack"

  local mod="$DIST/modules/analysis-common"
  mkdir -p "$mod"
  cp "$DOWNLOADS/$jar" "$mod/"
  # java.version=11 matches the jar's bytecode target (X-Compile-Target-JDK: 11)
  # and the bundled modules. extended.plugins must stay empty: lang-painless is
  # not in the integ-test zip, and its optional painless extension is just ignored.
  cat >"$mod/plugin-descriptor.properties" <<EOF
description=Adds "built in" analyzers to OpenSearch.
version=$OPENSEARCH_VERSION
name=analysis-common
classname=$MODULE_CLASS
java.version=11
opensearch.version=$OPENSEARCH_VERSION
custom.foldername=
extended.plugins=
has.native.controller=false
EOF
  touch "$DIST/.assembled"
  log "assembled $DIST"
}

# --- runtime helpers ----------------------------------------------------------

node_pid() { # node_pid CONFIG_DIR PID_FILE: prints the pid of the node run with that config dir
  local conf="$1" pid_file="$2" pid=""
  if [[ -s "$pid_file" ]]; then
    pid="$(tr -dc '0-9' <"$pid_file")"
    # Guard against a stale pid file / reused pid: must be *this* node's JVM (each node of a
    # cluster shares the installation but has its own config dir).
    local cmdline
    cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
    if [[ "$cmdline" != *"-Dopensearch.path.conf=$conf "* ]]; then
      pid=""
    fi
  fi
  if [[ -z "$pid" ]]; then
    # The JVM only writes the pid file part-way through startup; until then,
    # find it by its unique command line.
    local re
    re="$(printf '%s' "-Dopensearch.path.conf=$conf -" | sed 's/[][\.*^$+?(){}|]/\\&/g')"
    pid="$(pgrep -f -- "$re" | head -n 1 || true)"
  fi
  [[ -n "$pid" ]] || return 1
  printf '%s\n' "$pid"
}

running_pid() { # prints the single node's pid and returns 0 if it is alive
  node_pid "$DIST/config" "$PID_FILE"
}

http() { # curl wrapper: http METHOD PATH [JSON-BODY]
  local method="$1" path="$2"
  if [[ $# -ge 3 ]]; then
    curl -sS --max-time 60 -X "$method" -H 'Content-Type: application/json' "$URL$path" -d "$3"
  else
    curl -sS --max-time 60 -X "$method" "$URL$path"
  fi
}

write_config() {
  mkdir -p "$DATA_DIR" "$LOG_DIR" "$TMP_DIR"
  # Replica defaults can't be set here: index.number_of_replicas is rejected in
  # opensearch.yml, and cluster.default_number_of_replicas is accepted but has
  # no effect unless it is set as a persistent cluster setting (see cmd_start).
  cat >"$DIST/config/opensearch.yml" <<EOF
# Generated by scripts/opensearch.sh; overwritten on every start.
cluster.name: $CLUSTER_NAME
node.name: ${CLUSTER_NAME}-node-1
network.host: 127.0.0.1
http.port: $PORT
discovery.type: single-node
node.store.allow_mmap: false
path.data: $DATA_DIR
path.logs: $LOG_DIR
EOF
  cat >"$DIST/config/jvm.options.d/heap.options" <<EOF
-Xms$HEAP
-Xmx$HEAP
EOF
}

# OpenSearch refuses to run as root. As root, create an unprivileged system user
# and give it the cache dir. As any other user, just run as that user.
prepare_user() {
  if [[ "$(id -u)" -ne 0 ]]; then
    return
  fi
  if ! id -u "$RUN_USER_NAME" >/dev/null 2>&1; then
    log "creating system user $RUN_USER_NAME"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$RUN_USER_NAME"
  fi
  chown -R "$RUN_USER_NAME:" "$BASE"
  # The user has to be able to traverse every parent directory of $BASE.
  if ! runuser -u "$RUN_USER_NAME" -- test -x "$BASE/opensearch-$OPENSEARCH_VERSION/bin"; then
    die "user $RUN_USER_NAME cannot reach $BASE (check parent directory permissions or set OPENSEARCH_HOME_BASE)"
  fi
}

as_run_user() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u "$RUN_USER_NAME" -- "$@"
  else
    "$@"
  fi
}

# --- commands -----------------------------------------------------------------

cmd_start() {
  local pid
  if pid="$(running_pid)"; then
    log "already running (pid $pid) on $URL"
    return 0
  fi
  if curl -s --max-time 2 -o /dev/null "$URL/"; then
    die "something else is already listening on $URL (set OPENSEARCH_PORT)"
  fi
  rm -f "$PID_FILE"
  cmd_install
  write_config
  prepare_user

  local java_home
  java_home="$(detect_java_home)"
  log "starting OpenSearch $OPENSEARCH_VERSION on $URL (JAVA_HOME=$java_home, heap $HEAP)"
  local started=$SECONDS
  LOG_OFFSET="$(stat -c %s "$LOG_FILE" 2>/dev/null || echo 0)"
  # -d backgrounds the JVM and returns right away. It must not be combined
  # with -q: OpenSearch rejects "-d -q" and exits. Early JVM/bootstrap errors go
  # to the launcher's stderr, before log4j is set up, so keep them in a file.
  if ! as_run_user env HOME="$BASE" \
      JAVA_HOME="$java_home" OPENSEARCH_JAVA_HOME="$java_home" \
      OPENSEARCH_PATH_CONF="$DIST/config" OPENSEARCH_TMPDIR="$TMP_DIR" \
      OPENSEARCH_JAVA_OPTS="${OPENSEARCH_JAVA_OPTS:-}" \
      "$DIST/bin/opensearch" -d -p "$PID_FILE" >"$STARTUP_OUT" 2>&1; then
    show_log_tail
    die "OpenSearch launcher failed"
  fi

  local deadline=$((SECONDS + START_TIMEOUT))
  local health=""
  until [[ "$health" == *'"status":"green"'* || "$health" == *'"status":"yellow"'* ]]; do
    if ! running_pid >/dev/null; then
      show_log_tail
      die "OpenSearch process exited during startup"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail
      die "cluster did not become healthy within ${START_TIMEOUT}s"
    fi
    sleep 1
    health="$(http GET "/_cluster/health?wait_for_status=yellow&timeout=5s" 2>/dev/null || true)"
  done

  local modules
  modules="$(http GET "/_nodes/plugins?filter_path=nodes.*.modules.name" || true)"
  if [[ "$modules" != *'"analysis-common"'* ]]; then
    show_log_tail
    die "analysis-common module is not loaded"
  fi
  # New indices get 0 replicas, so a single node is green instead of yellow.
  # An explicit number_of_replicas in the create request still wins.
  local ack
  ack="$(http PUT "/_cluster/settings" '{"persistent": {"cluster.default_number_of_replicas": 0}}' || true)"
  [[ "$ack" == *'"acknowledged":true'* ]] || die "could not set cluster.default_number_of_replicas: $ack"

  log "up in $((SECONDS - started))s: pid $(running_pid), analysis-common loaded, $URL"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    log "not running"
    rm -f "$PID_FILE"
    return 0
  fi
  log "stopping pid $pid"
  kill -TERM "$pid" || die "cannot signal pid $pid (started by another user? try with sudo)"
  local i
  for ((i = 0; i < 60; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      log "stopped"
      return 0
    fi
    sleep 1
  done
  log "still alive after 60s, sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  sleep 1
  rm -f "$PID_FILE"
}

cmd_status() {
  local pid
  if ! pid="$(running_pid)"; then
    echo "OpenSearch: not running ($URL)"
    return 3
  fi
  echo "OpenSearch: running, pid $pid, $URL"
  http GET "/_cluster/health?pretty" || return 1
}

cmd_selftest() {
  running_pid >/dev/null || die "not running; run: $0 start"
  local idx="wagtail-selftest-$$" out
  http DELETE "/$idx?ignore_unavailable=true" >/dev/null
  out="$(http PUT "/$idx" '{
    "settings": {"analysis": {
      "tokenizer": {"edge_ngram_tokenizer": {"type": "edge_ngram", "min_gram": 1, "max_gram": 15,
                    "token_chars": ["letter", "digit"]}},
      "filter": {"edge_ngram_filter": {"type": "edge_ngram", "min_gram": 1, "max_gram": 15}},
      "analyzer": {
        "ngram_tok": {"type": "custom", "tokenizer": "edge_ngram_tokenizer", "filter": ["asciifolding", "lowercase"]},
        "ngram_flt": {"type": "custom", "tokenizer": "lowercase", "filter": ["asciifolding", "edge_ngram_filter"]}
      }}}}')"
  if ! grep -q '"acknowledged":true' <<<"$out"; then
    die "index creation with edge_ngram/asciifolding failed: $out"
  fi
  local rc=0 tokens replicas
  tokens="$(http POST "/$idx/_analyze" '{"analyzer": "ngram_flt", "text": "Crème"}')"
  if ! grep -q '"token":"creme"' <<<"$tokens" || ! grep -q '"token":"cr"' <<<"$tokens"; then
    log "ngram_flt gave unexpected tokens: $tokens"; rc=1
  fi
  tokens="$(http POST "/$idx/_analyze" '{"analyzer": "ngram_tok", "text": "Brûlée"}')"
  grep -q '"token":"brulee"' <<<"$tokens" \
    || { log "ngram_tok gave unexpected tokens: $tokens"; rc=1; }
  replicas="$(http GET "/$idx/_settings/index.number_of_replicas?flat_settings=true")"
  grep -q '"index.number_of_replicas":"0"' <<<"$replicas" \
    || { log "expected 0 replicas by default, got: $replicas"; rc=1; }
  http DELETE "/$idx" >/dev/null
  if ((rc == 0)); then
    log "selftest OK (edge_ngram tokenizer+filter, asciifolding, 0 replicas)"
  else
    die "selftest FAILED"
  fi
}

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
  exit 2
}

case "${1:-}" in
  install) cmd_install; log "installed at $DIST" ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart) cmd_stop; cmd_start ;;
  status) cmd_status ;;
  selftest) cmd_selftest ;;
  logs) tail -n "${2:-100}" "$LOG_FILE" ;;
  cluster) source "$SCRIPT_DIR/opensearch-cluster.sh"; cluster_main "${@:2}" ;;
  *) usage ;;
esac
