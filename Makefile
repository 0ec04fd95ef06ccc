# Closer Cities — `make help` lists the targets.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_CASES ?= 300
DEMO_ARTICLES ?= 40
# Parallel test workers (pytest-xdist): one per core.
TEST_WORKERS ?= auto

.DEFAULT_GOAL := help
.PHONY: help install run migrate seed test test-all test-browser test-faults test-cluster fuzz-api audit bench-api bench-deploy bench-load redis-start redis-stop test-search-sqlite test-search-engine bench-search bench-insights bench-network bench-relevance bench-meaning bench-benchmark lint format bench-seed bench-pages static-vendor postgres-start postgres-stop opensearch-start opensearch-stop clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

$(BIN)/activate: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(BIN)/activate

install: $(BIN)/activate ## Create .venv, install the pinned requirements, compile the translations
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules --verbosity 0

migrate: install ## Apply database migrations (and create the cache table production uses)
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable

seed: migrate ## Seed demo content (DEMO_CASES, DEMO_ARTICLES, with cases in fr/es/pt) and embed it
	$(MANAGE) seed_demo --cases $(DEMO_CASES) --articles $(DEMO_ARTICLES) --seed 1 --languages
	$(MANAGE) embed_pages

# Links in emails and the API carry the address the site is served on (HOST and PORT), unless
# WAGTAILADMIN_BASE_URL is set (e.g. behind a proxy).
BASE_URL = $(or $(WAGTAILADMIN_BASE_URL),http://$(HOST):$(PORT))

run: seed ## Install, migrate, seed and serve the site on http://HOST:PORT/ (default 127.0.0.1:8000)
	WAGTAILADMIN_BASE_URL=$(BASE_URL) $(MANAGE) setup_dev_site --host $(HOST) --port $(PORT)
	WAGTAILADMIN_BASE_URL=$(BASE_URL) $(MANAGE) runserver $(HOST):$(PORT)

test: install ## Run the test suite on the embedded defaults (SQLite, database search), in parallel
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

# Debian's Chromium driven by Playwright (never a downloaded browser); axe-core from npm.
test-browser: install node_modules/.package-lock.json ## The browser tests alone (Chromium at /usr/bin/chromium, axe-core)
	$(BIN)/python -m pytest tests/browser tests/search/test_search_browser.py

# Front-end packages from the npm registry (package-lock.json): axe-core for the browser tests'
# accessibility checks, Leaflet and its marker-cluster plugin (copied into static/vendor/).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

static-vendor: node_modules/.package-lock.json ## Copy Leaflet + markercluster from npm into static/vendor/ (commit the result)
	npm run build

# The whole suite runs last, so its pytest summary ("N passed") is the last thing CI prints.
test-all: install postgres-start node_modules/.package-lock.json ## Lint, the full suite on PostgreSQL, search on SQLite and OpenSearch, API fuzzing (what CI runs)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(MANAGE) makemigrations --check --dry-run
	$(MAKE) fuzz-api
	$(MAKE) test-search-sqlite
	$(MAKE) test-search-engine
	$(MAKE) test-faults
	$(MAKE) test-cluster
	DATABASE_URL=$$(scripts/postgres.sh url) $(BIN)/python -m pytest -n $(TEST_WORKERS)

# Fails (never skips) when the node cannot be started or reached.
test-search-sqlite: install ## The search tests on SQLite with its FTS5 database backend
	env -u DATABASE_URL -u SEARCH_BACKEND $(BIN)/python -m pytest tests/search

test-search-engine: install postgres-start ## The search tests against a real OpenSearch node (scripts/opensearch.sh)
	scripts/opensearch.sh start
	SEARCH_BACKEND=opensearch2 SEARCH_URL=http://127.0.0.1:$${OPENSEARCH_PORT:-9200} SEARCH_INDEX_PREFIX=closercities_test_ \
		DATABASE_URL=$$(scripts/postgres.sh url) $(BIN)/python -m pytest tests/search

# Stop and restart the servers the other tests use, so they run on their own (tests/ops/conftest.py).
test-faults: install postgres-start opensearch-start ## Fault tests: PostgreSQL restarted under db_worker, OpenSearch stopped, a 500 in production
	FAULT_TESTS=1 SEARCH_BACKEND=opensearch2 SEARCH_URL=http://127.0.0.1:$${OPENSEARCH_PORT:-9200} SEARCH_INDEX_PREFIX=closercities_faults_ \
		DATABASE_URL=$$(scripts/postgres.sh url) $(BIN)/python -m pytest tests/ops --ignore=tests/ops/test_cluster.py
	@cat test-artifacts/ops/figures.json

test-cluster: install postgres-start ## A 3-node OpenSearch cluster: the elected manager crashes under searches and publishes
	scripts/opensearch.sh cluster start
	FAULT_TESTS=1 SEARCH_BACKEND=opensearch2 SEARCH_URL=$$(scripts/opensearch.sh cluster urls) SEARCH_INDEX_REPLICAS=1 \
		SEARCH_INDEX_PREFIX=closercities_cluster_ DATABASE_URL=$$(scripts/postgres.sh url) \
		$(BIN)/python -m pytest tests/ops/test_cluster.py; status=$$?; scripts/opensearch.sh cluster stop; exit $$status
	@cat test-artifacts/ops/figures.json

lint: install ## ruff format and check
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench-seed: install ## Time seeding 10,000 cases into a fresh SQLite database
	rm -f /tmp/closercities-bench.sqlite3
	DATABASE_URL=sqlite:////tmp/closercities-bench.sqlite3 $(MANAGE) migrate --noinput -v0
	DATABASE_URL=sqlite:////tmp/closercities-bench.sqlite3 bash -c 'time $(MANAGE) seed_demo --cases 10000 --articles 200 --seed 1'

fuzz-api: install ## Schemathesis on v2 and v3, every method, --checks all, SQLite and PostgreSQL, >= 5,000 requests
	scripts/api_fuzz.sh

audit: install ## Known vulnerabilities in the installed requirements (pip-audit; needs the network, not in CI)
	scripts/audit.sh

bench-api: install postgres-start ## API requests/s with 10,000 cases (PostgreSQL, Redis, gunicorn); the rate limit's cost
	scripts/bench_api.sh

bench-deploy: install postgres-start ## Cached reads through nginx (deploy/) + gunicorn against nginx's static baseline
	scripts/bench_deploy.sh

bench-load: install postgres-start ## 200 visitors for 60 s on a mix (locust): nginx + gunicorn, then gunicorn alone
	scripts/bench_load.sh

bench-pages: install postgres-start ## Case index, map, stats and home page before/after, 10,000 cases, SQLite and PostgreSQL
	scripts/bench-pages.sh

bench-search: install postgres-start opensearch-start ## Search before/after at 10,000 and 100,000 cases (SQLite, PostgreSQL, OpenSearch)
	scripts/bench-search.sh

# Meaning: a scratch SQLite database with the demo (and its cases in French, Spanish and
# Portuguese), embedded, then the relevance set of docs/relevance/ run through every mode.
RELEVANCE_DB := /tmp/closercities-bench-relevance.sqlite3
RELEVANCE_CASES ?= 300
bench-relevance: install ## Recall@10 and MRR: keyword, semantic and hybrid search; old and new similar cases (demo data)
	rm -f $(RELEVANCE_DB)
	DATABASE_URL=sqlite:///$(RELEVANCE_DB) $(MANAGE) migrate --noinput -v0
	DATABASE_URL=sqlite:///$(RELEVANCE_DB) $(MANAGE) seed_demo --cases $(RELEVANCE_CASES) --articles 0 --seed 1 --languages
	DATABASE_URL=sqlite:///$(RELEVANCE_DB) $(MANAGE) embed_pages
	DATABASE_URL=sqlite:///$(RELEVANCE_DB) $(MANAGE) bench_relevance --json docs/bench-results/relevance.json

bench-benchmark: install ## POST /api/v2/benchmark/ median and p95 on DATABASE_URL (embed_pages it first)
	$(MANAGE) bench_benchmark --requests 40

bench-meaning: install ## Embedding throughput; the vector matrix's memory and top-10 time (exact vs two-stage, interleaved) at 100,000 rows (synthesised)
	OMP_NUM_THREADS=1 $(MANAGE) bench_meaning --json docs/bench-results/meaning.json

bench-insights: install postgres-start ## Research dashboards at 1,000,000 search-log rows (PostgreSQL): every panel's time
	scripts/bench-insights.sh

bench-network: install postgres-start ## /api/v2/network/ cold at 10,000 cases and ~3,400 links, steady and after a change (PostgreSQL, gunicorn)
	scripts/bench-network.sh

postgres-start: ## Start the throw-away PostgreSQL cluster (installs Debian's package if missing)
	scripts/postgres.sh start

postgres-stop: ## Stop it
	scripts/postgres.sh stop

redis-start: ## Start a local Redis (Debian's redis-server) on REDIS_PORT (6390); REDIS_URL=$$(scripts/redis.sh url)
	scripts/redis.sh start

redis-stop: ## Stop it
	scripts/redis.sh stop

opensearch-start: ## Assemble (from Maven Central) and start a local OpenSearch 2.19 node
	scripts/opensearch.sh start

opensearch-stop: ## Stop it
	scripts/opensearch.sh stop

clean: ## Remove the virtual environment, the SQLite database and caches
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache
