"""Throughput of the full presslens analysis against bare spaCy `nlp.pipe` with the same model.

    python benchmarks/throughput.py [--input ../shared/data/polnear/dev.jsonl] [--runs 5] [--no-write]

Runs both over the same texts in one process, alternating bare and full `--runs` times (at least
five), and takes the ratio full / bare of each adjacent pair, so a burst of load from elsewhere
hits one pair rather than one side.  Reports the median ratio and its spread (lowest to highest
pair), by wall clock and by the process's CPU time (the steadier figure on a busy machine), and
the load average before and after.  The target (full / bare ≥ 0.70) is called met only when the
whole spread is at or above it, missed only when the whole spread is below it, and otherwise
undecided on this machine.  Writes its section of benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from pathlib import Path

from presslens import analyze_many
from presslens.pipeline import BASE_MODEL, get_pipeline, load_base_model
from results import write_section

DEFAULT_INPUT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear" / "dev.jsonl"
TARGET = 0.70
MIN_RUNS = 5


def timed(work) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def verdict(ratios: list[float], target: float = TARGET) -> str:
    """'met' when every pair's ratio reaches `target`, 'missed' when none does, else 'undecided'."""
    if min(ratios) >= target:
        return "met"
    if max(ratios) < target:
        return "missed"
    return "undecided"


def load_average() -> str:
    try:
        return "{:.2f} / {:.2f} / {:.2f}".format(*os.getloadavg())
    except OSError:
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--runs", type=int, default=MIN_RUNS, help=f"alternating runs of each side (at least {MIN_RUNS})")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args()
    if args.runs < MIN_RUNS:
        parser.error(f"--runs must be at least {MIN_RUNS}: fewer pairs cannot show the spread")

    records = [{"id": r["id"], "text": r["text"]} for r in map(json.loads, args.input.open(encoding="utf-8"))]
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)
    bare, full = load_base_model(), get_pipeline()
    for _ in bare.pipe(texts[:4]):  # warm both: first calls allocate
        pass
    list(analyze_many(records[:4]))

    load_before = load_average()
    runs: dict[str, list[tuple[float, float]]] = {"bare": [], "full": []}
    for _ in range(args.runs):
        runs["bare"].append(timed(lambda: [None for _ in bare.pipe(texts, batch_size=args.batch_size)]))
        runs["full"].append(timed(lambda: [None for _ in analyze_many(records, batch_size=args.batch_size)]))
    load_after = load_average()

    rows = []
    for name, measured in runs.items():
        wall = statistics.median(w for w, _ in measured)
        cpu = statistics.median(c for _, c in measured)
        rows.append(f"| {name} | {len(texts) / wall:.2f} | {words / wall:,.0f} | {len(texts) / cpu:.2f} | {words / cpu:,.0f} |")
    ratios = {clock: [b[i] / f[i] for b, f in zip(runs["bare"], runs["full"])] for i, clock in enumerate(("wall", "cpu"))}
    summary = {clock: (statistics.median(r), min(r), max(r), verdict(r)) for clock, r in ratios.items()}
    pairs = "\n".join(f"| {i + 1} | {ratios['wall'][i]:.2f} | {ratios['cpu'][i]:.2f} |" for i in range(args.runs))
    cpu_median, cpu_low, cpu_high, cpu_verdict = summary["cpu"]
    wall_median, wall_low, wall_high, wall_verdict = summary["wall"]
    meaning = {"met": f"met: every pair is at or above {TARGET:.2f}",
               "missed": f"missed: every pair is below {TARGET:.2f}",
               "undecided": f"not shown: the spread straddles {TARGET:.2f}, so this run cannot say it is met"}
    input_option = "" if args.input == DEFAULT_INPUT else f" --input {args.input}"
    body = f"""Command: `.venv/bin/python benchmarks/throughput.py{input_option} --runs {args.runs}`
(input: `{"../shared/data/polnear/dev.jsonl" if not input_option else args.input}`)

{len(texts)} PolNeAR dev articles, {words:,} words; model `{BASE_MODEL}`; batch size {args.batch_size};
{args.runs} alternating runs of each side in one process; Python {platform.python_version()}, {platform.machine()},
{os.cpu_count()} CPUs; load average (1 / 5 / 15 min) {load_before} before, {load_after} after.
*bare* is `nlp.pipe` of the statistical model alone; *full* is `presslens.analyze_many` (the model plus
the presslens components and conversion to `Analysis`). Rates are medians over the runs.

| pipeline | articles/s (wall) | words/s (wall) | articles/s (CPU) | words/s (CPU) |
|---|---|---|---|---|
{chr(10).join(rows)}

Ratio full / bare of each pair (bare run, then full run):

| pair | wall clock | CPU time |
|---|---|---|
{pairs}

**Ratio full / bare by CPU time: median {cpu_median:.2f}, spread {cpu_low:.2f}–{cpu_high:.2f}** — target ≥ {TARGET:.2f}
{meaning[cpu_verdict]}.
By wall clock: median {wall_median:.2f}, spread {wall_low:.2f}–{wall_high:.2f} ({wall_verdict}).

The CPU-time ratio counts only this process's own work; on a machine whose cores are shared it is the
steadier figure, though contention still slows both sides through shared caches and memory bandwidth.
"""
    print(body)
    if not args.no_write:
        write_section("Throughput: full analysis against bare spaCy", body)


if __name__ == "__main__":
    main()
