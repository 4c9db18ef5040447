"""Train the persuasion-technique span tagger from PTC-style articles with `spacy train`.

Used by `scripts/train_framing.py` (the shipped model) and by `presslens eval framing --folds`
(cross-validation, one model per fold).  A fixed share of the training articles is held out as
the dev set that picks the best checkpoint.
"""
from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

import spacy
from spacy.cli.train import train

from .corpus import write_docbin

CONFIG = Path(__file__).resolve().parents[3] / "configs" / "framing_ner.cfg"


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
    return output
