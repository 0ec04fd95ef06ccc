"""Before and after on one database: `bench_requests.py` run in turns against two versions of
the site (the baseline's tree, then the current one, round after round, so a machine whose
speed drifts affects both alike), then one Markdown row per URL with the medians over the
rounds and the ratio before/after. Without --baseline only the current version is measured.

    python scripts/bench_compare.py --database "SQLite, 10,000 cases" --baseline /tmp/base \\
        --rounds 3 --requests 40 --cold /cases/?sdg=6 /api/v2/map/
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CURRENT = HERE.parent


def run(tree, options):
    command = [
        sys.executable,
        str(HERE / "bench_requests.py"),
        "--requests",
        str(options.requests if tree == CURRENT else options.baseline_requests),
        "--warmup",
        str(options.warmup),
        *(["--cold"] if options.cold else []),
        *options.urls,
    ]
    result = subprocess.run(  # noqa: S603
        command, cwd=tree, capture_output=True, text=True, env=dict(os.environ), check=False
    )
    if result.returncode:
        sys.exit(f"{tree}: {result.stderr[-3000:]}")
    return {row["url"]: row for row in map(json.loads, result.stdout.splitlines())}


def summary(rounds, url):
    rows = [found[url] for found in rounds]
    return {
        "median": statistics.median(row["median"] for row in rows),
        "p95": statistics.median(row["p95"] for row in rows),
        "queries": rows[-1]["queries"],
        "status": max(row["status"] for row in rows),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--database", required=True, help="label for the table")
    parser.add_argument("--baseline", type=Path, help="tree of the version to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--baseline-requests", type=int, help="default: --requests")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--json", type=Path, help="append the figures here, one line per URL")
    options = parser.parse_args()
    options.baseline_requests = options.baseline_requests or options.requests

    trees = [options.baseline, CURRENT] if options.baseline else [CURRENT]
    found = {tree: [] for tree in trees}
    for number in range(options.rounds):
        # A B, B A, A B ...: neither version always runs first.
        for tree in trees if number % 2 == 0 else reversed(trees):
            found[tree].append(run(tree, options))
            print(f"[bench] round {number + 1}: {tree}", file=sys.stderr, flush=True)
    mode = "empty cache" if options.cold else "warm"
    for url in options.urls:
        after = summary(found[CURRENT], url)
        if options.baseline:
            before = summary(found[options.baseline], url)
            ratio = before["p95"] / after["p95"] if after["p95"] else float("nan")
            cells = [
                f"{before['median']:.1f}",
                f"{before['p95']:.1f}",
                f"{after['median']:.1f}",
                f"{after['p95']:.1f}",
                f"{ratio:.1f}×",
                f"{before['queries']} → {after['queries']}",
            ]
        else:
            cells = ["–", "–", f"{after['median']:.1f}", f"{after['p95']:.1f}", "–"]
            cells.append(str(after["queries"]))
        if options.json:
            with options.json.open("a") as handle:
                before_figures = summary(found[options.baseline], url) if options.baseline else None
                row = {"database": options.database, "url": url, "mode": mode}
                handle.write(json.dumps({**row, "before": before_figures, "after": after}) + "\n")
        status = "" if after["status"] < 400 else f" (HTTP {after['status']})"
        print(f"| {options.database} | `{url}`{status} | {mode} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
