"""Token features for the persuasion-technique tagger, read off an already parsed spaCy Doc.

Each token gets two hashed sparse feature sets, so the model costs no second parse:

- its own features: word, lemma, shape, affixes, POS/tag/dependency, head and children,
  the words two to either side, named-entity type, noun-chunk position, quotation marks,
  position in sentence and article, how often its lemma recurs in the article (Repetition),
  the categories of the connotative lexicon (`data/loaded_language.json`) at and near it, and
  the GloVe word clusters (`data/word_clusters.tsv.gz`) of it and its neighbours, so that words
  the training articles never showed still resemble those they did;
- its sentence's features (content lemmas, punctuation, length), computed once per sentence.

`doc_features(doc)` gives both as matrices (tokens × features, sentences × features) and each
token's sentence; `doc_matrix(doc)` the token-by-feature matrix the linear model is trained on
(each row: the token's own features plus half its sentence's).  The tagger scores the two parts
separately, so a sentence's features are scored once rather than once per token.

How it stays fast: the features are built family by family ("the word", "the head's lemma",
"the word two to the left") over whole arrays of the Doc's attribute ids (`Doc.to_array`), not
token by token; a feature's hashed column is looked up by its family and key (`FeatureColumns`),
so its name is written and hashed only the first time the process meets it.  The columns are
exactly those sklearn's `FeatureHasher` gives the names.
"""
from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable, Set as AbstractSet
from dataclasses import dataclass
from typing import NamedTuple
from functools import lru_cache
from itertools import repeat
from importlib import resources

import numpy as np
import scipy.sparse as sp
from sklearn.utils import murmurhash3_32
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_SPACE, IS_STOP, LEMMA, LOWER, ORTH, POS, SENT_START, TAG
from spacy.tokens import Doc

N_FEATURES = 2 ** 18
QUOTES = set("\"“”«»„")
SENTENCE_PUNCTUATION = "!?\"“”"  # a word whose text lies in this string is a sentence feature
CHILD_DEPS = ("amod", "compound", "advmod", "neg", "det", "poss")  # children named in the head's features
NOUN_PHRASE_POS = ("NOUN", "PROPN", "ADJ")
NOUN_CHUNK_PLACES = "OBIL"  # outside, first, inside, last
CACHE_LIMIT = 1 << 20  # entries per feature family before its table is emptied


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


def cluster_sizes() -> int:
    """How many clusterings give each word a cluster (the features of `cluster_features`)."""
    return len(next(iter(word_clusters().values()), []))


def cluster_features(word: str, lemma: str) -> list[str]:
    """The clusters of a word's form, or else of its lemma (none for words GloVe lacks)."""
    table = word_clusters()
    return table.get(word) or table.get(lemma) or []


NO_CATEGORIES: frozenset[str] = frozenset()


def lexicon_categories(doc: Doc, col: Columns | None = None) -> list[AbstractSet[str]]:
    """For each token, the lexicon categories of the entries covering it (lemma or word match);
    the many tokens with none share one empty set."""
    table = lexicon()
    col = col or Columns(doc)
    keys = list(zip(col.lemma, col.lower))
    out: list[AbstractSet[str]] = [NO_CATEGORIES] * len(keys)
    starts = [i for i, (lemma, lower) in enumerate(keys) if lemma in table or lower in table]
    for i in starts:
        lemma, lower = keys[i]
        for first in (lemma,) if lemma == lower else (lemma, lower):
            for words, category in table.get(first, ()):
                n = len(words)
                if i + n <= len(keys) and all(w in keys[i + k] for k, w in enumerate(words)):
                    for k in range(n):
                        if out[i + k] is NO_CATEGORIES:
                            out[i + k] = set()
                        out[i + k].add(category)
    return out


