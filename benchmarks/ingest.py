"""Ingest throughput: `presslens ingest` into SQLite against `presslens analyze --format jsonl` to a file.

Both commands run on the same PolNeAR train+dev articles in the same run, as subprocesses
(same start-up cost); the ratio of their articles/s says whether the store is a bottleneck
(target ≥ 0.8).  Writes a section of benchmarks/RESULTS.md.

    python benchmarks/ingest.py [--limit N] [--workers N]
"""
from __future__ import annotations

import argparse
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from presslens.evaluation.common import update_results

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = Path(os.environ.get("PRESSLENS_SHARED", ROOT.parent / "shared")) / "data" / "polnear"
RESULTS = Path(os.environ.get("PRESSLENS_RESULTS", ROOT / "benchmarks" / "RESULTS.md"))
PRESSLENS = str(Path(sys.executable).with_name("presslens"))


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1: some records failed, which both commands report the same way
        sys.exit(f"{shlex.join(command)} failed:\n{done.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all of train+dev)")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    lines = [line for name in ("train.jsonl", "dev.jsonl") for line in (POLNEAR / name).open(encoding="utf-8")]
    if args.limit:
        lines = lines[:args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "polnear.jsonl"
        corpus.write_text("".join(lines), encoding="utf-8")
        analyze = [PRESSLENS, "analyze", str(corpus), "--input-format", "jsonl", "--format", "jsonl",
                   "-o", str(Path(tmp) / "out.jsonl"), "--workers", str(args.workers)]
        ingest = [PRESSLENS, "ingest", str(corpus), "--db", str(Path(tmp) / "corpus.db"), "--no-progress",
                  "--workers", str(args.workers), "--field", "published=meta.publication_date",
                  "--field", "outlet=meta.publisher", "--field", "title=meta.title"]
        analyze_s = timed(analyze)
        ingest_s = timed(ingest)
    n = len(lines)
    ratio = analyze_s / ingest_s
    body = (f"Command: `python benchmarks/ingest.py{' --limit ' + str(args.limit) if args.limit else ''}"
            f"{' --workers ' + str(args.workers) if args.workers > 1 else ''}` — {n} PolNeAR train+dev articles, "
            f"{args.workers} worker(s), {os.cpu_count()} CPUs ({platform.processor() or platform.machine()}), "
            f"{time.strftime('%Y-%m-%d')}.\n\n"
            f"| run | seconds | articles/s |\n|---|---:|---:|\n"
            f"| `presslens analyze --format jsonl` to a file | {analyze_s:.1f} | {n / analyze_s:.2f} |\n"
            f"| `presslens ingest` into SQLite | {ingest_s:.1f} | {n / ingest_s:.2f} |\n\n"
            f"Ingest/analyze throughput ratio: **{ratio:.2f}** (target ≥ 0.8).\n")
    print(body)
    update_results(RESULTS, "Ingest into the store vs analyze to JSONL", body)


if __name__ == "__main__":
    main()
