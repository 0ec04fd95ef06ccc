"""The visitor mix of `make bench-load` (a locustfile): pages, search, the map, statistics, the
home page and the case index, as many simultaneous visitors who each read something every
LOAD_WAIT_MIN–LOAD_WAIT_MAX seconds (default 1–3; 0 0 for back-to-back requests).

Every answer's status is tallied and written to LOAD_STATUS_FILE (JSON) when the run ends, so
the report can say how many were 5xx. Run by scripts/bench_load.sh; loopback only.
"""

import json
import os
import random
from collections import Counter
from urllib.parse import urlsplit

from locust import FastHttpUser, between, events, task

QUERIES = ["water", "mobility", "housing", "energy", "health", "waste", "climate", "school"]
TOPICS = ["water", "mobility", "housing", "energy", "health"]
statuses = Counter()


@events.test_start.add_listener
def _loopback_only(environment, **kwargs):
    if urlsplit(environment.host).hostname not in ("127.0.0.1", "localhost"):
        raise SystemExit("load_mix.py only loads servers on loopback")


@events.request.add_listener
def _tally(response=None, exception=None, **kwargs):
    code = getattr(response, "status_code", 0) or 0
    statuses["error" if exception and not code else str(code)] += 1


@events.quitting.add_listener
def _write_statuses(environment, **kwargs):
    path = os.environ.get("LOAD_STATUS_FILE")
    if path:
        with open(path, "w", encoding="utf-8") as out:
            json.dump(dict(statuses), out)


class Visitor(FastHttpUser):
    wait_time = between(
        float(os.environ.get("LOAD_WAIT_MIN", "1")), float(os.environ.get("LOAD_WAIT_MAX", "3"))
    )

    @task(3)
    def pages(self):
        sdg = random.randint(1, 17)  # noqa: S311 - a load mix, not a secret
        self.client.get(
            f"/api/v2/pages/?type=cases.CasePage&fields=*&limit=20&sdg={sdg}",
            name="/api/v2/pages/?sdg=",
        )

    @task(2)
    def search(self):
        query = random.choice(QUERIES)  # noqa: S311
        sdg = random.randint(1, 17)  # noqa: S311
        self.client.get(f"/api/v2/search/?q={query}&sdg={sdg}", name="/api/v2/search/?q=&sdg=")

    @task(1)
    def map(self):
        self.client.get("/api/v2/map/")

    @task(1)
    def stats(self):
        self.client.get("/api/v2/stats/")

    @task(2)
    def home(self):
        self.client.get("/")

    @task(2)
    def case_index(self):
        sdg = random.randint(1, 17)  # noqa: S311
        topic = random.choice(TOPICS)  # noqa: S311
        self.client.get(f"/cases/?sdg={sdg}&topic={topic}", name="/cases/?sdg=&topic=")
