"""Find candidates for the linking gold (eval/linking/): days both sides report on, the articles
of a day window, quotations shared between articles, quotations found in another article's own
text (a speech or address a news item quotes), and — with --analyse — the events presslens finds
in them, with the gold mentions already annotated marked.

This only helps an annotator look: every gold decision is made by reading the texts (see
eval/linking/GUIDE.md). Nothing here writes the gold.

    python scripts/linking_candidates.py days
    python scripts/linking_candidates.py window 2022-02-28 2022-03-01 [--analyse] [--gold-only]
    python scripts/linking_candidates.py quotes [--days 3]
    python scripts/linking_candidates.py sources [--days 3]
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "genre" / "corpus.jsonl"
SHINGLE = 6  # words in a quotation shingle
SOURCE_SHINGLE = 8  # words a quotation shares with another article's text to name it as a source


def read_corpus(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def day(record: dict) -> str:
    return (record.get("published") or "")[:10]


def days_both_sides(records: list[dict]) -> None:
    """Days with releases from more than one outlet, with the counts per outlet."""
    per_day = defaultdict(Counter)
    for r in records:
        per_day[day(r)][r["outlet"]] += 1
    for d, outlets in sorted(per_day.items()):
        if d and len(outlets) > 1:
            print(d, dict(outlets))


def quotations(text: str) -> list[str]:
    """The passages between balanced quotation marks (curly or straight)."""
    parts = text.replace("“", '"').replace("”", '"').split('"')
    return [parts[i] for i in range(1, len(parts), 2)] if len(parts) % 2 else []


def shared_quotations(records: list[dict], max_days: int) -> None:
    """Pairs of articles within `max_days` of each other whose quotations share word shingles."""
    index = defaultdict(set)
    for n, r in enumerate(records):
        for quote in quotations(r["text"]):
            words = re.findall(r"\w+", quote.lower())
            for k in range(len(words) - SHINGLE + 1):
                index[" ".join(words[k:k + SHINGLE])].add(n)
    pairs = defaultdict(list)
    for shingle, holders in index.items():
        if 1 < len(holders) < 5:
            for a, b in combinations(sorted(holders), 2):
                da, db = day(records[a]), day(records[b])
                if da and db and abs((date.fromisoformat(da) - date.fromisoformat(db)).days) <= max_days:
                    pairs[a, b].append(shingle)
    for (a, b), shingles in sorted(pairs.items(), key=lambda item: -len(item[1])):
        print(f"{len(shingles):4d}  {day(records[a])} {records[a]['id']}  |  {day(records[b])} {records[b]['id']}  :: {shingles[0]}")


def quoted_sources(records: list[dict], max_days: int) -> None:
    """Article pairs within `max_days` where a quotation of the first is found in the text of the
    second (often a speech or address released on its own, which a news item quotes), with the
    number of shared `SOURCE_SHINGLE`-word shingles, most first."""
    index = defaultdict(set)
    for n, r in enumerate(records):
        words = re.findall(r"\w+", r["text"].lower())
        for k in range(len(words) - SOURCE_SHINGLE + 1):
            index[" ".join(words[k:k + SOURCE_SHINGLE])].add(n)
    pairs = defaultdict(set)
    for n, r in enumerate(records):
        for quote in quotations(r["text"]):
            words = re.findall(r"\w+", quote.lower())
            for k in range(len(words) - SOURCE_SHINGLE + 1):
                shingle = " ".join(words[k:k + SOURCE_SHINGLE])
                holders = index[shingle]
                if len(holders) < 6:  # a stock phrase of many releases names no source
                    for m in holders - {n}:
                        da, db = day(r), day(records[m])
                        if da and db and abs((date.fromisoformat(da) - date.fromisoformat(db)).days) <= max_days:
                            pairs[n, m].add(shingle)
    for (a, b), shingles in sorted(pairs.items(), key=lambda item: -len(item[1])):
        print(f"{len(shingles):4d}  {day(records[a])} {records[a]['id']}  quotes  {day(records[b])} {records[b]['id']}"
              f"  :: {min(shingles)}")


def window(records: list[dict], first: str, last: str, analyse: bool, gold: Path | None, gold_only: bool) -> None:
    """The articles of [first, last], shortest first, with presslens's events when asked."""
    annotated = defaultdict(list)
    if gold and gold.exists():
        for row in read_corpus(gold):
            annotated[row["id"]].append(row)
    chosen = sorted((r for r in records if first <= day(r) <= last and (not gold_only or r["id"] in annotated)),
                    key=lambda r: len(r["text"]))
    analyses = [None] * len(chosen)
    if analyse:
        from presslens import analyze_many

        analyses = list(analyze_many({"id": r["id"], "text": r["text"], "published": r.get("published")} for r in chosen))
    for r, analysis in zip(chosen, analyses):
        print(f"== {day(r)} {r['outlet']} {len(r['text'])} chars  {r['id']}  gold: {len(annotated[r['id']])}")
        if analysis is None:
            continue
        spans = [tuple(g["span"]) for g in annotated[r["id"]] if g["kind"] == "event"]
        for e in analysis.events:
            where = e.trigger or e.evidence
            mark = "*" if any(min(s[1], where.end) > max(s[0], where.start) for s in spans) else " "
            print(f"   {mark} {e.type:9} {where.start:5}-{where.end:<5} {where.text!r:32} actor={e.actor} target={e.target} date={e.date}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("days")
    q = sub.add_parser("quotes")
    q.add_argument("--days", type=int, default=3)
    src = sub.add_parser("sources")
    src.add_argument("--days", type=int, default=3)
    w = sub.add_parser("window")
    w.add_argument("first")
    w.add_argument("last")
    w.add_argument("--analyse", action="store_true")
    w.add_argument("--gold", type=Path, default=ROOT / "eval" / "linking" / "gold.jsonl")
    w.add_argument("--gold-only", action="store_true", help="only the articles the gold already annotates")
    args = parser.parse_args()
    records = read_corpus(args.corpus)
    if args.command == "days":
        days_both_sides(records)
    elif args.command == "quotes":
        shared_quotations([r for r in records if r["outlet"] != "pure.news"], args.days)
    elif args.command == "sources":
        quoted_sources(records, args.days)
    else:
        window(records, args.first, args.last, args.analyse, args.gold, args.gold_only)


if __name__ == "__main__":
    main()
