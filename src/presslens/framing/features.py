"""Token features for the persuasion-technique tagger, read off an already parsed spaCy Doc.

Each token gets two hashed sparse feature sets, so the model costs no second parse:

- its own features: word, lemma, shape, affixes, POS/tag/dependency, head and children,
  the words two to either side, named-entity type, noun-chunk position, quotation marks,
  position in sentence and article, how often its lemma recurs in the article (Repetition),
  and the categories of the connotative lexicon (`data/loaded_language.json`) at and near it;
- its sentence's features (content lemmas, punctuation, length), computed once per sentence
  and added to every token of that sentence through an indicator matrix.

`doc_matrix(doc)` returns the token-by-feature matrix the linear model scores.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction import FeatureHasher
from spacy.tokens import Doc

N_FEATURES = 2 ** 18
QUOTES = set("\"“”«»„")
_HASHER = FeatureHasher(n_features=N_FEATURES, input_type="string", alternate_sign=False)


@lru_cache(maxsize=1)
def _lexicon_file() -> dict:
    return json.loads(resources.files("presslens").joinpath("data/loaded_language.json").read_text(encoding="utf-8"))


def lexicon_span_techniques() -> dict[str, str]:
    """Lexicon category → the technique its words mark directly (see `tagger.lexicon_spans`)."""
    return _lexicon_file()["spans"]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word → [(entry words, category)], longest entries first."""
    raw = _lexicon_file()
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for category, entries in raw["categories"].items():
        for entry in entries:
            words = tuple(w for w in re.split(r"\s+|(?=-)|(?<=-)", entry.lower()) if w)
            table.setdefault(words[0], []).append((words, category))
    for rows in table.values():
        rows.sort(key=lambda r: -len(r[0]))
    return table


def lexicon_categories(doc: Doc) -> list[set[str]]:
    """For each token, the lexicon categories of the entries covering it (lemma or word match)."""
    table = lexicon()
    keys = [(t.lemma_.lower(), t.lower_) for t in doc]
    out: list[set[str]] = [set() for _ in doc]
    for i, (lemma, lower) in enumerate(keys):
        for first in {lemma, lower}:
            for words, category in table.get(first, ()):
                n = len(words)
                if i + n <= len(keys) and all(w in keys[i + k] for k, w in enumerate(words)):
                    for k in range(n):
                        out[i + k].add(category)
    return out


@lru_cache(maxsize=65536)
def _shape(text: str) -> str:
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[A-Z]", "X", re.sub(r"[a-z]", "x", re.sub(r"\d", "d", text))))[:4]


def token_features(doc: Doc, lex: list[set[str]], sents: list) -> list[list[str]]:
    """The own features of every token of `doc` (`lex`: its lexicon categories, `sents`: its sentences)."""
    lowers = [t.lower_ for t in doc]
    poses = [t.pos_ for t in doc]
    counts = Counter(t.lemma_.lower() for t in doc if t.is_alpha and not t.is_stop)
    chunk_pos: dict[int, str] = {}
    if doc.has_annotation("DEP"):
        for chunk in doc.noun_chunks:
            for t in chunk:
                chunk_pos[t.i] = "B" if t.i == chunk.start else ("L" if t.i == chunk.end - 1 else "I")
    feats: list[list[str]] = []
    sent_of: dict[int, tuple[int, int, int, bool]] = {}
    for s_index, sent in enumerate(sents):
        inside = False
        for t in sent:
            if t.text in QUOTES:
                inside = not inside
            sent_of[t.i] = (s_index, sent.start, sent.end, inside)
    first_line_end = doc.text.find("\n")
    for t in doc:
        lower, lemma = t.lower_, t.lemma_.lower()
        s_index, s_start, s_end, quoted = sent_of[t.i]
        rel = (t.i - s_start) / max(1, s_end - s_start)
        f = [
            "bias", f"w={lower}", f"l={lemma}", f"sh={_shape(t.text)}", f"s3={lower[-3:]}", f"p3={lower[:3]}",
            f"pos={t.pos_}", f"tag={t.tag_}", f"dep={t.dep_}", f"hl={t.head.lemma_.lower()}",
            f"dh={t.dep_}|{t.head.lemma_.lower()}", f"hp={t.head.pos_}", f"ent={t.ent_type_ or '-'}",
            f"np={chunk_pos.get(t.i, 'O')}", f"rel={int(rel * 4)}", f"quote={quoted}",
            f"title={first_line_end < 0 or t.idx < first_line_end}", f"sent0={s_index == 0}",
        ]
        if t.is_alpha and not t.is_stop:
            f.append(f"rep={min(counts[lemma], 4)}")
            f.append(f"rep={min(counts[lemma], 4)}|{t.pos_}")
        for child in t.children:
            if child.dep_ in ("amod", "compound", "advmod", "neg", "det", "poss"):
                f.append(f"c={child.dep_}|{child.lemma_.lower()}")
        for category in lex[t.i]:
            f += [f"lex={category}", f"lex={category}|{t.pos_}"]
        if t.i > s_start:
            f.append(f"bi-={lowers[t.i - 1]}|{lower}")
        if t.i + 1 < s_end:
            f.append(f"bi+={lower}|{lowers[t.i + 1]}")
        for d in (-2, -1, 1, 2):
            j = t.i + d
            if s_start <= j < s_end:
                f += [f"w{d}={lowers[j]}", f"pos{d}={poses[j]}"]
                f += [f"lex{d}={c}" for c in lex[j]]
            else:
                f.append(f"w{d}=<edge>")
        if t.i in chunk_pos or t.pos_ in ("NOUN", "PROPN", "ADJ"):
            head = t.head if t.dep_ in ("amod", "compound") else t
            f += [f"npl={c}" for c in lex[head.i]] + [f"npl={c}" for k in head.children if k.dep_ == "amod" for c in lex[k.i]]
        feats.append(f)
    return feats


def sentence_features(lex: list[set[str]], sents: list) -> list[list[str]]:
    """The features shared by all tokens of each sentence."""
    out = []
    for sent in sents:
        words = [t for t in sent if not t.is_space]
        f = [f"S_len={min(len(words) // 8, 5)}"]
        f += sorted({f"S_lex={c}" for t in words for c in lex[t.i]})
        f += [f"S_l={t.lemma_.lower()}" for t in words if t.is_alpha and not t.is_stop]
        f += [f"S_p={t.text}" for t in words if t.text in "!?\"“”"]
        out.append(f)
    return out


def doc_matrix(doc: Doc, lex: list[set[str]] | None = None) -> sp.csr_matrix:
    """Token-by-feature matrix: each row is the token's own features plus its sentence's."""
    lex = lexicon_categories(doc) if lex is None else lex
    sents = list(doc.sents)
    own = _HASHER.transform(token_features(doc, lex, sents))
    shared = _HASHER.transform(sentence_features(lex, sents)).tocsr()
    rows = np.arange(len(doc))
    cols = np.empty(len(doc), dtype=np.int64)
    for k, s in enumerate(sents):
        cols[s.start:s.end] = k
    indicator = sp.csr_matrix((np.full(len(doc), 0.5), (rows, cols)), shape=(len(doc), len(sents)))
    return (own + indicator @ shared).tocsr()
