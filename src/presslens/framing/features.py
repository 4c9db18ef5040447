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
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction import FeatureHasher
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_SPACE, IS_STOP, LEMMA, LOWER, ORTH, POS, SENT_START, TAG
from spacy.tokens import Doc

N_FEATURES = 2 ** 18
QUOTES = set("\"“”«»„")
SENTENCE_PUNCTUATION = "!?\"“”"  # a word whose text lies in this string is a sentence feature
CHILD_DEPS = ("amod", "compound", "advmod", "neg", "det", "poss")  # children named in the head's features
NOUN_PHRASE_POS = ("NOUN", "PROPN", "ADJ")
NOUN_CHUNK_PLACES = "OBIL"  # outside, first, inside, last
CACHE_LIMIT = 1 << 20  # entries per feature family before its table is emptied
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


def cluster_sizes() -> int:
    """How many clusterings give each word a cluster (the features of `cluster_features`)."""
    return len(next(iter(word_clusters().values()), []))


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
    starts = [i for i, (lemma, lower) in enumerate(keys) if lemma in table or lower in table]
    for i in starts:
        lemma, lower = keys[i]
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


_STRINGS: dict[int, str] = {}  # attribute id → its string, for every vocabulary (ids are string hashes)


def _strings_of(values: np.ndarray, store) -> list[str]:
    """The strings of attribute ids, each distinct id looked up in the StringStore once per process."""
    ids = values.tolist()
    if len(_STRINGS) > CACHE_LIMIT:
        _STRINGS.clear()
    for v in set(ids).difference(_STRINGS):
        _STRINGS[v] = store[v]
    return list(map(_STRINGS.__getitem__, ids))


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
        self.lemma = [x.lower() for x in _strings_of(arr[:, 2], self.store)]
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

    def string(self, value: int) -> str:
        return self.store[value]

    def where(self, name: str, test: Callable[[str], bool]) -> np.ndarray:
        """Which tokens' attribute `name` passes `test` (asked once per distinct value)."""
        values = self.ids[name]
        uniq, inverse = np.unique(values, return_inverse=True)
        return np.array([test(self.string(v)) for v in uniq.tolist()], dtype=bool)[inverse]


def _hashed(names: list[str]) -> list[int]:
    """The columns sklearn's FeatureHasher gives feature names."""
    return _HASHER.transform([[name] for name in names]).indices.tolist() if names else []


def _distinct(keys: np.ndarray) -> tuple[list, list[int], np.ndarray]:
    """The distinct keys (ids, or rows of ids as tuples), the first element of each, and each
    element's distinct key."""
    if keys.ndim == 1:
        uniq, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        return uniq.tolist(), first.tolist(), inverse.reshape(-1)
    code = np.zeros(len(keys), dtype=np.int64)
    for column in keys.T:  # rows → one small code per distinct row (sorting rows of ids is slow in numpy)
        values, value_code = np.unique(column, return_inverse=True)
        code = np.unique(code * len(values) + value_code.reshape(-1), return_inverse=True)[1].reshape(-1)
    _, first, inverse = np.unique(code, return_index=True, return_inverse=True)
    return list(map(tuple, keys[first].tolist())), first.tolist(), inverse.reshape(-1)