@lru_cache(maxsize=65536)
def _shape(text: str) -> str:
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[A-Z]", "X", re.sub(r"[a-z]", "x", re.sub(r"\d", "d", text))))[:4]


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token offsets of the Doc's sentences — `doc.sents` without building Spans."""
    if not doc.has_annotation("SENT_START"):
        return [(sent.start, sent.end) for sent in doc.sents]
    flags = doc.to_array(SENT_START).astype(np.int64)
    starts = [0] + [i for i in np.flatnonzero(flags == 1).tolist() if i > 0]
    return [(a, b) for a, b in zip(starts, starts[1:] + [len(doc)]) if a < b]


def noun_chunk_ranges(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token offsets of the Doc's noun chunks (none without a parse): the language's
    chunker read directly, without the Spans `doc.noun_chunks` builds."""
    if not doc.has_annotation("DEP"):
        return []
    if doc.noun_chunks_iterator is None:  # raises as spaCy does for a language without one
        return [(c.start, c.end) for c in doc.noun_chunks]
    return [(start, end) for start, end, _ in doc.noun_chunks_iterator(doc)]


# attribute id → its string (and lowercased), for every vocabulary: ids are string hashes
_STRINGS: dict[int, str] = {}
_LOWERED: dict[int, str] = {}


def _strings_of(values: np.ndarray, store, lowered: bool = False) -> list[str]:
    """The strings of attribute ids (lowercased if `lowered`), each distinct id looked up in the
    StringStore once per process."""
    table = _LOWERED if lowered else _STRINGS
    ids = values.tolist()
    if len(table) > CACHE_LIMIT:
        table.clear()
    for v in set(ids).difference(table):
        table[v] = store[v].lower() if lowered else store[v]
    return list(map(table.__getitem__, ids))


class Columns:
    """The token attributes the features read, taken from the Doc in one `to_array` call: the
    attribute ids as arrays (`ids`), and as strings the ones read token by token (creating
    spaCy `Token` objects is what costs)."""

    ATTRS = {"orth": ORTH, "lower": LOWER, "lemma": LEMMA, "pos": POS, "tag": TAG, "dep": DEP, "ent": ENT_TYPE}

    def __init__(self, doc: Doc):
        arr = doc.to_array([*self.ATTRS.values(), HEAD, IS_ALPHA, IS_STOP, IDX, IS_SPACE])
        self.n = len(doc)
        self.store = doc.vocab.strings
        self.ids = {name: arr[:, k] for k, name in enumerate(self.ATTRS)}
        self.text, self.lower = _strings_of(arr[:, 0], self.store), _strings_of(arr[:, 1], self.store)
        self.lemma = _strings_of(arr[:, 2], self.store, lowered=True)
        self.pos, self.dep = _strings_of(arr[:, 3], self.store), _strings_of(arr[:, 5], self.store)
        n_attrs = len(self.ATTRS)
        self.head = np.arange(self.n) + arr[:, n_attrs].astype(np.int64)  # HEAD: a signed offset
        self.content = arr[:, n_attrs + 1].astype(bool) & ~arr[:, n_attrs + 2].astype(bool)
        self.idx = arr[:, n_attrs + 3].astype(np.int64)
        self.is_space = arr[:, n_attrs + 4].astype(bool)
        self.sents = sentence_bounds(doc)
        self.noun_chunks = noun_chunk_ranges(doc)
        self.sentence = np.zeros(self.n, dtype=np.int64)  # each token's sentence, its start and end
        self.sent_start = np.zeros(self.n, dtype=np.int64)
        self.sent_end = np.zeros(self.n, dtype=np.int64)
        for k, (start, end) in enumerate(self.sents):
            self.sentence[start:end], self.sent_start[start:end], self.sent_end[start:end] = k, start, end
        self._codes: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

    def string(self, value: int) -> str:
        return self.store[value]

    def codes(self, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The distinct ids of attribute `name`, the first token of each, and each token's index
        among them (found once)."""
        if name not in self._codes:
            distinct, first, inverse = np.unique(self.ids[name], return_index=True, return_inverse=True)
            self._codes[name] = (distinct, first, inverse.reshape(-1))
        return self._codes[name]

    def where(self, name: str, test: Callable[[str], bool]) -> np.ndarray:
        """Which tokens' attribute `name` passes `test` (asked once per distinct value)."""
        distinct, _, inverse = self.codes(name)
        return np.array([test(self.string(v)) for v in distinct.tolist()], dtype=bool)[inverse]


def hashed_columns(names: list[str]) -> list[int]:
    """The columns sklearn's `FeatureHasher` (string features, no alternating sign, N_FEATURES) gives
    feature names: the absolute value of the name's signed 32-bit MurmurHash3 (seed 0, UTF-8), modulo
    N_FEATURES — the hasher's own hash, without the sparse matrix it builds around each call."""
    return [abs(murmurhash3_32(name, 0)) % N_FEATURES for name in names]


class _Family:
    """One family's key → slot table and the columns of each slot (a growing array)."""

    def __init__(self, width: int):
        self.slots: dict = {}
        self.columns = np.zeros((1024, width), dtype=np.int64)

    def add(self, keys: list, written: list[list[str | None]]) -> np.ndarray:
        """Slots for new keys with the features `written` for each (None: a feature the key lacks)."""
        hashed = iter(hashed_columns([name for row in written for name in row if name is not None]))
        columns = np.array([[-1 if name is None else next(hashed) for name in row] for row in written], dtype=np.int64)
        start = len(self.slots)
        if start + len(keys) > len(self.columns):
            grown = np.zeros((2 * (start + len(keys)), self.columns.shape[1]), dtype=np.int64)
            grown[:start] = self.columns[:start]
            self.columns = grown
        self.columns[start:start + len(keys)] = columns.reshape(len(keys), -1)
        self.slots.update(zip(keys, range(start, start + len(keys))))
        return np.arange(start, start + len(keys))


class FeatureColumns:
    """The hashed columns of the features a key decides, kept by family once computed.

    Writing and hashing feature names is what the features cost most, and nearly every key
    recurs (a word, a tag, a word pair met in an earlier sentence or article).  So each family
    ("what a word's lowercase form decides": its own word and affix features and those it gives
    its neighbours) keeps a key → columns table, and a Doc's features are gathered from it for
    all its tokens at once.  A table that outgrows CACHE_LIMIT keys is emptied (memory stays
    bounded).
    """

    def __init__(self):
        self.families: dict[str, _Family] = {}

    def _family(self, name: str, width: int) -> _Family:
        family = self.families.get(name)
        if family is None or len(family.slots) > CACHE_LIMIT:
            family = self.families[name] = _Family(width)
        return family

    def of_keys(self, name: str, keys: Keys, names: Callable[[int], list[str | None]], width: int) -> np.ndarray:
        """For each element of `keys` (see `_keys`), the columns of the `width` features of family
        `name` its key decides, −1 for one it lacks; `names(i)` writes the features of element i
        (None for one it lacks), asked only for keys not met before."""
        distinct, first, inverse = keys
        if not len(inverse):
            return np.zeros((0, width), dtype=np.int64)
        family = self._family(name, width)
        slots = np.fromiter(map(family.slots.get, distinct, repeat(-1)), dtype=np.int64, count=len(distinct))
        new = np.flatnonzero(slots < 0).tolist()
        if new:
            slots[new] = family.add([distinct[k] for k in new], [names(int(first[k])) for k in new])
        return family.columns[slots[inverse]]

    def of_names(self, names: list[str]) -> np.ndarray:
        """The columns of features given by name."""
        family = self._family("", 1)
        slots = np.fromiter(map(family.slots.get, names, repeat(-1)), dtype=np.int64, count=len(names))
        new = sorted({names[k] for k in np.flatnonzero(slots < 0).tolist()})
        if new:
            family.add(new, [[name] for name in new])
            slots = np.fromiter(map(family.slots.__getitem__, names), dtype=np.int64, count=len(names))
        return family.columns[slots, 0]


COLUMNS = FeatureColumns()


class Keys(NamedTuple):
    """The keys of some elements: the distinct keys (an int for a one-part key, else the bytes of
    its parts' ids — cheap to hash), an element having each, and each element's index among them."""
    distinct: list
    first: np.ndarray
    inverse: np.ndarray


def _keys(col: Columns, *parts: str | tuple[str, np.ndarray] | np.ndarray) -> Keys:
    """The keys of some elements: each part is an attribute of each token (`"lemma"`), of tokens
    at given positions (`("lemma", col.head)`), or small non-negative values."""
    if len(parts) == 1 and isinstance(parts[0], str):  # one attribute of every token: its codes
        distinct, first, inverse = col.codes(parts[0])
        return Keys(distinct.tolist(), first, inverse)
    ids, code, size = [], np.zeros(1, dtype=np.int64), 1
    for part in parts:
        if isinstance(part, np.ndarray):
            values, part_code, part_size = part.astype(np.uint64), part.astype(np.int64), int(part.max(initial=0)) + 1
        else:
            attr, at = (part, slice(None)) if isinstance(part, str) else part
            distinct, _, inverse = col.codes(attr)
            values, part_code, part_size = col.ids[attr][at], inverse[at], len(distinct)
        if size * part_size >= 2 ** 62:  # keep the code in int64
            code, size = (lambda u: (u[1].reshape(-1), len(u[0])))(np.unique(code, return_inverse=True))
        ids.append(values)
        code, size = code * part_size + part_code, size * part_size
    _, first, inverse = np.unique(code, return_index=True, return_inverse=True)
    if len(ids) == 1:
        return Keys(ids[0][first].tolist(), first, inverse.reshape(-1))
    rows = np.ascontiguousarray(np.stack(ids, axis=1)[first], dtype=np.uint64)
    return Keys(rows.view(np.dtype((np.void, 8 * len(ids)))).reshape(-1).tolist(), first, inverse.reshape(-1))


class _Entries:
    """The entries of a sparse count matrix: per-row blocks of columns (one feature per row and
    block column, −1 for none), and scattered (row, column) entries."""

    def __init__(self, n_rows: int):
        self.n_rows = n_rows
        self.blocks: list[np.ndarray] = []
        self.rows: list[np.ndarray] = []
        self.cols: list[np.ndarray] = []

    def block(self, *columns: np.ndarray) -> None:
        """Features of every row: each argument one column per row, or (rows × k) columns."""
        self.blocks += [c.reshape(self.n_rows, -1) for c in columns]

    def add(self, rows: np.ndarray, columns: np.ndarray) -> None:
        """One feature (or, for a (rows × k) `columns`, k features) at each of `rows`; a −1 column is none."""
        if columns.ndim == 2:
            rows = np.repeat(rows, columns.shape[1])
            columns = columns.reshape(-1)
        kept = columns >= 0
        self.rows.append(rows[kept])
        self.cols.append(columns[kept])

    def named(self, rows: list[int], names: list[str]) -> None:
        self.add(np.asarray(rows, dtype=np.int64), COLUMNS.of_names(names))

    def matrices(self) -> list[sp.csr_matrix]:
        """The block entries and the scattered entries, as two matrices whose sum is the counts
        (their columns unsorted, repeated where a feature counts twice)."""
        shape = (self.n_rows, N_FEATURES)
        out = []
        if self.blocks:
            block = np.concatenate(self.blocks, axis=1)
            kept = block >= 0
            indptr = np.concatenate([[0], np.cumsum(kept.sum(axis=1))])
            out.append(sp.csr_matrix((np.ones(int(indptr[-1])), block[kept], indptr), shape=shape))
        rows = np.concatenate(self.rows) if self.rows else np.zeros(0, dtype=np.int64)
        cols = np.concatenate(self.cols) if self.cols else np.zeros(0, dtype=np.int64)
        out.append(sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape))
        return out


