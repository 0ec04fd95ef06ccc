#!/usr/bin/env bash
# Fuzz the read endpoints of the API with schemathesis against their OpenAPI description:
# a fresh SQLite database with demo content, the site under gunicorn with production settings
# on loopback, a bounded number of examples per operation. Fails on any 5xx response or any
# response that does not match the description. Used by `make fuzz-api` (part of test-all).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${FUZZ_PORT:-8765}
EXAMPLES=${FUZZ_EXAMPLES:-30}
WORK=$(mktemp -d /tmp/closercities-fuzz.XXXXXX)
export DATABASE_URL="sqlite:///$WORK/db.sqlite3"
export DJANGO_SETTINGS_MODULE=closercities.settings.production
export SECRET_KEY=fuzz-only-not-secret ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false
export TASKS_BACKEND=immediate WAGTAILAPI_BASE_URL="http://127.0.0.1:$PORT"
export API_ANON_THROTTLE_RATE=1000000/minute
# FUZZ_SEARCH=0 leaves out the search endpoints (issue 4), e.g. while they are being changed.
EXCLUDE=()
[[ ${FUZZ_SEARCH:-1} == 1 ]] || EXCLUDE=(--exclude-path-regex '^/api/v2/search/')

cleanup() {
  [[ -f $WORK/gunicorn.pid ]] && kill "$(cat "$WORK/gunicorn.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

.venv/bin/python manage.py migrate --noinput -v0
.venv/bin/python manage.py createcachetable
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python manage.py seed_demo --cases 150 --articles 20 --seed 1 >/dev/null
.venv/bin/gunicorn closercities.wsgi --bind "127.0.0.1:$PORT" --workers 2 \
  --pid "$WORK/gunicorn.pid" --daemon --error-logfile "$WORK/gunicorn.log"

# From the work directory, so schemathesis's own files (.schemathesis/) stay out of the repo.
ST="$PWD/.venv/bin/st"
(cd "$WORK" && "$ST" run "http://127.0.0.1:$PORT/api/v2/schema/" --url "http://127.0.0.1:$PORT" \
  --wait-for-schema 30 --include-method GET "${EXCLUDE[@]}" --max-examples "$EXAMPLES" --seed 1 \
  --phases examples,coverage,fuzzing --mode all --no-color --generation-database none \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance) \
  || { echo "--- gunicorn log"; tail -50 "$WORK/gunicorn.log"; exit 1; }
