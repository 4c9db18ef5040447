"""Train the persuasion-technique span tagger from PTC-style articles with `spacy train`.

Used by `scripts/train_framing.py` (the shipped model) and by `presslens eval framing --folds`
(cross-validation, one model per fold).  A fixed share of the training articles is held out as
the dev set that picks the best checkpoint and the tagger's thresholds (`tune_thresholds`).
"""
from __future__ import annotations

import json
import random
import shutil
import tempfile
from pathlib import Path

import spacy
from spacy.cli.train import train

from ..evaluation.framing import score
from .corpus import write_docbin
from .tagger import TechniqueTagger, spans_from_cats
from .techniques import to_2023

GRID = [round(0.1 + 0.05 * i, 2) for i in range(11)]

CONFIG = Path(__file__).resolve().parents[3] / "configs" / "framing.cfg"


def split_dev(articles: list[dict], dev_fraction: float, seed: int) -> tuple[list[dict], list[dict]]:
    order = sorted(articles, key=lambda a: str(a["id"]))
    random.Random(seed).shuffle(order)
    n_dev = max(1, round(len(order) * dev_fraction))
    return order[n_dev:], order[:n_dev]


def train_model(articles: list[dict], output: Path, config: Path = CONFIG, dev_fraction: float = 0.1,
                seed: int = 0, overrides: dict | None = None) -> Path:
    """Train on `articles` and copy the best checkpoint to `output`; returns `output`."""
    nlp = spacy.blank("en")
    train_set, dev_set = split_dev(articles, dev_fraction, seed)
    with tempfile.TemporaryDirectory(prefix="presslens-framing-") as tmp:
        tmp = Path(tmp)
        write_docbin(nlp, train_set, tmp / "train.spacy")
        write_docbin(nlp, dev_set, tmp / "dev.spacy")
        settings = {"paths.train": str(tmp / "train.spacy"), "paths.dev": str(tmp / "dev.spacy"),
                    "system.seed": seed, **(overrides or {})}
        train(config, tmp / "out", overrides=settings)
        output = Path(output)
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(tmp / "out" / "model-best", output)
    meta_path = output / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["presslens_thresholds"] = tune_thresholds(TechniqueTagger.load(output), dev_set)
    meta_path.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return output


def tune_thresholds(tagger: TechniqueTagger, dev_set: list[dict]) -> dict[str, float]:
    """The ANY and technique thresholds maximising SI F1 + technique-aware F1 on `dev_set`."""
    gold = {str(a["id"]): [(s["start"], s["end"], to_2023(s["technique"])) for s in a["spans"]] for a in dev_set}
    scored = {str(a["id"]): tagger.score_clauses(a["text"]) for a in dev_set}
    best, best_value = {"any": 0.5, "technique": 0.5}, -1.0
    for any_t in GRID:
        for tech_t in GRID:
            pred = {i: [x[:3] for s, e, c in clauses for x in spans_from_cats(s, e, c, any_t, tech_t)]
                    for i, clauses in scored.items()}
            value = score(gold, pred, False)["f1"] + score(gold, pred, True)["f1"]
            if value > best_value:
                best, best_value = {"any": any_t, "technique": tech_t}, value
    return best