def _noun_chunk_places(col: Columns) -> np.ndarray:
    """Each token's place in its noun chunk, as an index into NOUN_CHUNK_PLACES."""
    place = np.zeros(col.n, dtype=np.int64)
    for start, end in col.noun_chunks:
        place[start:end] = 2
        place[end - 1] = 3
        place[start] = 1
    return place


def _repetition(col: Columns) -> np.ndarray:
    """How often each token's lemma recurs among the article's content words, capped at 4."""
    _, first, inverse = col.codes("lemma")
    codes: dict[str, int] = {}  # lemma ids whose lowercase lemmas are equal count together
    lemma_code = np.array([codes.setdefault(col.lemma[t], len(codes)) for t in first.tolist()], dtype=np.int64)[inverse]
    counts = np.bincount(lemma_code[col.content], minlength=len(codes))
    return np.minimum(counts[lemma_code], 4)


def _valued(values: list[str]) -> np.ndarray:
    """The columns of a feature with few values (`values[k]`: the feature of value k)."""
    return COLUMNS.of_names(values)


WINDOW = (-2, -1, 1, 2)  # the neighbours whose word and POS a token's features name


def own_features(col: Columns, lex: list[AbstractSet[str]]) -> list[sp.csr_matrix]:
    """Tokens × features: the counts of each token's own features (as matrices to sum)."""
    n, ids, head = col.n, col.ids, col.head
    text, lower, lemma, pos, dep = col.text, col.lower, col.lemma, col.pos, col.dep
    every = np.arange(n)
    start, end = col.sent_start, col.sent_end
    out = _Entries(n)

    # What a token's attributes decide, for itself, for its neighbours and for its dependents.
    by_lower = COLUMNS.of_keys("lower", _keys(col, "lower"), lambda t: [
        f"w={lower[t]}", f"s3={lower[t][-3:]}", f"p3={lower[t][:3]}", *(f"w{d}={lower[t]}" for d in WINDOW)], 3 + len(WINDOW))
    by_orth = COLUMNS.of_keys("orth", _keys(col, "orth"), lambda t: [f"sh={_shape(text[t])}"], 1)
    by_lemma = COLUMNS.of_keys("lemma", _keys(col, "lemma"), lambda t: [f"l={lemma[t]}", f"hl={lemma[t]}"], 2)
    by_tags = COLUMNS.of_keys("tags", _keys(col, "pos", "tag", "dep", "ent"), lambda t: [
        f"pos={pos[t]}", f"tag={col.string(ids['tag'][t])}", f"dep={dep[t]}", f"ent={col.string(ids['ent'][t]) or '-'}",
        f"hp={pos[t]}", *(f"pos{d}={pos[t]}" for d in WINDOW)], 5 + len(WINDOW))
    out.block(by_lower[:, :3], by_orth, by_lemma[:, 0], by_tags[:, :4], by_lemma[head, 1], by_tags[head, 4])
    out.block(COLUMNS.of_keys("dep|head lemma", _keys(col, "dep", ("lemma", head)),
                              lambda t: [f"dh={dep[t]}|{lemma[head[t]]}"], 1))
    for k, d in enumerate(WINDOW):
        inside = (every + d >= start) & (every + d < end)
        neighbour = np.clip(every + d, 0, max(n - 1, 0))
        edge = _valued([f"w{d}=<edge>"])[0]
        out.block(np.where(inside, by_lower[neighbour, 3 + k], edge), np.where(inside, by_tags[neighbour, 5 + k], -1))

    # Where the token stands: noun chunk, sentence, quotation, title line, first sentence.
    places = _noun_chunk_places(col)
    out.block(_valued([f"np={p}" for p in NOUN_CHUNK_PLACES])[places])
    rel = ((every - start) / np.maximum(1, end - start) * 4).astype(np.int64)
    out.block(_valued([f"rel={k}" for k in range(4)])[rel])
    is_quote = col.where("orth", lambda t: t in QUOTES)
    quotes_so_far = np.cumsum(is_quote)
    quoted = (quotes_so_far - (quotes_so_far - is_quote)[start]) % 2 == 1  # inside quotation marks
    first_line_end = next((int(col.idx[i]) + t.find("\n") for i, t in enumerate(text) if "\n" in t), -1)
    title = np.full(n, True) if first_line_end < 0 else col.idx < first_line_end
    for name, flag in (("quote", quoted), ("title", title), ("sent0", col.sentence == 0)):
        out.block(_valued([f"{name}=False", f"{name}=True"])[flag.astype(np.int64)])
    out.block(np.full(n, _valued(["bias"])[0]))

    # Repetition of the lemma, and the dependents that qualify the token.
    repeated = _repetition(col)
    by_repetition = COLUMNS.of_keys("repetition|pos", _keys(col, repeated, "pos"),
                                    lambda t: [f"rep={repeated[t]}", f"rep={repeated[t]}|{pos[t]}"], 2)
    out.block(np.where(col.content[:, None], by_repetition, -1))
    kids = np.flatnonzero((head != every) & col.where("dep", lambda d: d in CHILD_DEPS))
    out.add(head[kids], COLUMNS.of_keys("child", _keys(col, ("dep", kids), ("lemma", kids)),
                                        lambda i: [f"c={dep[kids[i]]}|{lemma[kids[i]]}"], 1))

    # Word clusters, the token's own and its next neighbours' coarsest two; word pairs.
    sizes = cluster_sizes()

    def cluster_names(t: int) -> list[str | None]:
        own = (cluster_features(lower[t], lemma[t]) or [None] * sizes)
        return own + [f"{d}{x}" if x else None for d in (-1, 1) for x in own[:2]]
    by_word = COLUMNS.of_keys("clusters", _keys(col, "lower", "lemma"), cluster_names, sizes + 4)
    out.block(by_word[:, :sizes])
    for k, d in enumerate((-1, 1)):
        inside = ((every + d >= start) & (every + d < end))[:, None]
        out.block(np.where(inside, by_word[np.clip(every + d, 0, max(n - 1, 0)), sizes + 2 * k:sizes + 2 * k + 2], -1))
    if n > 1:
        by_pair = COLUMNS.of_keys("bigram", _keys(col, ("lower", every[:-1]), ("lower", every[1:])),
                                  lambda t: [f"bi-={lower[t]}|{lower[t + 1]}", f"bi+={lower[t]}|{lower[t + 1]}"], 2)
        out.block(np.where(every > start, by_pair[np.maximum(every - 1, 0), 0], -1),
                  np.where(every + 1 < end, by_pair[np.minimum(every, n - 2), 1], -1))
    _lexicon_features(out, col, lex, every, places)
    return out.matrices()


