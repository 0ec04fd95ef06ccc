"""Load a running site's API from a separate process and print requests/s, median and p95.

    python scripts/api_load.py http://127.0.0.1:8766 --seconds 10 --concurrency 1 4 16 \
        /api/v2/stats/ "/api/v2/map/"

Each concurrency level runs for a fixed time with that many client threads, each on its own
keep-alive connection, requesting the paths in turn. Only 200 and 304 answers count as
successes; anything else is reported. Loopback only: the host must be 127.0.0.1 or localhost.
"""

import argparse
import http.client
import math
import statistics
import threading
import time
from urllib.parse import urlsplit


def worker(host, port, paths, deadline, latencies, failures, lock):
    connection = http.client.HTTPConnection(host, port, timeout=60)
    mine, bad, index = [], 0, 0
    while time.perf_counter() < deadline:
        path = paths[index % len(paths)]
        index += 1
        started = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            bad += 1
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=60)
            continue
        elapsed = time.perf_counter() - started
        if response.status in (200, 304):
            mine.append(elapsed)
        else:
            bad += 1
    connection.close()
    with lock:
        latencies.extend(mine)
        failures.append(bad)


def run(base, paths, seconds, concurrency):
    parts = urlsplit(base)
    if parts.hostname not in ("127.0.0.1", "localhost"):
        raise SystemExit("api_load.py only loads a server on loopback")
    latencies, failures, lock = [], [], threading.Lock()
    deadline = time.perf_counter() + seconds
    threads = [
        threading.Thread(
            target=worker,
            args=(parts.hostname, parts.port or 80, paths, deadline, latencies, failures, lock),
        )
        for _ in range(concurrency)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    # Nearest rank: the smallest value that at least 95% of the requests did not exceed.
    p95 = latencies[max(0, math.ceil(len(latencies) * 0.95) - 1)] if latencies else float("nan")
    return {
        "requests": len(latencies),
        "errors": sum(failures),
        "rps": len(latencies) / wall,
        "median_ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
        "p95_ms": p95 * 1000,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="e.g. http://127.0.0.1:8766")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    for concurrency in args.concurrency:
        result = run(args.base, args.paths, args.seconds, concurrency)
        print(
            f"| {args.label} | {' '.join(args.paths)} | {concurrency} | {result['requests']} | "
            f"{result['rps']:.1f} | {result['median_ms']:.1f} | {result['p95_ms']:.1f} | "
            f"{result['errors']} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