class FeatureColumns:
    """The hashed columns of the features a key decides, kept by family once computed.

    Writing and hashing feature names is what the features cost most, and nearly every key
    recurs (a word, a tag, a word pair met in an earlier sentence or article).  So each family
    ("what a word's lowercase form decides": its own word and affix features and those it gives
    its neighbours) keeps a key → columns table, and a Doc's features are gathered from it for
    all its tokens at once.  A table that outgrows CACHE_LIMIT entries is emptied (memory stays
    bounded).
    """

    def __init__(self):
        self.tables: dict[str, dict] = {}

    def _table(self, family: str) -> dict:
        table = self.tables.setdefault(family, {})
        if len(table) > CACHE_LIMIT:
            table.clear()
        return table

    def of_keys(self, family: str, keys: np.ndarray, names: Callable[[int], list[str | None]], width: int) -> np.ndarray:
        """For each element of `keys` (an id, or a row of ids, that decides the features of
        `family`), the columns of its `width` features, −1 for one it lacks; `names(i)` writes the
        features of element i (None for one it lacks), asked only for keys not met before."""
        if not len(keys):
            return np.zeros((0, width), dtype=np.int64)
        table = self._table(family)
        uniq, first, inverse = _distinct(keys)
        new = [(key, i) for key, i in zip(uniq, first) if key not in table]
        if new:
            written = [names(i) for _, i in new]
            columns = iter(_hashed([name for row in written for name in row if name is not None]))
            for (key, _), row in zip(new, written):
                table[key] = tuple(-1 if name is None else next(columns) for name in row)
        return np.array(list(map(table.__getitem__, uniq)), dtype=np.int64).reshape(len(uniq), width)[inverse]

    def of_names(self, names: list[str]) -> np.ndarray:
        """The columns of features given by name."""
        table = self._table("")
        new = sorted(set(names).difference(table))
        if new:
            table.update(zip(new, _hashed(new)))
        return np.fromiter(map(table.__getitem__, names), dtype=np.int64, count=len(names))


COLUMNS = FeatureColumns()


class _Entries:
    """(row, column) entries of a sparse count matrix, gathered feature by feature."""

    def __init__(self, n_rows: int):
        self.n_rows = n_rows
        self.rows: list[np.ndarray] = []
        self.cols: list[np.ndarray] = []

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

    def matrix(self) -> sp.csr_matrix:
        rows, cols = np.concatenate(self.rows), np.concatenate(self.cols)
        return sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(self.n_rows, N_FEATURES))


def _pairs(*columns: np.ndarray) -> np.ndarray:
    return np.stack(columns, axis=1)


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
    codes: dict[str, int] = {}
    lemma_code = np.fromiter((codes.setdefault(x, len(codes)) for x in col.lemma), dtype=np.int64, count=col.n)
    counts = np.bincount(lemma_code[col.content], minlength=len(codes))
    return np.minimum(counts[lemma_code], 4)


def _valued(values: list[str]) -> np.ndarray:
    """The columns of a feature with few values (`values[k]`: the feature of value k)."""
    return COLUMNS.of_names(values)


WINDOW = (-2, -1, 1, 2)  # the neighbours whose word and POS a token's features name