def _lexicon_features(out: _Entries, col: Columns, lex: list[AbstractSet[str]], every: np.ndarray, places: np.ndarray) -> None:
    """The lexicon categories at a token, at its neighbours and in its noun phrase (few tokens have
    any; `places`: each token's place in its noun chunk)."""
    rows, names = [], []
    lexed = [i for i, categories in enumerate(lex) if categories]
    sentence, pos, n = col.sentence, col.pos, col.n
    for i in lexed:
        for category in lex[i]:
            rows += [i, i]
            names += [f"lex={category}", f"lex={category}|{pos[i]}"]
        for d in WINDOW:
            t = i - d  # the token that has token i as its neighbour d
            if 0 <= t < n and sentence[t] == sentence[i]:
                for category in lex[i]:
                    rows.append(t)
                    names.append(f"lex{d}={category}")
    # A noun-phrase word names the categories of its phrase head (itself unless amod/compound)
    # and of that head's adjectives.
    amod = col.where("dep", lambda d: d == "amod")
    adjectives: dict[int, list[int]] = {}
    for k in lexed:
        if amod[k] and col.head[k] != k:
            adjectives.setdefault(int(col.head[k]), []).append(k)
    phrase_word = (places > 0) | col.where("pos", lambda p: p in NOUN_PHRASE_POS)
    phrase_head = np.where(col.where("dep", lambda d: d in ("amod", "compound")), col.head, every)
    has_lex = np.zeros(n, dtype=bool)
    has_lex[lexed] = True
    has_adjective = np.zeros(n, dtype=bool)
    has_adjective[list(adjectives)] = True
    for i in np.flatnonzero(phrase_word & (has_lex | has_adjective)[phrase_head]).tolist():
        h = int(phrase_head[i])
        for k in [h, *adjectives.get(h, ())]:
            for category in lex[k]:
                rows.append(i)
                names.append(f"npl={category}")
    out.named(rows, names)


