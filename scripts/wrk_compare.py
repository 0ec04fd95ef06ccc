"""Throughput of a few URLs side by side with wrk (Debian's), in interleaved rounds.

    python scripts/wrk_compare.py --rounds 3 --seconds 5 --concurrency 1 16 \
        "nginx static=http://127.0.0.1:8141/bench-static/listing.json" \
        "cached read=http://127.0.0.1:8141/api/v2/pages/?limit=20"

Each round runs every target once per concurrency level (A B C, A B C, ...), so a drift in the
machine's speed hits all of them alike; the table gives each one's median over the rounds and
its ratio to the first target (the baseline) in the same rounds. Connections are kept alive;
wrk uses min(concurrency, 2) threads. Loopback only. `--out FILE` also writes the Markdown.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

LUA = Path(__file__).with_name("wrk_report.lua")
LINE = re.compile(r"WRK (.*)")


def run_wrk(url, concurrency, seconds):
    threads = str(min(concurrency, 2))
    result = subprocess.run(  # noqa: S603 - Debian's wrk with our own arguments
        [
            shutil.which("wrk") or "/usr/bin/wrk",
            "-t",
            threads,
            "-c",
            str(concurrency),
            "-d",
            f"{max(1, round(seconds))}s",
            "--latency",
            "-s",
            str(LUA),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    match = LINE.search(result.stdout)
    if not match:
        raise SystemExit(f"wrk gave no summary for {url}:\n{result.stdout}\n{result.stderr}")
    figures = dict(pair.split("=") for pair in match.group(1).split())
    requests, elapsed = int(figures["requests"]), float(figures["seconds"])
    return {
        "rps": requests / elapsed,
        "p50": float(figures["p50"]),
        "p99": float(figures["p99"]),
        "errors": int(figures["errors"]) + int(figures["non2xx3xx"]),
        "bytes": int(figures["bytes"]) / max(requests, 1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="+", help='"label=url"; the first is the baseline')
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 16])
    parser.add_argument("--title", default="")
    parser.add_argument("--out")
    args = parser.parse_args()
    targets = [target.split("=", 1) for target in args.targets]
    for _, url in targets:
        if urlsplit(url).hostname not in ("127.0.0.1", "localhost"):
            raise SystemExit("wrk_compare.py only loads servers on loopback")
    runs = {}
    for round_number in range(args.rounds):
        for concurrency in args.concurrency:
            for label, url in targets:
                runs.setdefault((label, concurrency), []).append(
                    run_wrk(url, concurrency, args.seconds)
                )
        print(f"round {round_number + 1}/{args.rounds} done", flush=True)
    lines = [
        f"{args.title} ({args.rounds} interleaved rounds of {args.seconds:g} s, medians; "
        f"load average {os.getloadavg()[0]:.1f})",
        "",
        "| target | concurrency | requests/s | p50 ms | p99 ms | bytes/answer | errors | "
        "requests/s ÷ baseline (median of rounds) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    baseline = targets[0][0]
    for concurrency in args.concurrency:
        for label, _ in targets:
            mine = runs[(label, concurrency)]
            base = runs[(baseline, concurrency)]
            ratios = [m["rps"] / b["rps"] for m, b in zip(mine, base, strict=True)]
            lines.append(
                f"| {label} | {concurrency} | {statistics.median(r['rps'] for r in mine):,.0f} | "
                f"{statistics.median(r['p50'] for r in mine):.2f} | "
                f"{statistics.median(r['p99'] for r in mine):.2f} | "
                f"{statistics.median(r['bytes'] for r in mine):,.0f} | "
                f"{sum(r['errors'] for r in mine)} | {statistics.median(ratios):.3g} |"
            )
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        with open(args.out, "a", encoding="utf-8") as out:
            out.write(text + "\n")


if __name__ == "__main__":
    main()