def own_features(col: Columns, lex: list[set[str]]) -> sp.csr_matrix:
    """Tokens × features: the counts of each token's own features."""
    n, ids, head = col.n, col.ids, col.head
    text, lower, lemma, pos, dep = col.text, col.lower, col.lemma, col.pos, col.dep
    every = np.arange(n)
    start, end = col.sent_start, col.sent_end
    out = _Entries(n)

    # What a token's attributes decide, for itself, for its neighbours and for its dependents.
    by_lower = COLUMNS.of_keys("lower", ids["lower"], lambda t: [
        f"w={lower[t]}", f"s3={lower[t][-3:]}", f"p3={lower[t][:3]}", *(f"w{d}={lower[t]}" for d in WINDOW)], 3 + len(WINDOW))
    by_orth = COLUMNS.of_keys("orth", ids["orth"], lambda t: [f"sh={_shape(text[t])}"], 1)
    by_lemma = COLUMNS.of_keys("lemma", ids["lemma"], lambda t: [f"l={lemma[t]}", f"hl={lemma[t]}"], 2)
    tags = _pairs(ids["pos"], ids["tag"], ids["dep"], ids["ent"])
    by_tags = COLUMNS.of_keys("tags", tags, lambda t: [
        f"pos={pos[t]}", f"tag={col.string(tags[t, 1])}", f"dep={dep[t]}", f"ent={col.string(tags[t, 3]) or '-'}",
        f"hp={pos[t]}", *(f"pos{d}={pos[t]}" for d in WINDOW)], 5 + len(WINDOW))
    out.add(every, np.concatenate([by_lower[:, :3], by_orth, by_lemma[:, :1], by_tags[:, :4]], axis=1))
    out.add(every, by_lemma[head, 1])
    out.add(every, by_tags[head, 4])
    out.add(every, COLUMNS.of_keys("dep|head lemma", _pairs(ids["dep"], ids["lemma"][head]),
                                   lambda t: [f"dh={dep[t]}|{lemma[head[t]]}"], 1))
    for k, d in enumerate(WINDOW):
        inside = (every + d >= start) & (every + d < end)
        rows, edge = np.flatnonzero(inside), np.flatnonzero(~inside)
        out.add(rows, by_lower[rows + d, 3 + k])
        out.add(rows, by_tags[rows + d, 5 + k])
        out.add(edge, _valued([f"w{d}=<edge>"])[np.zeros(len(edge), dtype=np.int64)])

    # Where the token stands: noun chunk, sentence, quotation, title line, first sentence.
    out.add(every, _valued([f"np={p}" for p in NOUN_CHUNK_PLACES])[_noun_chunk_places(col)])
    rel = ((every - start) / np.maximum(1, end - start) * 4).astype(np.int64)
    out.add(every, _valued([f"rel={k}" for k in range(4)])[rel])
    is_quote = np.fromiter((t in QUOTES for t in text), dtype=bool, count=n)
    quotes_so_far = np.cumsum(is_quote)
    quoted = (quotes_so_far - (quotes_so_far - is_quote)[start]) % 2 == 1  # inside quotation marks
    first_line_end = next((int(col.idx[i]) + t.find("\n") for i, t in enumerate(text) if "\n" in t), -1)
    title = np.full(n, True) if first_line_end < 0 else col.idx < first_line_end
    for name, flag in (("quote", quoted), ("title", title), ("sent0", col.sentence == 0)):
        out.add(every, _valued([f"{name}=False", f"{name}=True"])[flag.astype(np.int64)])
    out.add(every, _valued(["bias"])[np.zeros(n, dtype=np.int64)])

    # Repetition of the lemma, and the dependents that qualify the token.
    repeated = _repetition(col)
    content = np.flatnonzero(col.content)
    out.add(content, COLUMNS.of_keys("repetition|pos", _pairs(repeated, ids["pos"])[content],
                                     lambda i: [f"rep={repeated[content[i]]}", f"rep={repeated[content[i]]}|{pos[content[i]]}"], 2))
    kids = np.flatnonzero((head != every) & col.where("dep", lambda d: d in CHILD_DEPS))
    out.add(head[kids], COLUMNS.of_keys("child", _pairs(ids["dep"], ids["lemma"])[kids],
                                        lambda i: [f"c={dep[kids[i]]}|{lemma[kids[i]]}"], 1))

    # Word clusters, the token's own and its next neighbours' coarsest two; word pairs.
    sizes = cluster_sizes()

    def cluster_names(t: int) -> list[str | None]:
        own = (cluster_features(lower[t], lemma[t]) or [None] * sizes)
        return own + [f"{d}{x}" if x else None for d in (-1, 1) for x in own[:2]]
    by_word = COLUMNS.of_keys("clusters", _pairs(ids["lower"], ids["lemma"]), cluster_names, sizes + 4)
    out.add(every, by_word[:, :sizes])
    for k, d in enumerate((-1, 1)):
        rows = np.flatnonzero((every + d >= start) & (every + d < end))
        out.add(rows, by_word[rows + d, sizes + 2 * k:sizes + 2 * k + 2])
    if n > 1:
        by_pair = COLUMNS.of_keys("bigram", _pairs(ids["lower"][:-1], ids["lower"][1:]),
                                  lambda t: [f"bi-={lower[t]}|{lower[t + 1]}", f"bi+={lower[t]}|{lower[t + 1]}"], 2)
        after_start, before_end = np.flatnonzero(every > start), np.flatnonzero(every + 1 < end)
        out.add(after_start, by_pair[after_start - 1, 0])
        out.add(before_end, by_pair[before_end, 1])
    _lexicon_features(out, col, lex, every)
    return out.matrix()


