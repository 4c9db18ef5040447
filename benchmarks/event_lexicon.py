"""Size and load time of the event lexicon (hand table + CAMEO patterns + overlay).

    python benchmarks/event_lexicon.py [--repeats 5] [--no-write]

Loads the tables in a fresh interpreter each time (the cost a worker pays once at start-up) and
reports the median, plus the files' sizes and entry counts; writes its section of
benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

from results import write_section

DATA = Path(__file__).resolve().parents[1] / "src" / "presslens" / "data"
PROBE = ("import time; from presslens.events import lexicon as L; t = time.perf_counter(); "
         "L.cameo(); L.lexicon(); print(time.perf_counter() - t)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    times = [float(subprocess.run([sys.executable, "-c", PROBE], check=True, capture_output=True, text=True).stdout)
             for _ in range(args.repeats)]
    cameo = json.loads((DATA / "cameo_verbs.json").read_text(encoding="utf-8"))
    hand = json.loads((DATA / "plover_triggers.json").read_text(encoding="utf-8"))
    overlay = json.loads((DATA / "event_overlay.json").read_text(encoding="utf-8"))
    n_overlay = sum(len(v) for k, v in overlay.items() if not k.startswith("_"))
    body = (f"Command: `.venv/bin/python benchmarks/event_lexicon.py --repeats {args.repeats}`\n\n"
            "| table | entries | size |\n|---|---|---|\n"
            f"| `cameo_verbs.json` (CAMEO, built by `make event-lexicon`) | {len(cameo['verbs']):,} verb lemmas, "
            f"{sum(len(b) for b in cameo['blocks']):,} patterns in {len(cameo['blocks'])} blocks, {len(cameo['synsets'])} synonym sets, "
            f"{len(cameo['agents']['words']) + len(cameo['agents']['stems'])} agent nouns "
            f"| {(DATA / 'cameo_verbs.json').stat().st_size / 1024:.0f} KiB |\n"
            f"| `plover_triggers.json` (hand) | {len(hand['verbs'])} verbs, {len(hand['verb_object'])} verb + object pairs, "
            f"{len(hand['nouns'])} nouns | {(DATA / 'plover_triggers.json').stat().st_size / 1024:.0f} KiB |\n"
            f"| `event_overlay.json` (hand, with reasons) | {n_overlay} entries | {(DATA / 'event_overlay.json').stat().st_size / 1024:.0f} KiB |\n\n"
            f"Load and compile, once per process: median **{statistics.median(times) * 1000:.0f} ms** "
            f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f} ms over {args.repeats} fresh interpreters; "
            "2 shared cores, other jobs running).\n")
    print(body)
    if not args.no_write:
        write_section("Event lexicon: size and load time", body)


if __name__ == "__main__":
    main()
