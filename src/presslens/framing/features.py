"""Token features for the persuasion-technique tagger, read off an already parsed spaCy Doc.

Each token gets two hashed sparse feature sets, so the model costs no second parse:

- its own features: word, lemma, shape, affixes, POS/tag/dependency, head and children,
  the words two to either side, named-entity type, noun-chunk position, quotation marks,
  position in sentence and article, how often its lemma recurs in the article (Repetition),
  the categories of the connotative lexicon (`data/loaded_language.json`) at and near it, and
  the GloVe word clusters (`data/word_clusters.tsv.gz`) of it and its neighbours, so that words
  the training articles never showed still resemble those they did;
- its sentence's features (content lemmas, punctuation, length), computed once per sentence
  and added to every token of that sentence through an indicator matrix.

`doc_matrix(doc)` returns the token-by-feature matrix the linear model scores.
"""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction import FeatureHasher
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_SPACE, IS_STOP, LEMMA, LOWER, ORTH, POS, SENT_START, TAG
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


@lru_cache(maxsize=1)
def word_clusters() -> dict[str, list[str]]:
    """Word → its features `k<size>=<cluster>`, coarse to fine, from `data/word_clusters.tsv.gz`
    (GloVe k-means clusters, built by scripts/build_word_clusters.py)."""
    raw = gzip.decompress(resources.files("presslens").joinpath("data/word_clusters.tsv.gz").read_bytes())
    lines = raw.decode("utf-8").splitlines()
    sizes = lines[0].lstrip("# ").split("\t")[1:]
    table = {}
    for line in lines[1:]:
        word, *ids = line.split("\t")
        table[word] = [f"{size}={i}" for size, i in zip(sizes, ids)]
    return table


def cluster_features(word: str, lemma: str) -> list[str]:
    """The clusters of a word's form, or else of its lemma (none for words GloVe lacks)."""
    table = word_clusters()
    return table.get(word) or table.get(lemma) or []


def lexicon_categories(doc: Doc, col: Columns | None = None) -> list[set[str]]:
    """For each token, the lexicon categories of the entries covering it (lemma or word match)."""
    table = lexicon()
    col = col or Columns(doc)
    keys = list(zip(col.lemma, col.lower))
    out: list[set[str]] = [set() for _ in keys]
    for i, (lemma, lower) in enumerate(keys):
        for first in (lemma,) if lemma == lower else (lemma, lower):
            for words, category in table.get(first, ()):
                n = len(words)
                if i + n <= len(keys) and all(w in keys[i + k] for k, w in enumerate(words)):
                    for k in range(n):
                        out[i + k].add(category)
    return out


@lru_cache(maxsize=65536)
def _shape(text: str) -> str:
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[A-Z]", "X", re.sub(r"[a-z]", "x", re.sub(r"\d", "d", text))))[:4]


@lru_cache(maxsize=65536)
def _word_features(text: str, lower: str, lemma: str, pos: str, tag: str, dep: str, ent: str) -> tuple[str, ...]:
    """The features a token has by its own attributes alone (cached: most tokens repeat a word seen before)."""
    return ("bias", f"w={lower}", f"l={lemma}", f"sh={_shape(text)}", f"s3={lower[-3:]}", f"p3={lower[:3]}",
            f"pos={pos}", f"tag={tag}", f"dep={dep}", f"ent={ent or '-'}")


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token offsets of the Doc's sentences — `doc.sents` without building Spans."""
    if not doc.has_annotation("SENT_START"):
        return [(sent.start, sent.end) for sent in doc.sents]
    flags = doc.to_array(SENT_START).astype(np.int64)
    starts = [0] + [i for i in np.flatnonzero(flags == 1).tolist() if i > 0]
    return [(a, b) for a, b in zip(starts, starts[1:] + [len(doc)]) if a < b]


def noun_chunk_ranges(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token offsets of the Doc's noun chunks (none without a parse)."""
    return [(c.start, c.end) for c in doc.noun_chunks] if doc.has_annotation("DEP") else []


class Columns:
    """The token attributes the features read, taken from the Doc in one `to_array` call and
    turned into strings once per distinct value (creating spaCy `Token` objects is what costs)."""

    def __init__(self, doc: Doc):
        arr = doc.to_array([ORTH, LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, IS_ALPHA, IS_STOP, IDX, IS_SPACE])
        strings, cache = doc.vocab.strings, {}

        def text(values) -> list[str]:
            out = []
            for v in values.tolist():
                if v not in cache:
                    cache[v] = strings[v]
                out.append(cache[v])
            return out

        self.text, self.lower = text(arr[:, 0]), text(arr[:, 1])
        self.lemma = [x.lower() for x in text(arr[:, 2])]
        self.pos, self.tag, self.dep, self.ent = text(arr[:, 3]), text(arr[:, 4]), text(arr[:, 5]), text(arr[:, 7])
        self.head = (np.arange(len(doc)) + arr[:, 6].astype(np.int64)).tolist()  # HEAD: a signed offset
        self.idx = arr[:, 10].tolist()
        self.is_space = arr[:, 11].astype(bool).tolist()
        self.sents = sentence_bounds(doc)
        self.noun_chunks = noun_chunk_ranges(doc)
        self.content = (arr[:, 8].astype(bool) & ~arr[:, 9].astype(bool)).tolist()
        self.children: list[list[int]] = [[] for _ in range(len(doc))]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)


