"""Train the shipped persuasion-technique model: `make train-framing`.

usage: python scripts/train_framing.py [PTC_TRAIN_JSONL] [--output DIR]
Defaults: ../shared/data/ptc/train.jsonl -> src/presslens/models/framing (configs/framing.cfg).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from presslens.framing.training import train_model

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(ROOT.parent / "shared" / "data" / "ptc" / "train.jsonl"))
    ap.add_argument("--output", default=str(ROOT / "src" / "presslens" / "models" / "framing"))
    a = ap.parse_args()
    articles = [json.loads(line) for line in open(a.gold, encoding="utf-8") if line.strip()]
    out = train_model(articles, Path(a.output))
    print(f"model written to {out}; thresholds {json.loads((out / 'meta.json').read_text())['presslens_thresholds']}")


if __name__ == "__main__":
    main()
