"""Load on the web app: short articles alone, then with one ~300 KB article in the mix.

    python benchmarks/load.py [--requests 60] [--clients 2] [--big-bytes 300000] [--seconds 240] [--no-write]

Starts `presslens serve` on 127.0.0.1 only (a free port, a temporary store, two analysis
workers), warms both workers, and then sends invented short articles (about 120 words) from
`--clients` concurrent clients: first alone, then again while one invented article of
`--big-bytes` is being analysed.  Each phase is bounded by `--requests` and `--seconds`.
Reports requests/s and p50/p95 latency of the short requests in each phase, and how long the
big one took.  Target: with the big one running, short requests' p95 stays under 2 s.
Writes its section of benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from results import write_section

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the invented articles and the server harness the tests use

from invented_articles import article, long_article  # noqa: E402
from live_server import live_server  # noqa: E402

TARGET_P95 = 2.0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def short_phase(base: str, requests: int, clients: int, seconds: float, first: int,
                until: threading.Event | None = None) -> dict:
    """Send up to `requests` short articles from `clients` threads for at most `seconds` (or until `until` is set)."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    counter = iter(range(first, first + requests))
    stop_at = time.monotonic() + seconds

    def client(_):
        with httpx.Client(timeout=600) as http:
            while time.monotonic() < stop_at and not (until and until.is_set()):
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                started = time.monotonic()
                status = http.post(base + "/api/analyze", json={"text": article(i)["text"]}).status_code
                with lock:
                    statuses[status] = statuses.get(status, 0) + 1
                    if status == 200:
                        latencies.append(time.monotonic() - started)

    started = time.monotonic()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, range(clients)))
    elapsed = time.monotonic() - started
    return {"done": len(latencies), "statuses": statuses, "seconds": elapsed, "rate": len(latencies) / elapsed,
            "p50": statistics.median(latencies) if latencies else float("nan"),
            "p95": percentile(latencies, 0.95) if latencies else float("nan")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=60, help="short requests per phase, at most")
    parser.add_argument("--clients", type=int, default=2, help="concurrent clients sending short articles")
    parser.add_argument("--big-bytes", type=int, default=300_000, help="size of the one long article")
    parser.add_argument("--seconds", type=float, default=240, help="time limit of each phase")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args()

    big_text = long_article(args.big_bytes)
    with tempfile.TemporaryDirectory(prefix="presslens-load-") as tmp, live_server(str(Path(tmp) / "load.db")) as base:
        load_before = os.getloadavg()[0]
        alone = short_phase(base, args.requests, args.clients, args.seconds, first=0)
        big: dict = {}
        big_done = threading.Event()

        def send_big():
            started = time.monotonic()
            try:
                big["status"] = httpx.post(base + "/api/analyze", json={"text": big_text}, timeout=None).status_code
            except httpx.TransportError as exc:  # the server stopped at the end of the run
                big["status"] = type(exc).__name__
            big["seconds"] = time.monotonic() - started
            big_done.set()

        thread = threading.Thread(target=send_big, daemon=True)
        big_started = time.monotonic()
        thread.start()
        time.sleep(1.0)  # the big article is in its worker before the short ones start
        mixed = short_phase(base, args.requests, args.clients, args.seconds, first=10_000, until=big_done)
        big["running_at_end"] = not big_done.is_set()
        big["seconds_at_end"] = time.monotonic() - big_started
        load_after = os.getloadavg()[0]  # leaving the block stops the server, and a long article still running

    rows = [f"| {name} | {p['done']} | {p['seconds']:.1f} | {p['rate']:.2f} | {p['p50']:.2f} | {p['p95']:.2f} | "
            f"{', '.join(f'{k}: {v}' for k, v in sorted(p['statuses'].items()))} |"
            for name, p in (("short articles alone", alone), (f"with one {len(big_text):,}-character article running", mixed))]
    met = mixed["p95"] < TARGET_P95
    body = f"""Command: `.venv/bin/python benchmarks/load.py --requests {args.requests} --clients {args.clients} --big-bytes {args.big_bytes} --seconds {args.seconds:.0f}`

`presslens serve` on 127.0.0.1 with 2 analysis workers; {args.clients} concurrent clients post invented short
articles (about 120 words) to `POST /api/analyze`. The second phase runs while one invented
{len(big_text):,}-character article is analysed, and stops when it is done (or at the limits).
{os.cpu_count()} CPUs; 1-minute load average {load_before:.2f} before, {load_after:.2f} after.

| phase | short requests answered | seconds | requests/s | p50 latency (s) | p95 latency (s) | statuses |
|---|---|---|---|---|---|---|
{chr(10).join(rows)}

The long article: {f"still being analysed after {big['seconds_at_end']:.0f} s when the phase ended (stopped with the server)"
                    if big['running_at_end'] else f"status {big.get('status')} after {big.get('seconds', 0):.1f} s"}.
**Short requests' p95 with the long article running: {mixed['p95']:.2f} s** (target < {TARGET_P95:.0f} s: {'met' if met else 'not met'}).
"""
    print(body)
    if not args.no_write:
        write_section("Web app under load: short articles with and without a long one", body)


if __name__ == "__main__":
    main()
