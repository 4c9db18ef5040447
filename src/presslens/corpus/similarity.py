"""Text comparison without a model: normalised quotations, word shingles and MinHash, numbers.

* `normal_text` — what two copies of one quotation share after typography is set aside:
  curly and straight quotes, dashes, ellipses, case, spacing, punctuation.
* `MinHash` — signatures over word 3-shingles; `bands()` gives the LSH keys (16 bands of 4
  rows: two texts with shingle Jaccard 0.5 share a band with probability 0.64, at 0.7 with 0.99)
  so candidates are found by key lookup, never by comparing every pair.
* `numbers` — the quantities a sentence gives ("134 drones", "killing five") as (value, unit).
* `names_swapped` — whether two similar texts each name someone, somewhere or a figure the other
  does not ("cooperation with the Donetsk …" / "… the Lugansk …"): one template, two statements.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from functools import lru_cache

import numpy as np

from .lexicon import ignored_units, number_fillers, number_words

_TYPOGRAPHY = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
                             "–": "-", "—": "-", "‑": "-", "…": "..."})
_NON_WORD = re.compile(r"[^\w\s]")
_NUMBER = re.compile(r"^\d[\d,.]*$")
STOPWORDS = frozenset("""a an the of to in on at for by with and or but is are was were be been it its this that
these those as from has have had will would could should may might not no he she they we you i his her their our
""".split())

CACHED_TEXTS = 1 << 14  # texts whose normal form is kept (memory stays bounded)
CACHED_SETS = 1 << 12  # texts whose names and stemmed words, shingle sets whose MinHash signature, are kept
PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20261201)
_A = _rng.integers(1, _PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, PERMUTATIONS, dtype=np.uint64)


@lru_cache(maxsize=CACHED_TEXTS)
def normal_text(text: str) -> str:
    """Lower case, NFKC, no punctuation or quote marks, single spaces (cached: a linking batch
    compares one quotation or evidence with many, and reads stored ones back every batch)."""
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def text_key(text: str) -> str:
    """Hash of the normalised text: identical quotations share it."""
    return hashlib.sha1(normal_text(text).encode("utf-8")).hexdigest()[:20]


def shingles(text: str, size: int = 3) -> set[str]:
    tokens = normal_text(text).split()
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def content_words(text: str) -> set[str]:
    return {w for w in normal_text(text).split() if w not in STOPWORDS and len(w) > 2}


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”(\[]\s*)([A-Z][\w-]*)")


def _stem(word: str) -> str:
    word = word.casefold()
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


@lru_cache(maxsize=CACHED_SETS)
def _names(text: str) -> frozenset[str]:
    """Capitalised words that do not open a sentence or a quotation, and figures (stemmed)."""
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)
    openers = {m.start(1) for m in _SENTENCE_START.finditer(text)}
    return frozenset(_stem(part) for m in re.finditer(r"\b(?:[A-Z][\w-]*|\d[\w,.]*\w|\d)", text)
                     if m.start() not in openers for part in normal_text(m.group()).split())


@lru_cache(maxsize=CACHED_SETS)
def _stemmed_words(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in normal_text(text).split())


def names_swapped(a: str, b: str) -> bool:
    """Each text has a name or figure the other lacks — a substitution, not a trimmed copy
    (which only drops words) nor a re-rendering (which keeps the names)."""
    return bool(_names(a) - _stemmed_words(b)) and bool(_names(b) - _stemmed_words(a))


def jaccard(a: set, b: set) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)  # the union's size without building it
    return shared / (len(a) + len(b) - shared)


def containment(a: set, b: set) -> float:
    """Share of the smaller set found in the larger: a truncated copy of a quotation scores high."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


class MinHash:
    """A 64-permutation MinHash signature of a shingle set (cached by the set: read-only)."""

    __slots__ = ("signature",)

    def __init__(self, items: set[str]):
        self.signature = _signature(frozenset(items))

    def similarity(self, other: "MinHash") -> float:
        return float(np.mean(self.signature == other.signature))

    def bands(self) -> list[str]:
        """One LSH key per band of the signature."""
        sig = self.signature
        return [f"{b}:{zlib.crc32(sig[b * ROWS:(b + 1) * ROWS].tobytes()):08x}" for b in range(BANDS)]


@lru_cache(maxsize=CACHED_SETS)
def _signature(items: frozenset[str]) -> np.ndarray:
    if not items:
        signature = np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    else:
        values = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in items), dtype=np.uint64, count=len(items))
        with np.errstate(over="ignore"):
            hashed = (np.outer(values, _A) + _B) % np.uint64(_PRIME)
        signature = hashed.min(axis=0)
    signature.flags.writeable = False
    return signature


def _unit(word: str) -> str:
    word = word.lower().strip(".,;:")
    for suffix in ("ing", "ed"):  # "killing 12" and "killed 12" count the same thing
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def numbers(sentence: str) -> list[tuple[float, str]]:
    """(value, unit) for each count the sentence gives: the noun after the number ("134 drones",
    "five more civilians"), else the verb before it ("killing 12"); measures and years are not counts."""
    tokens = re.findall(r"[\w.,'-]+", unicodedata.normalize("NFKC", sentence))
    found = []
    for i, token in enumerate(tokens):
        value = _value(token)
        if value is None:
            continue
        unit = None
        for following in (t.lower().strip(".,") for t in tokens[i + 1:i + 4]):
            if following in number_fillers():
                continue
            if following.isalpha() and following not in ignored_units() and _value(following) is None:
                unit = _unit(following)
            break
        else:
            following = None
        if unit is None and following is None and i > 0 and tokens[i - 1].isalpha() \
                and tokens[i - 1].lower() not in number_fillers():
            unit = _unit(tokens[i - 1])
        if unit:
            found.append((value, unit))
    return found


def _value(token: str) -> float | None:
    low = token.lower().strip(".,")
    if low in number_words():
        return float(number_words()[low])
    if not _NUMBER.match(low) or re.match(r"^(1[89]|20)\d\d$", low):  # not a number, or a year
        return None
    try:
        return float(low.replace(",", ""))
    except ValueError:
        return None


_WORD = re.compile(r"\w+")


def word_positions(text: str) -> list[tuple[str, int, int]]:
    """(normalised word, start, end) of each word, as `normal_text` splits them, with the text's offsets."""
    out = []
    for match in _WORD.finditer(text):
        token = match.group()
        if token.isascii():  # most words: no NFKC form or case folding beyond lower case
            out.append((token.lower(), match.start(), match.end()))
            continue
        for word in normal_text(token).split():
            out.append((word, match.start(), match.end()))
    return out


def runs(words: list[str], size: int) -> list[tuple[str, ...]]:
    """Every run of `size` consecutive words, in order (a quotation's keys for finding it verbatim)."""
    return [tuple(words[i:i + size]) for i in range(len(words) - size + 1)]