def sentence_features(col: Columns, lex: list[AbstractSet[str]]) -> sp.csr_matrix:
    """Sentences × features: the counts of the features shared by all tokens of each sentence."""
    out = _Entries(len(col.sents))
    words = ~col.is_space
    length = np.minimum(np.bincount(col.sentence[words], minlength=len(col.sents)) // 8, 5)
    out.add(np.arange(len(col.sents)), _valued([f"S_len={k}" for k in range(6)])[length])
    seen = {(int(col.sentence[i]), c) for i, categories in enumerate(lex) if categories and words[i] for c in categories}
    out.named([s for s, _ in seen], [f"S_lex={c}" for _, c in seen])
    content = np.flatnonzero(col.content & words)
    out.add(col.sentence[content], COLUMNS.of_keys("sentence lemma", _keys(col, ("lemma", content)),
                                                   lambda i: [f"S_l={col.lemma[content[i]]}"], 1))
    punctuation = np.flatnonzero(words & col.where("orth", lambda t: t in SENTENCE_PUNCTUATION))
    out.add(col.sentence[punctuation], COLUMNS.of_keys("sentence punctuation", _keys(col, ("orth", punctuation)),
                                                       lambda i: [f"S_p={col.text[punctuation[i]]}"], 1))
    return _summed(out.matrices())


def _summed(matrices: list[sp.csr_matrix]) -> sp.csr_matrix:
    """The sum of count matrices, in canonical form (sorted columns, none repeated)."""
    total = matrices[0]
    for matrix in matrices[1:]:
        total = total + matrix
    total.sum_duplicates()
    return total


@dataclass
class DocFeatures:
    own_parts: list[sp.csr_matrix]  # tokens × features, to be summed
    shared: sp.csr_matrix  # sentences × features
    sentence: np.ndarray  # each token's sentence (row of `shared`)

    SHARED_WEIGHT = 0.5  # a sentence feature counts half in each of its tokens' rows

    def scores(self, weights: np.ndarray) -> np.ndarray:
        """Tokens × classes: the linear scores of every token's row of `doc_matrix` (no intercept)."""
        per_sentence = self.SHARED_WEIGHT * (self.shared @ weights)
        return sum(part @ weights for part in self.own_parts) + per_sentence[self.sentence]

    def matrix(self) -> sp.csr_matrix:
        """Tokens × features: each row the token's own features plus half its sentence's."""
        n = len(self.sentence)
        indicator = sp.csr_matrix((np.full(n, self.SHARED_WEIGHT), (np.arange(n), self.sentence)),
                                  shape=(n, self.shared.shape[0]))
        return (_summed(self.own_parts) + indicator @ self.shared).tocsr()


def doc_features(doc: Doc, lex: list[AbstractSet[str]] | None = None, col: Columns | None = None) -> DocFeatures:
    """The features of a non-empty Doc (`col`: its attributes, `lex`: its lexicon categories)."""
    col = col or Columns(doc)
    lex = lexicon_categories(doc, col) if lex is None else lex
    return DocFeatures(own_features(col, lex), sentence_features(col, lex), col.sentence)


def doc_matrix(doc: Doc, lex: list[AbstractSet[str]] | None = None, col: Columns | None = None) -> sp.csr_matrix:
    """Token-by-feature matrix: each row is the token's own features plus half its sentence's."""
    return doc_features(doc, lex, col).matrix()
