"""The learned persuasion-technique tagger: loads the shipped spaCy clause classifier and
predicts (start, end, technique, confidence) spans over an article.

Each clause (see `corpus.clauses`) is scored; a clause whose ANY probability reaches the
model's threshold becomes a span labelled with its most probable technique, plus any other
technique whose own probability reaches the threshold.  Confidence is that probability.
Thresholds are tuned on held-out articles at training time and stored in the model's meta.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from .corpus import ANY, clauses

MODEL_DIR = "models/framing"
DEFAULT_THRESHOLDS = {"any": 0.5, "technique": 0.5}


def default_model_path() -> Path:
    return Path(str(resources.files("presslens").joinpath(MODEL_DIR)))


def spans_from_cats(start: int, end: int, cats: dict[str, float], any_threshold: float,
                    technique_threshold: float) -> list[tuple[int, int, str, float]]:
    """The technique spans one scored clause yields (none when ANY is below its threshold)."""
    if cats.get(ANY, 0.0) < any_threshold:
        return []
    ranked = sorted(((p, label) for label, p in cats.items() if label != ANY), reverse=True)
    chosen = [ranked[0]] + [(p, label) for p, label in ranked[1:] if p >= technique_threshold]
    return [(start, end, label, round(min(p, cats[ANY]), 3)) for p, label in chosen]


class TechniqueTagger:
    def __init__(self, nlp: Language):
        self.nlp = nlp
        self.thresholds = {**DEFAULT_THRESHOLDS, **(nlp.meta.get("presslens_thresholds") or {})}

    @classmethod
    def load(cls, path: str | Path | None = None) -> "TechniqueTagger":
        return cls(spacy.load(path or default_model_path()))

    def score_clauses(self, text: str) -> list[tuple[int, int, dict[str, float]]]:
        bounds = list(clauses(text))
        docs = self.nlp.pipe(text[s:e] for s, e in bounds)
        return [(s, e, doc.cats) for (s, e), doc in zip(bounds, docs)]

    def predict(self, text: str) -> list[tuple[int, int, str, float]]:
        out = []
        for start, end, cats in self.score_clauses(text):
            out += spans_from_cats(start, end, cats, self.thresholds["any"], self.thresholds["technique"])
        return out


@lru_cache(maxsize=2)
def shipped_tagger(path: str | None = None) -> TechniqueTagger:
    """The tagger, loaded once per process."""
    return TechniqueTagger.load(path)
