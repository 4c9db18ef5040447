"""The learned persuasion-technique tagger: a linear token classifier over the features of
`features.doc_features`, decoded into (start, end, technique, confidence) spans.

Each token gets a probability per technique and for `O` (outside any technique).  A span
starts at a token whose in-technique probability (1 − P(O)) reaches the `start` threshold and
grows to both sides, within the sentence, while neighbours reach the lower `extend`
threshold.  The span's technique is the one with the highest summed probability over its
tokens; a span of a sentence-level technique (one whose training spans are mostly long, such
as Doubt or Causal_Oversimplification) then covers its whole sentence.  Punctuation at the
edges is trimmed; confidence is the mean in-technique probability of the grown run.  Both thresholds are tuned on held-out articles at training time and stored in
the model's `meta.json`; the weights are in `weights.npz`.

A second, lexicon layer (`lexicon_spans`) adds the noun phrase of a strongly connotative
lexicon word (`data/loaded_language.json`, categories listed under `spans`) where the model
gives the phrase at least the `lexicon_gate` probability but flagged nothing there.
"""
from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Set as AbstractSet
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, IDX, LENGTH, POS
from spacy.strings import get_string_id
from spacy.symbols import ADJ, NOUN, PROPN, VERB
from spacy.tokens import Doc

from .corpus import OUTSIDE
from .features import Columns, doc_features, lexicon_categories, lexicon_span_techniques, noun_chunk_ranges

MODEL_DIR = "models/framing"


def default_model_path() -> Path:
    return Path(str(resources.files("presslens").joinpath(MODEL_DIR)))


def decode(doc: Doc, probs: np.ndarray, classes: list[str], start: float, extend: float,
           sentence_level: frozenset[str] = frozenset()) -> list[tuple[int, int, str, float]]:
    """Spans from per-token class probabilities (rows: tokens, columns: `classes`)."""
    outside = classes.index(OUTSIDE)
    p_in = 1.0 - probs[:, outside]
    out = []
    n, i = len(doc), 0
    while i < n:
        tok = doc[i]
        if p_in[i] < start or tok.is_punct or tok.is_space:
            i += 1
            continue
        a, b = i, i + 1
        while a > 0 and p_in[a - 1] >= extend and not doc[a].is_sent_start:
            a -= 1
        while b < n and p_in[b] >= extend and not doc[b].is_sent_start:
            b += 1
        totals = probs[a:b].sum(axis=0)
        totals[outside] = -1.0
        technique = classes[int(totals.argmax())]
        confidence = round(float(p_in[a:b].mean()), 3)
        if technique in sentence_level:
            sent = tok.sent
            a, b = sent.start, sent.end
        while a < b - 1 and (doc[a].is_punct or doc[a].is_space):
            a += 1
        while b > a + 1 and (doc[b - 1].is_punct or doc[b - 1].is_space):
            b -= 1
        out.append((doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), technique, confidence))
        i = max(b, i + 1)
    return out


SPAN_POS = np.array([NOUN, ADJ, VERB, PROPN], dtype=np.uint64)  # the words the lexicon layer marks


def lexicon_spans(doc: Doc, lex: list[AbstractSet[str]], p_in: np.ndarray, gate: float,
                  noun_chunks: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str, float]]:
    """Noun phrases (without a leading determiner) or single words marked by the lexicon layer
    (`lex`: each token's lexicon categories; `noun_chunks`: token ranges, by default the Doc's)."""
    techniques = lexicon_span_techniques()
    lexed = [i for i, categories in enumerate(lex) if categories]
    if not lexed:
        return []
    if noun_chunks is None:
        noun_chunks = noun_chunk_ranges(doc)
    chunk_starts = [a for a, _ in noun_chunks]  # the chunks are in order and never overlap
    pos, dep, idx, length = doc.to_array([POS, DEP, IDX, LENGTH]).T
    det = get_string_id("det")
    marks = np.isin(pos, SPAN_POS)
    out = []
    for i in lexed:
        marked = sorted(c for c in lex[i] if c in techniques)
        if not marked or not marks[i]:
            continue
        k = bisect_right(chunk_starts, i) - 1
        a, b = noun_chunks[k] if k >= 0 and noun_chunks[k][1] > i else (i, i + 1)
        while a < b - 1 and dep[a] == det:
            a += 1
        best = float(p_in[a:b].max())
        if best >= gate:
            technique = techniques["label"] if "label" in marked else techniques[marked[0]]
            out.append((int(idx[a]), int(idx[b - 1] + length[b - 1]), technique, round(best, 3)))
    return out


class TechniqueTagger:
    def __init__(self, coef: np.ndarray, intercept: np.ndarray, classes: list[str], thresholds: dict[str, float],
                 sentence_level: list[str]):
        # features × classes: float32 values (the model's precision), held as float64, the type of
        # the feature counts, so that no product converts all 2^18 rows again
        self.weights = np.ascontiguousarray(coef.T, dtype=np.float32).astype(np.float64)
        self.intercept = intercept.astype(np.float32)
        self.classes = list(classes)
        self.thresholds = thresholds
        self.sentence_level = frozenset(sentence_level)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "TechniqueTagger":
        path = Path(path or default_model_path())
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        with np.load(path / "weights.npz") as w:
            return cls(w["coef"], w["intercept"], meta["classes"], meta["thresholds"], meta["sentence_level"])

    def save(self, path: str | Path, meta: dict) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path / "weights.npz", coef=self.weights.T.astype(np.float16), intercept=self.intercept)
        meta = {**meta, "classes": self.classes, "thresholds": self.thresholds,
                "sentence_level": sorted(self.sentence_level)}
        (path / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")

    def token_probs(self, doc: Doc, lex: list[AbstractSet[str]] | None = None, col: Columns | None = None) -> np.ndarray:
        """Per-token class probabilities (one-vs-rest logistic scores, normalised per token)."""
        if not len(doc):
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        scores = doc_features(doc, lex, col).scores(self.weights) + self.intercept
        probs = 1.0 / (1.0 + np.exp(-np.clip(scores, -30, 30)))
        return probs / probs.sum(axis=1, keepdims=True)

    def predict(self, doc: Doc) -> list[tuple[int, int, str, float]]:
        col = Columns(doc)
        lex = lexicon_categories(doc, col)
        probs = self.token_probs(doc, lex, col)
        found = decode(doc, probs, self.classes, self.thresholds["start"], self.thresholds["extend"],
                       self.sentence_level)
        p_in = 1.0 - probs[:, self.classes.index(OUTSIDE)]
        for span in lexicon_spans(doc, lex, p_in, self.thresholds["lexicon_gate"], col.noun_chunks):
            if not any(s < span[1] and span[0] < e for s, e, *_ in found):
                found.append(span)
        return sorted(found)


@lru_cache(maxsize=2)
def shipped_tagger(path: str | None = None) -> TechniqueTagger:
    """The tagger, loaded once per process."""
    return TechniqueTagger.load(path)
