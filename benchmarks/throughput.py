"""Throughput of the full presslens analysis against bare spaCy `nlp.pipe` with the same model.

    python benchmarks/throughput.py [--input ../shared/data/polnear/dev.jsonl] [--repeats 2] [--no-write]

Runs both over the same texts in one process, alternating, and keeps each side's best run.
Reports articles/s and words/s by wall clock and by the process's CPU time (the CPU-time
ratio is the one to trust on a busy machine), and writes its section of
benchmarks/RESULTS.md.  Target: full / bare ≥ 0.7.
"""
from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

from presslens import analyze_many
from presslens.pipeline import BASE_MODEL, get_pipeline, load_base_model
from results import write_section

DEFAULT_INPUT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear" / "dev.jsonl"


def timed(work) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args()

    records = [{"id": r["id"], "text": r["text"]} for r in map(json.loads, args.input.open(encoding="utf-8"))]
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)
    bare, full = load_base_model(), get_pipeline()
    for _ in bare.pipe(texts[:4]):  # warm both: first calls allocate
        pass
    list(analyze_many(records[:4]))

    best = {"bare": (float("inf"),) * 2, "full": (float("inf"),) * 2}
    for _ in range(args.repeats):
        run = timed(lambda: [None for _ in bare.pipe(texts, batch_size=args.batch_size)])
        best["bare"] = min(best["bare"], run)
        run = timed(lambda: [None for _ in analyze_many(records, batch_size=args.batch_size)])
        best["full"] = min(best["full"], run)

    rows = []
    for name, (wall, cpu) in best.items():
        rows.append(f"| {name} | {len(texts) / wall:.2f} | {words / wall:,.0f} | {len(texts) / cpu:.2f} | {words / cpu:,.0f} |")
    wall_ratio = best["bare"][0] / best["full"][0]
    cpu_ratio = best["bare"][1] / best["full"][1]
    input_option = "" if args.input == DEFAULT_INPUT else f" --input {args.input}"
    body = f"""Command: `.venv/bin/python benchmarks/throughput.py{input_option} --repeats {args.repeats}`
(input: `{"../shared/data/polnear/dev.jsonl" if not input_option else args.input}`)

{len(texts)} PolNeAR dev articles, {words:,} words; model `{BASE_MODEL}`; batch size {args.batch_size};
best of {args.repeats} alternating runs in one process; Python {platform.python_version()}, {platform.machine()}.
*bare* is `nlp.pipe` of the statistical model alone; *full* is `presslens.analyze_many` (the model plus
the presslens components and conversion to `Analysis`).

| pipeline | articles/s (wall) | words/s (wall) | articles/s (CPU) | words/s (CPU) |
|---|---|---|---|---|
{chr(10).join(rows)}

**Ratio full / bare: {wall_ratio:.2f} by wall clock, {cpu_ratio:.2f} by CPU time** (target ≥ 0.7).

The machine this ran on has 2 cores shared with other developers' test runs, so wall-clock rates are
noisy; the CPU-time ratio counts only this process's own work and is the steadier figure.
"""
    print(body)
    if not args.no_write:
        write_section("Throughput: full analysis against bare spaCy", body)


if __name__ == "__main__":
    main()
