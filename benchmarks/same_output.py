"""Check that a change leaves every analysis byte for byte the same: write a fixed set's JSON, then diff.

    python benchmarks/same_output.py write /tmp/perf-baseline     # before the change
    python benchmarks/same_output.py check /tmp/perf-baseline     # after it: lists every file that differs

The fixed set is the 30 articles of `../shared/data/genre/dev.jsonl`, the reference article
`../shared/examples/kursk-dprk.txt` (published 2025-04-28), and every 19th article of
`../shared/data/genre/corpus.jsonl` (100 articles), each with its `published` date.  One JSON file per
article (`Analysis.to_dict()`, indented), so a difference shows as a readable diff.  A speed-up that
is meant to change nothing must pass `check`.
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

from presslens import analyze_many

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS_STEP = 19
REFERENCE_PUBLISHED = "2025-04-28"


def fixed_records() -> list[dict]:
    """The fixed input set, each record with a stable file name under `name`."""
    fields = ("id", "text", "published", "title", "url", "outlet")

    def lines(path: Path) -> list[dict]:
        return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]

    records = [{"name": f"dev-{i:03d}", **{k: r.get(k) for k in fields}}
               for i, r in enumerate(lines(SHARED / "data" / "genre" / "dev.jsonl"))]
    records.append({"name": "kursk-dprk", "id": "kursk-dprk",
                    "text": (SHARED / "examples" / "kursk-dprk.txt").read_text(encoding="utf-8"),
                    "published": REFERENCE_PUBLISHED})
    corpus = lines(SHARED / "data" / "genre" / "corpus.jsonl")
    records += [{"name": f"corpus-{i:04d}", **{k: r.get(k) for k in fields}}
                for i, r in enumerate(corpus) if i % CORPUS_STEP == 0]
    return records


def rendered(records: list[dict]) -> dict[str, str]:
    names = [r["name"] for r in records]
    inputs = [{k: v for k, v in r.items() if k != "name"} for r in records]
    return {name: json.dumps(a.to_dict(), ensure_ascii=False, indent=1) + "\n"
            for name, a in zip(names, analyze_many(inputs))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("write", "check"))
    parser.add_argument("directory", type=Path)
    args = parser.parse_args()
    outputs = rendered(fixed_records())
    if args.mode == "write":
        args.directory.mkdir(parents=True, exist_ok=True)
        for name, text in outputs.items():
            (args.directory / f"{name}.json").write_text(text, encoding="utf-8")
        print(f"wrote {len(outputs)} analyses to {args.directory}")
        return 0
    differing = []
    for name, text in outputs.items():
        path = args.directory / f"{name}.json"
        before = path.read_text(encoding="utf-8") if path.exists() else ""
        if before != text:
            differing.append(name)
            diff = difflib.unified_diff(before.splitlines(), text.splitlines(), f"before/{name}", f"after/{name}", lineterm="", n=1)
            print("\n".join(list(diff)[:40]))
    print(f"{len(outputs) - len(differing)}/{len(outputs)} analyses identical" + (f"; differ: {', '.join(differing)}" if differing else ""))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