def _lexicon_features(out: _Entries, col: Columns, lex: list[set[str]], every: np.ndarray) -> None:
    """The lexicon categories at a token, at its neighbours and in its noun phrase (few tokens have any)."""
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
    phrase_word = (_noun_chunk_places(col) > 0) | col.where("pos", lambda p: p in NOUN_PHRASE_POS)
    phrase_head = np.where(col.where("dep", lambda d: d in ("amod", "compound")), col.head, every)
    has_lex = np.fromiter((bool(c) for c in lex), dtype=bool, count=n)
    has_adjective = np.zeros(n, dtype=bool)
    has_adjective[list(adjectives)] = True
    for i in np.flatnonzero(phrase_word & (has_lex | has_adjective)[phrase_head]).tolist():
        h = int(phrase_head[i])
        for k in [h, *adjectives.get(h, ())]:
            for category in lex[k]:
                rows.append(i)
                names.append(f"npl={category}")
    out.named(rows, names)


def sentence_features(col: Columns, lex: list[set[str]]) -> sp.csr_matrix:
    """Sentences × features: the counts of the features shared by all tokens of each sentence."""
    out = _Entries(len(col.sents))
    words = ~col.is_space
    length = np.minimum(np.bincount(col.sentence[words], minlength=len(col.sents)) // 8, 5)
    out.add(np.arange(len(col.sents)), _valued([f"S_len={k}" for k in range(6)])[length])
    seen = {(int(col.sentence[i]), c) for i in np.flatnonzero(words).tolist() for c in lex[i]}
    out.named([s for s, _ in seen], [f"S_lex={c}" for _, c in seen])
    content = np.flatnonzero(col.content & words)
    out.add(col.sentence[content], COLUMNS.of_keys("sentence lemma", col.ids["lemma"][content],
                                                   lambda i: [f"S_l={col.lemma[content[i]]}"], 1))
    punctuation = np.flatnonzero(words & col.where("orth", lambda t: t in SENTENCE_PUNCTUATION))
    out.add(col.sentence[punctuation], COLUMNS.of_keys("sentence punctuation", col.ids["orth"][punctuation],
                                                       lambda i: [f"S_p={col.text[punctuation[i]]}"], 1))
    return out.matrix()


@dataclass
class DocFeatures:
    own: sp.csr_matrix  # tokens × features
    shared: sp.csr_matrix  # sentences × features
    sentence: np.ndarray  # each token's sentence (row of `shared`)

    SHARED_WEIGHT = 0.5  # a sentence feature counts half in each of its tokens' rows


def doc_features(doc: Doc, lex: list[set[str]] | None = None, col: Columns | None = None) -> DocFeatures:
    """The features of a non-empty Doc (`col`: its attributes, `lex`: its lexicon categories)."""
    col = col or Columns(doc)
    lex = lexicon_categories(doc, col) if lex is None else lex
    return DocFeatures(own_features(col, lex), sentence_features(col, lex), col.sentence)


def doc_matrix(doc: Doc, lex: list[set[str]] | None = None, col: Columns | None = None) -> sp.csr_matrix:
    """Token-by-feature matrix: each row is the token's own features plus half its sentence's."""
    features = doc_features(doc, lex, col)
    n = len(features.sentence)
    indicator = sp.csr_matrix((np.full(n, DocFeatures.SHARED_WEIGHT), (np.arange(n), features.sentence)),
                              shape=(n, features.shared.shape[0]))
    return (features.own + indicator @ features.shared).tocsr()
