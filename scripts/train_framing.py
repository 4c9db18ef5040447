"""Train the shipped persuasion-technique model: `make train-framing`.

usage: python scripts/train_framing.py [PTC_TRAIN_JSONL] [--output DIR] [--config TOML]
Defaults: ../shared/data/ptc/train.jsonl -> src/presslens/models/framing (configs/framing.toml).
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from presslens.framing.corpus import parse_articles
from presslens.framing.training import CONFIG, Example, load_config, train_model

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(ROOT.parent / "shared" / "data" / "ptc" / "train.jsonl"))
    ap.add_argument("--output", default=str(ROOT / "src" / "presslens" / "models" / "framing"))
    ap.add_argument("--config", default=str(CONFIG))
    a = ap.parse_args()
    articles = [json.loads(line) for line in open(a.gold, encoding="utf-8") if line.strip()]
    examples = [Example(art, doc) for art, doc in zip(articles, parse_articles(articles, n_process=2))]
    config = load_config(Path(a.config))
    output = Path(a.output)
    staging = output.with_name(output.name + ".new")  # the old model stays until the new one is complete
    if staging.exists():
        shutil.rmtree(staging)
    tagger = train_model(examples, config)
    tagger.save(staging, {"name": "presslens_framing", "trained_on": f"{Path(a.gold).name} ({len(articles)} articles)",
                          "config": config})
    if output.exists():
        shutil.rmtree(output)
    staging.rename(output)
    print(f"model written to {output}; thresholds {tagger.thresholds}")


if __name__ == "__main__":
    main()