def noun_chunk_positions(col: Columns) -> dict[int, str]:
    """B/I/L: a token's place in its noun chunk (first, inside, last)."""
    chunk_pos: dict[int, str] = {}
    for start, end in col.noun_chunks:
        for i in range(start, end):
            chunk_pos[i] = "B" if i == start else ("L" if i == end - 1 else "I")
    return chunk_pos


def token_features(doc: Doc, col: Columns, lex: list[set[str]]) -> list[list[str]]:
    """The own features of every token of `doc` (`col`: its attributes, `lex`: its lexicon categories)."""
    lowers, poses, lemmas, deps, heads = col.lower, col.pos, col.lemma, col.dep, col.head
    counts = Counter(lemmas[i] for i in range(len(doc)) if col.content[i])
    chunk_pos = noun_chunk_positions(col)
    clusters = [cluster_features(lowers[i], lemmas[i]) for i in range(len(doc))]
    feats: list[list[str]] = []
    sent_of: list[tuple[int, int, int, bool]] = [(0, 0, 0, False)] * len(doc)
    for s_index, (start, end) in enumerate(col.sents):
        inside = False
        for i in range(start, end):
            if col.text[i] in QUOTES:
                inside = not inside
            sent_of[i] = (s_index, start, end, inside)
    first_line_end = next((col.idx[i] + t.find("\n") for i, t in enumerate(col.text) if "\n" in t), -1)
    for i in range(len(doc)):
        lower, lemma, pos, dep, head = lowers[i], lemmas[i], poses[i], deps[i], heads[i]
        s_index, s_start, s_end, quoted = sent_of[i]
        rel = (i - s_start) / max(1, s_end - s_start)
        f = [
            *_word_features(col.text[i], lower, lemma, pos, col.tag[i], dep, col.ent[i]), f"hl={lemmas[head]}",
            f"dh={dep}|{lemmas[head]}", f"hp={poses[head]}",
            f"np={chunk_pos.get(i, 'O')}", f"rel={int(rel * 4)}", f"quote={quoted}",
            f"title={first_line_end < 0 or col.idx[i] < first_line_end}", f"sent0={s_index == 0}",
        ]
        if col.content[i]:
            f.append(f"rep={min(counts[lemma], 4)}")
            f.append(f"rep={min(counts[lemma], 4)}|{pos}")
        for c in col.children[i]:
            if deps[c] in ("amod", "compound", "advmod", "neg", "det", "poss"):
                f.append(f"c={deps[c]}|{lemmas[c]}")
        for category in lex[i]:
            f += [f"lex={category}", f"lex={category}|{pos}"]
        f += clusters[i]
        if i > s_start:
            f.append(f"bi-={lowers[i - 1]}|{lower}")
        if i + 1 < s_end:
            f.append(f"bi+={lower}|{lowers[i + 1]}")
        for d in (-2, -1, 1, 2):
            j = i + d
            if s_start <= j < s_end:
                f += [f"w{d}={lowers[j]}", f"pos{d}={poses[j]}"]
                f += [f"lex{d}={c}" for c in lex[j]]
                if abs(d) == 1:
                    f += [f"{d}{x}" for x in clusters[j][:2]]
            else:
                f.append(f"w{d}=<edge>")
        if i in chunk_pos or pos in ("NOUN", "PROPN", "ADJ"):
            h = head if dep in ("amod", "compound") else i
            f += [f"npl={c}" for c in lex[h]] + [f"npl={c}" for k in col.children[h] if deps[k] == "amod" for c in lex[k]]
        feats.append(f)
    return feats


def sentence_features(col: Columns, lex: list[set[str]]) -> list[list[str]]:
    """The features shared by all tokens of each sentence."""
    out = []
    for start, end in col.sents:
        words = [i for i in range(start, end) if not col.is_space[i]]
        f = [f"S_len={min(len(words) // 8, 5)}"]
        f += sorted({f"S_lex={c}" for i in words for c in lex[i]})
        f += [f"S_l={col.lemma[i]}" for i in words if col.content[i]]
        f += [f"S_p={col.text[i]}" for i in words if col.text[i] in "!?\"“”"]
        out.append(f)
    return out


def doc_matrix(doc: Doc, lex: list[set[str]] | None = None, col: Columns | None = None) -> sp.csr_matrix:
    """Token-by-feature matrix: each row is the token's own features plus its sentence's."""
    col = col or Columns(doc)
    lex = lexicon_categories(doc, col) if lex is None else lex
    own = _HASHER.transform(token_features(doc, col, lex))
    shared = _HASHER.transform(sentence_features(col, lex)).tocsr()
    rows = np.arange(len(doc))
    cols = np.empty(len(doc), dtype=np.int64)
    for k, (start, end) in enumerate(col.sents):
        cols[start:end] = k
    indicator = sp.csr_matrix((np.full(len(doc), 0.5), (rows, cols)), shape=(len(doc), len(col.sents)))
    return (own + indicator @ shared).tocsr()
