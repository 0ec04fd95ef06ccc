"""The first read of /api/v2/network/ after public content changed, for `make bench-network`.

    DJANGO_SETTINGS_MODULE=... python scripts/bench_network_changes.py http://127.0.0.1:8767 \
        --rounds 7

Runs against a server already serving the same database. Each round, two changes:

1. "before the warm-up": the content version moves on as a change would
   (`ContentVersion.bump()`), but with the exchange's listener disconnected no warm-up task
   runs, so the server builds the new version's network inside the request: what a reader
   waits for when they ask before the warm-up task is done.
2. "after the warm-up": `ContentVersion.bump()` here, whose announcement after the commit runs
   the warm-up task in this process (TASKS_BACKEND=immediate), as the task worker would; the
   server then only reads the stored network, which its memory does not have yet: what the
   first reader in each server process waits for. The warm-up's own time is printed too.

With `--before URL` (a server of the same code with NETWORK_PRECOMPUTED_FILTERS=false
NETWORK_STALE_GRACE=0), each of those reads is followed by the same read there: before the
warm-up, this server answers with the previous version's network marked stale while that one
builds the new network in the request, as the code did before stale answers.

Each read is followed by /api/v2/stats/ (nothing of it is kept between requests, so every
one is cold) as the same moment's baseline. Prints Markdown rows like api_load.py's.
"""

import argparse
import http.client
import json
import math
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def get(connection, path, stale=None):
    """Milliseconds for one read; with `stale`, checks the answer's `meta.stale` is that."""
    started = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status != 200:
        raise SystemExit(f"{path} answered {response.status}")
    if stale is not None and json.loads(body)["meta"]["stale"] is not stale:
        raise SystemExit(f"{path} was {'not ' if stale else ''}stale")
    return elapsed


def p95(values):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * 0.95) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--before", help="the server that behaves as before (see above)")
    args = parser.parse_args()
    parts = urlsplit(args.base)
    before = urlsplit(args.before) if args.before else None
    if {parts.hostname, before.hostname if before else parts.hostname} - {"127.0.0.1", "localhost"}:
        raise SystemExit("only servers on loopback")

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "closercities.settings.production")
    django.setup()
    from core.models import ContentVersion
    from core.signals import content_version_changed
    from exchange.apps import _warm_network
    from exchange.models import NetworkSnapshot

    http_connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    before_connection = before and http.client.HTTPConnection(
        before.hostname, before.port, timeout=120
    )
    times = {"before the warm-up": [], "after the warm-up": [], "warm-up task": [], "stats": []}
    if before:
        times.update({"before the warm-up, code before": [], "after the warm-up, code before": []})
    for _ in range(args.rounds):
        content_version_changed.disconnect(dispatch_uid="exchange-warm-network")
        ContentVersion.bump()  # autocommit: the new version is published, no warm-up
        content_version_changed.connect(_warm_network, dispatch_uid="exchange-warm-network")
        times["before the warm-up"].append(get(http_connection, "/api/v2/network/", True))
        if before:
            # Builds the new version's network in the request (and stores it).
            times["before the warm-up, code before"].append(
                get(before_connection, "/api/v2/network/", False)
            )
        times["stats"].append(get(http_connection, "/api/v2/stats/"))
        started = time.perf_counter()
        ContentVersion.bump()  # autocommit: the announcement and the warm-up run now
        times["warm-up task"].append((time.perf_counter() - started) * 1000)
        version, _ = ContentVersion.current()
        if not NetworkSnapshot.objects.filter(version=version).exists():
            raise SystemExit("the warm-up task did not build the network")
        times["after the warm-up"].append(get(http_connection, "/api/v2/network/", False))
        if before:
            times["after the warm-up, code before"].append(
                get(before_connection, "/api/v2/network/", False)
            )
        times["stats"].append(get(http_connection, "/api/v2/stats/"))
    for mode, values in times.items():
        path = "/api/v2/stats/" if mode == "stats" else f"/api/v2/network/ ({mode})"
        if mode == "warm-up task":
            path = "warm-up task (in the changing process, after the commit)"
        print(
            f"| after a change | {path} | 1 | {len(values)} | | "
            f"{statistics.median(values):.1f} | {p95(values):.1f} | 0 |",
            flush=True,
        )


if __name__ == "__main__":
    main()
