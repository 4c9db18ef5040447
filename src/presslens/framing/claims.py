"""The `presslens_claims` spaCy component: sentences asserting something checkable, and who
asserts them.

A sentence is a claim when it is a declarative sentence with a finite verb (not a question,
not a heading).  Attribution comes from `doc._.quotes`: a sentence mostly inside a quote's
content or reporting clause is `quoted` (with the speaker) or `vague` (unnamed source);
otherwise it is `unattributed`, the author's own voice, and gets a stance: `prediction`
(future or epistemic-modal main verb), `opinion` (evaluative or obligation markers) or `fact`.
"""
from __future__ import annotations

import numpy as np
from spacy.attrs import IS_PUNCT, IS_SPACE, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, MorphAnalysis
from spacy.tokens import Span as SpacySpan

from .. import extensions  # noqa: F401  (declares Doc._ attributes)
from ..doccache import doc_text
from ..model import Claim, Quote

PREDICTION_MODALS = {"will", "would", "could", "might", "may", "shall", "'ll"}
OPINION_MODALS = {"should", "must", "ought"}
OPINION_WORDS = {
    "clearly", "obviously", "undoubtedly", "unfortunately", "fortunately", "sadly", "surely",
    "certainly", "arguably", "truly", "absurd", "disgraceful", "shameful", "outrageous",
    "ridiculous", "wonderful", "terrible", "good", "bad", "best", "worst", "wrong", "right",
}
MIN_TOKENS = 5
_FINITE: dict[int, bool] = {}  # morphology id → whether it allows a finite verb (no VerbForm, or Fin)


def _running(flags: np.ndarray) -> np.ndarray:
    """Running counts of a token test: tokens a..b-1 pass it `r[b] - r[a]` times."""
    return np.concatenate([[0], np.cumsum(flags.astype(np.int64))])


class TokenTests:
    """The token tests the claim rules ask of a sentence, answered for the whole Doc at once over its
    attribute arrays (`Doc.to_array`) and kept as running counts, so each sentence's answer is a
    difference of two counts rather than a walk over its tokens."""

    def __init__(self, doc: Doc):
        punct, space, pos, tag, morph, lower = doc.to_array([IS_PUNCT, IS_SPACE, POS, TAG, MORPH, LOWER]).T
        for key in set(morph.tolist()).difference(_FINITE):
            _FINITE[key] = MorphAnalysis.from_id(doc.vocab, key).get("VerbForm") in (["Fin"], [])
        finite = np.fromiter(map(_FINITE.__getitem__, morph.tolist()), dtype=bool, count=len(morph))
        verb = np.isin(pos, np.array([VERB, AUX], dtype=np.uint64)) & (tag != get_string_id("VBG")) & finite
        going_to = (lower == get_string_id("going")) & np.append(lower[1:] == get_string_id("to"), False)
        self.words = _running(~(punct | space).astype(bool))
        self.finite_verbs = _running(verb)
        self.opinion_words = _running(np.isin(lower, np.array([get_string_id(w) for w in OPINION_WORDS], dtype=np.uint64)))
        self.going_to = _running(going_to)  # "going" followed by "to"

    @staticmethod
    def any(running: np.ndarray, start: int, end: int) -> bool:
        return bool(running[end] - running[start])


def is_claim_sentence(sent: SpacySpan, tests: TokenTests) -> bool:
    """Declarative, with a finite verb, long enough, ending in sentence punctuation."""
    text = doc_text(sent.doc)[sent.start_char:sent.end_char].rstrip()
    if tests.words[sent.end] - tests.words[sent.start] < MIN_TOKENS or text.endswith("?"):
        return False
    if not text.rstrip("”\"’'»)").endswith((".", "!")):
        return False
    return tests.any(tests.finite_verbs, sent.start, sent.end)


def stance(sent: SpacySpan, tests: TokenTests) -> str:
    root = sent.root
    aux = {c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")} | ({root.lower_} if root.tag_ == "MD" else set())
    if aux & OPINION_MODALS or tests.any(tests.opinion_words, sent.start, sent.end):
        return "opinion"
    if aux & PREDICTION_MODALS or tests.any(tests.going_to, sent.start, sent.end - 1):  # "going to" within the sentence
        return "prediction"
    return "fact"


def quote_extents(quotes: list[Quote]) -> list[tuple[int, int, Quote]]:
    """(start, end, quote) of each quote's content together with its reporting clause."""
    out = []
    for q in quotes:
        bounds = [q.content] + [x for x in (q.cue, q.speaker.mention) if x]
        out.append((min(b.start for b in bounds), max(b.end for b in bounds), q))
    return out


def covering_quote(start: int, end: int, extents: list[tuple[int, int, Quote]]) -> Quote | None:
    """The quote whose content, or reporting clause, covers most of [start, end), if over half
    (`extents`: from `quote_extents`)."""
    best, best_cover = None, 0
    for lo, hi, q in extents:
        cover = max(0, min(end, hi) - max(start, lo))
        if cover > best_cover:
            best, best_cover = q, cover
    return best if best_cover * 2 > end - start else None


def find_claims(doc: Doc) -> list[Claim]:
    extents = quote_extents(doc._.quotes or [])
    text = doc_text(doc)
    tests = TokenTests(doc)
    out = []
    for sent in doc.sents:
        if not is_claim_sentence(sent, tests):
            continue
        start, end = sent.start_char, sent.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        q = covering_quote(start, end, extents)
        if q is None:
            out.append(Claim(start, end, text[start:end], "unattributed", None, stance(sent, tests)))
        else:
            out.append(Claim(start, end, text[start:end], "vague" if q.speaker.vague else "quoted", q.speaker.name))
    return out


class ClaimsComponent:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = find_claims(doc)
        return doc


@Language.factory("presslens_claims", assigns=["doc._.claims"], requires=["doc._.quotes"])
def make_claims(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent(nlp, name)
