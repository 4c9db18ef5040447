"""Hedges: words and phrases by which a writer or speaker avoids full commitment to a claim.

Pattern families (lemma-based so inflections match): epistemic modal verbs ("could", "might",
"may"), hedging adverbs ("presumably", "reportedly", "allegedly"), and impersonal passive
reporting frames ("it is believed", "are said to").  Each pattern is a short sequence of token
tests (a token Matcher's, written out), checked at every position at once over the Doc's
attribute arrays (one `Doc.to_array` call) rather than token by token.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS, TAG
from spacy.strings import get_string_id
from spacy.symbols import ADJ, ADV
from spacy.tokens import Doc
from spacy.util import filter_spans

MODALS = ["could", "might", "may"]
ADVERBS = [
    "presumably", "reportedly", "allegedly", "apparently", "possibly", "perhaps", "probably",
    "likely", "supposedly", "seemingly", "purportedly", "arguably", "ostensibly", "conceivably",
    "maybe", "potentially", "evidently",
]
REPORTING_VERBS = ["believe", "think", "say", "report", "rumour", "rumor", "suspect", "expect", "claim", "understand", "allege"]
APPEAR_VERBS = ["appear", "seem"]


def _ids(words: list[str]) -> np.ndarray:
    return np.array([get_string_id(w) for w in words], dtype=np.uint64)


class _Match(NamedTuple):
    start: int  # token offsets, as `filter_spans` reads a Span's
    end: int


def _sequences(doc: Doc) -> list[list[np.ndarray]]:
    """Each pattern as one boolean array per token test (token i passes test k)."""
    lower, lemma, pos, tag = doc.to_array([LOWER, LEMMA, POS, TAG]).T
    modal = np.isin(lower, _ids(MODALS)) & (tag == get_string_id("MD"))
    adverb = np.isin(lower, _ids(ADVERBS)) & np.isin(pos, np.array([ADV, ADJ], dtype=np.uint64))
    it, be, to = lower == get_string_id("it"), lemma == get_string_id("be"), lower == get_string_id("to")
    reported = np.isin(lemma, _ids(REPORTING_VERBS)) & (tag == get_string_id("VBN"))
    appear = np.isin(lemma, _ids(APPEAR_VERBS))
    return [[modal], [adverb], [it, be, reported], [be, reported, to], [appear, to]]


def find_hedges(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the hedges in `doc`, longest match first where they overlap."""
    n = len(doc)
    matches = []
    for tests in _sequences(doc) if n else ():
        width = len(tests)
        if width > n:
            continue
        at = np.logical_and.reduce([test[k:n - width + 1 + k] for k, test in enumerate(tests)])
        matches += [_Match(i, i + width) for i in np.flatnonzero(at).tolist()]
    return [(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in filter_spans(matches)]
