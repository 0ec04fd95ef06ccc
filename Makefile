# Closer Cities — `make help` lists the targets.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_CASES ?= 300
DEMO_ARTICLES ?= 40

.DEFAULT_GOAL := help
.PHONY: help install run migrate seed test test-all lint format bench-seed postgres-start postgres-stop opensearch-start opensearch-stop clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

$(BIN)/activate: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(BIN)/activate

install: $(BIN)/activate ## Create .venv and install the pinned requirements

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

seed: migrate ## Seed demo content (DEMO_CASES, DEMO_ARTICLES)
	$(MANAGE) seed_demo --cases $(DEMO_CASES) --articles $(DEMO_ARTICLES) --seed 1

run: seed ## Install, migrate, seed and serve the site on http://127.0.0.1:8000/
	$(MANAGE) setup_dev_site --host $(HOST) --port $(PORT)
	$(MANAGE) runserver $(HOST):$(PORT)

test: install ## Run the test suite on the embedded defaults (SQLite, database search)
	$(BIN)/python -m pytest

test-all: install postgres-start ## The full suite on PostgreSQL (what CI runs)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(MANAGE) makemigrations --check --dry-run
	DATABASE_URL=$$(scripts/postgres.sh url) $(BIN)/python -m pytest

lint: install ## ruff format and check
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench-seed: install ## Time seeding 10,000 cases into a fresh SQLite database
	rm -f /tmp/closercities-bench.sqlite3
	DATABASE_URL=sqlite:////tmp/closercities-bench.sqlite3 $(MANAGE) migrate --noinput -v0
	time DATABASE_URL=sqlite:////tmp/closercities-bench.sqlite3 $(MANAGE) seed_demo --cases 10000 --articles 200 --seed 1

postgres-start: ## Start the throw-away PostgreSQL cluster (installs Debian's package if missing)
	scripts/postgres.sh start

postgres-stop: ## Stop it
	scripts/postgres.sh stop

opensearch-start: ## Assemble (from Maven Central) and start a local OpenSearch 2.19 node
	scripts/opensearch.sh start

opensearch-stop: ## Stop it
	scripts/opensearch.sh stop

clean: ## Remove the virtual environment, the SQLite database and caches
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache
