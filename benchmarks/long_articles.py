"""Long articles: CPU time per KB of the full analysis and of bare spaCy, at 10 / 50 / 100 KB (and more).

    python benchmarks/long_articles.py [--sizes 10,50,100] [--input ../shared/data/genre/corpus.jsonl] [--no-write]

Each article is built at run time from whole paragraphs of the input's texts, drawn in a seeded
order until the size is reached (nothing is written to the repository).  For each size, one
warm run of bare `nlp.pipe` (the statistical model alone) and one of `presslens.analyze` over the
same text, timed by this process's CPU time.  Time per KB should stay flat as articles grow:
a rising `full ms/KB` against a flat `bare ms/KB` means some annotator is superlinear in length.
Texts over `pieces.PIECE_CHARS` (100,000 characters) are analysed in pieces.  Writes its section
of benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import time
from pathlib import Path

from presslens import analyze
from presslens.pipeline import BASE_MODEL, load_base_model
from results import write_section

DEFAULT_INPUT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "genre" / "corpus.jsonl"
SEED = 7


def build_article(paragraphs: list[str], kilobytes: int, seed: int = SEED) -> str:
    """Whole paragraphs in a seeded order, until the text reaches `kilobytes` KB of UTF-8."""
    order = random.Random(seed).sample(paragraphs, len(paragraphs))
    out, size = [], 0
    for p in order:
        if size >= kilobytes * 1000:
            break
        out.append(p)
        size += len(p.encode("utf-8")) + 1
    return "\n".join(out)


def cpu_time(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,50,100", help="article sizes in KB, comma-separated")
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    paragraphs = [p.strip() for r in map(json.loads, args.input.open(encoding="utf-8"))
                  for p in r["text"].split("\n") if len(p.strip()) > 40]
    bare = load_base_model()
    analyze(build_article(paragraphs, 2, SEED + 1), published="2024-12-26")  # warm both: first calls load tables
    list(bare.pipe([build_article(paragraphs, 2, SEED + 1)]))

    rows, per_kb = [], {}
    load_before = "{:.2f} / {:.2f} / {:.2f}".format(*os.getloadavg())
    for kb in sizes:
        text = build_article(paragraphs, kb)
        size = len(text.encode("utf-8")) / 1000
        bare_s = cpu_time(lambda: list(bare.pipe([text])))
        full_s = cpu_time(lambda: analyze(text, published="2024-12-26"))
        per_kb[kb] = full_s / size
        rows.append(f"| {kb} | {size:,.1f} | {bare_s:.2f} | {full_s:.2f} | {1000 * bare_s / size:.1f} | "
                    f"{1000 * full_s / size:.1f} | {bare_s / full_s:.2f} |")
    load_after = "{:.2f} / {:.2f} / {:.2f}".format(*os.getloadavg())
    smallest, largest = sizes[0], sizes[-1]
    growth = per_kb[largest] / per_kb[smallest]
    input_option = "" if args.input == DEFAULT_INPUT else f" --input {args.input}"
    body = f"""Command: `.venv/bin/python benchmarks/long_articles.py --sizes {args.sizes}{input_option}`

Articles of whole paragraphs of `{"../shared/data/genre/corpus.jsonl" if not input_option else args.input}` (seeded order),
published 2024-12-26; model `{BASE_MODEL}`; CPU time of this process, one warm run per size;
Python {platform.python_version()}, {os.cpu_count()} CPUs; load average (1 / 5 / 15 min) {load_before} before, {load_after} after.
*bare* is `nlp.pipe` of the statistical model alone, *full* is `presslens.analyze`.

| KB asked | KB | bare s | full s | bare ms/KB | full ms/KB | bare / full |
|---|---|---|---|---|---|---|
{chr(10).join(rows)}

Full analysis time per KB at {largest} KB is {growth:.2f}× that at {smallest} KB (1.00 = linear in length).
"""
    print(body)
    if not args.no_write:
        write_section("Long articles: time per KB", body)


if __name__ == "__main__":
    main()
