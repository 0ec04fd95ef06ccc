#!/usr/bin/env bash
# `make bench-load`: LOAD_USERS (200) simultaneous visitors for LOAD_SECONDS (60) on the mix in
# scripts/load_mix.py (locust), first against the production deployment (nginx from
# deploy/nginx/ in front of gunicorn with 4 workers, PostgreSQL with 10,000 demo cases, Redis),
# then straight to gunicorn. Prints throughput, p50/p95/p99, errors and 5xx for each, and
# appends them to docs/bench-results/load.md.
set -euo pipefail
# shellcheck source=scripts/bench_stack.sh
source "$(dirname "$0")/bench_stack.sh"
trap stack_stop EXIT

USERS=${LOAD_USERS:-200}
DURATION=${LOAD_SECONDS:-60}
OUT=${BENCH_OUT:-docs/bench-results/load.md}
export LOAD_WAIT_MIN=${LOAD_WAIT_MIN:-1} LOAD_WAIT_MAX=${LOAD_WAIT_MAX:-3}

.venv/bin/pip install --quiet -r requirements-bench.txt
stack_env
stack_seed
stack_redis_start
# All visitors come from 127.0.0.1: lift the per-address rate limit for the run.
export API_ANON_THROTTLE_RATE=100000000/minute
stack_gunicorn_start
stack_nginx_start

run() {
  local label=$1 base=$2
  local prefix="$STACK_WORK/${label// /_}"
  # One pass over the mix's fixed URLs first, as the site would have after a minute of use.
  for path in / /api/v2/map/ /api/v2/stats/ /cases/; do curl -fsS -o /dev/null "$base$path"; done
  LOAD_STATUS_FILE="$prefix-statuses.json" .venv/bin/locust -f scripts/load_mix.py --headless \
    --users "$USERS" --spawn-rate "$USERS" --run-time "${DURATION}s" --host "$base" \
    --csv "$prefix" --only-summary --loglevel WARNING >/dev/null 2>"$prefix.log" || true
  .venv/bin/python - "$label" "$prefix" "$OUT" <<'PY'
import csv, json, sys
label, prefix, out = sys.argv[1:]
rows = {row["Name"]: row for row in csv.DictReader(open(f"{prefix}_stats.csv"))}
total = rows["Aggregated"]
statuses = json.load(open(f"{prefix}-statuses.json"))
server_errors = sum(n for code, n in statuses.items() if code.isdigit() and int(code) >= 500)
line = (
    f"| {label} | {int(total['Request Count']):,} | {float(total['Requests/s']):.1f} | "
    f"{total['Failure Count']} | {server_errors} | {total['50%']} | {total['95%']} | "
    f"{total['99%']} | {float(total['Max Response Time']):.0f} |"
)
detail = [
    f"|   {name} | {int(row['Request Count']):,} | {float(row['Requests/s']):.1f} | "
    f"{row['Failure Count']} | | {row['50%']} | {row['95%']} | {row['99%']} | "
    f"{float(row['Max Response Time']):.0f} |"
    for name, row in rows.items() if name != "Aggregated"
]
text = "\n".join([line, *detail, f"|   statuses: {json.dumps(statuses, sort_keys=True)} | | | | | | | | |"])
print(text, flush=True)
with open(out, "a", encoding="utf-8") as handle:
    handle.write(text + "\n")
PY
}

mkdir -p "$(dirname "$OUT")"
{
  echo "## $(date -u +%Y-%m-%d) \`make bench-load\`: $USERS visitors for ${DURATION} s, each reading every ${LOAD_WAIT_MIN}–${LOAD_WAIT_MAX} s ($BENCH_CASES cases, load average $(cut -d' ' -f1 /proc/loadavg) at start)"
  echo
  echo "| target | requests | requests/s | failures | 5xx | p50 ms | p95 ms | p99 ms | max ms |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
} | tee -a "$OUT"
run "nginx → gunicorn (deployment)" "http://127.0.0.1:$NGINX_PORT"
run "gunicorn direct" "http://127.0.0.1:$GUNICORN_PORT"
echo >>"$OUT"
