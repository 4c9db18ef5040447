"""Linking cost as the corpus grows: a synthetic stream of 100,000 events through one `Linker`.

    .venv/bin/python benchmarks/linking_stream.py [--events 100000] [--chunk 10000]

Invented articles, 5 events each, arriving in time order at about 100 events a day (100,000
events cover three years, as a real feed would): 20 PLOVER types, 300 places, 60 actors, evidence sentences drawn from a small vocabulary; one in four events retells an
earlier one from another outlet (same type, place and day, reworded), so stories do form.
Each chunk of events is added with `Linker.add()` (lexical evidence similarity: the cost
measured is the linker's own, not a model's) and timed in CPU seconds.  Near-linear growth
means the seconds per 1,000 events stay level from the first chunk to the last.
"""
from __future__ import annotations

import argparse
import math
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from results import write_section  # noqa: E402

from presslens.corpus import LinkInput, Linker  # noqa: E402
from presslens.model import Analysis, Event, Span  # noqa: E402

TYPES = ["ASSAULT", "COERCE", "PROTEST", "CONSULT", "AGREE", "AID", "THREATEN", "MOBILIZE", "REJECT", "ACCUSE",
         "SUPPORT", "CONCEDE", "COOPERATE", "DEMAND", "RETREAT", "SANCTION", "INVESTIGATE", "DETAIN", "SEIZE", "MEET"]
PER_DAY = 100  # events a day: 100,000 events cover about three years
WORDS = ("forces city region strike attack drones missiles shelling officials said overnight morning village plant "
         "bridge port talks delegation ministry army border residents power energy damage civilians wounded killed "
         "convoy supplies aid statement council meeting leaders agreement sanctions protest square police").split()


def stream(events: int, seed: int = 7):
    rng = random.Random(seed)
    start = date(2022, 1, 1)
    places = [f"Place{i}" for i in range(300)]
    actors = [f"Actor{i} Forces" for i in range(60)]
    told: list[tuple] = []
    n_article = 0
    made = 0
    while made < events:
        n_article += 1
        text_parts, evs = [], []
        for _ in range(5):
            if told and rng.random() < 0.25:
                type_, place, actor, target, day, words = rng.choice(told)
                words = words[:]
                rng.shuffle(words)
            else:
                type_, place = rng.choice(TYPES), rng.choice(places)
                actor, target = rng.choice(actors), rng.choice(actors)
                day = start + timedelta(days=made // PER_DAY + rng.randrange(3))  # the stream moves on in time
                words = rng.sample(WORDS, 10)
                told.append((type_, place, actor, target, day, words))
                if len(told) > 5000:
                    told.pop(0)
            sentence = f"{actor} {' '.join(words)} {target} in {place}."
            offset = sum(len(p) + 1 for p in text_parts)
            text_parts.append(sentence)
            evs.append(Event(type_, actor, target, place, day.isoformat(),
                             Span(offset, offset + len(sentence), sentence)))
        text = " ".join(text_parts)
        day = min(e.date for e in evs)
        made += len(evs)
        yield LinkInput(f"doc-{n_article}", f"Outlet{n_article % 40}", day,
                        Analysis(text=text, published=day, events=evs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=10_000)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    linker = Linker(embedder="lexical")
    rows, batch, done, total_cpu = [], [], 0, 0.0
    per_chunk = args.chunk // 5

    def flush():
        nonlocal done, total_cpu
        started = time.process_time()
        linker.add(batch)
        spent = time.process_time() - started
        total_cpu += spent
        done += sum(len(b.analysis.events) for b in batch)
        rows.append((done, spent, total_cpu, len(linker.stories.states), linker.stories.comparisons))
        print(rows[-1], flush=True)
        batch.clear()

    for item in stream(args.events):
        batch.append(item)
        if len(batch) == per_chunk:
            flush()
    if batch:
        flush()
    first = rows[0][1] / (rows[0][0] / 1000)
    last = rows[-1][1] / ((rows[-1][0] - rows[-2][0]) / 1000) if len(rows) > 1 else first
    slope = math.log(rows[-1][2] / rows[0][2]) / math.log(rows[-1][0] / rows[0][0]) if len(rows) > 1 else 1.0
    table = "\n".join(f"| {n:,} | {spent:.2f} | {1000 * spent / (n - (rows[i - 1][0] if i else 0)):.1f} | {cum:.1f} | "
                      f"{stories:,} | {cmp_:,} |" for i, (n, spent, cum, stories, cmp_) in enumerate(rows))
    body = f"""Command: `.venv/bin/python benchmarks/linking_stream.py --events {args.events} --chunk {args.chunk}`
— invented events in time order (100 a day, 20 types, 300 places, a quarter of them retelling an earlier event), one `Linker`,
lexical evidence similarity, CPU seconds of this process on 2 shared cores.

| events so far | CPU s this chunk | CPU ms per event | CPU s total | stories | comparisons |
|---:|---:|---:|---:|---:|---:|
{table}

Cost per event, first chunk → last: {first:.2f} → {last:.2f} ms; growth exponent of total cost against events
(log-log, first to last chunk): **{slope:.2f}** (1.0 is linear; all-pairs comparison would be 2.0)."""
    if not args.no_write:
        write_section("Linking: a synthetic stream of 100,000 events", body)
    print(body)


if __name__ == "__main__":
    main()
