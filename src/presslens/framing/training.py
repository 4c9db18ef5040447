"""Train the persuasion-technique tagger from PTC-style articles (`configs/framing.toml`).

Used by `scripts/train_framing.py` (the shipped model) and by `presslens eval framing --folds`
(cross-validation, one model per fold).  A share of the training articles is held out from
fitting to pick the decoding thresholds (`tune_thresholds`).
Only hashed feature weights are stored: no corpus text goes into the model.
"""
from __future__ import annotations

import random
import tomllib
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import SGDClassifier
from spacy.tokens import Doc

from ..evaluation.framing import score
from .corpus import token_labels
from .features import N_FEATURES, doc_matrix
from .tagger import TechniqueTagger, decode
from .techniques import to_2023

CONFIG = Path(__file__).resolve().parents[3] / "configs" / "framing.toml"


def load_config(path: Path = CONFIG) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


class Example:
    """One parsed training article: its Doc, feature matrix and token labels."""

    def __init__(self, article: dict, doc: Doc):
        self.id = str(article["id"])
        self.doc = doc
        self.matrix = doc_matrix(doc)
        self.labels = token_labels(doc, article)
        self.gold = [(s["start"], s["end"], to_2023(s["technique"])) for s in article.get("spans", [])]


def sentence_level_techniques(examples: list[Example], min_words: int) -> list[str]:
    """Techniques whose median gold span has at least `min_words` words."""
    lengths: dict[str, list[int]] = {}
    for e in examples:
        for start, end, technique in e.gold:
            lengths.setdefault(technique, []).append(len(e.doc.text[start:end].split()))
    return sorted(t for t, n in lengths.items() if float(np.median(n)) >= min_words)


def fit(examples: list[Example], config: dict) -> TechniqueTagger:
    """Fit the token classifier (thresholds left at the middle of their grids)."""
    m = config["model"]
    clf = SGDClassifier(loss="log_loss", alpha=m["alpha"], max_iter=m["epochs"], tol=None,
                        random_state=m["seed"], n_jobs=2)
    clf.fit(sp.vstack([e.matrix for e in examples]), np.concatenate([e.labels for e in examples]))
    assert clf.coef_.shape[1] == N_FEATURES
    grid = config["thresholds"]
    middle = {"start": grid["start"][len(grid["start"]) // 2], "extend": grid["extend"][len(grid["extend"]) // 2],
              "lexicon_gate": grid["lexicon_gate"]}
    return TechniqueTagger(clf.coef_, clf.intercept_, list(clf.classes_), middle,
                           sentence_level_techniques(examples, m["sentence_level_min_words"]))


def tune_thresholds(tagger: TechniqueTagger, dev: list[Example], config: dict) -> dict[str, float]:
    """The start/extend thresholds maximising SI F1 + technique-aware F1 on `dev` (the lexicon
    gate stays as configured)."""
    gold = {e.id: e.gold for e in dev}
    probs = {e.id: tagger.token_probs(e.doc) for e in dev}
    best, best_value = tagger.thresholds, -1.0
    for start in config["thresholds"]["start"]:
        for extend in config["thresholds"]["extend"]:
            if extend > start:
                continue
            pred = {e.id: [x[:3] for x in decode(e.doc, probs[e.id], tagger.classes, start, extend, tagger.sentence_level)]
                    for e in dev}
            value = score(gold, pred, False)["f1"] + score(gold, pred, True)["f1"]
            if value > best_value:
                best, best_value = {**tagger.thresholds, "start": start, "extend": extend}, value
    return best


def train_model(examples: list[Example], config: dict | None = None) -> TechniqueTagger:
    """Fit on all but a held-out share of `examples`, and tune the thresholds on that share."""
    config = config or load_config()
    order = sorted(examples, key=lambda e: e.id)
    random.Random(config["model"]["seed"]).shuffle(order)
    n_dev = max(1, round(len(order) * config["thresholds"]["dev_fraction"]))
    tagger = fit(order[n_dev:], config)
    tagger.thresholds = tune_thresholds(tagger, order[:n_dev], config)
    return tagger
