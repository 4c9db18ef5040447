"""The `presslens_claims` spaCy component: sentences asserting something checkable, and who
asserts them.

A sentence is a claim when it is a declarative sentence with a finite verb (not a question,
not a heading).  Attribution comes from `doc._.quotes`: a sentence mostly inside a quote's
content or reporting clause is `quoted` (with the speaker) or `vague` (unnamed source);
otherwise it is `unattributed`, the author's own voice, and gets a stance: `prediction`
(future or epistemic-modal main verb), `opinion` (evaluative or obligation markers) or `fact`.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
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


def is_claim_sentence(sent: SpacySpan) -> bool:
    """Declarative, with a finite verb, long enough, ending in sentence punctuation."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if len(words) < MIN_TOKENS or sent.text.rstrip().endswith("?"):
        return False
    if not sent.text.rstrip().rstrip("”\"’'»)").endswith((".", "!")):
        return False
    return any(t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") in (["Fin"], []) and t.tag_ != "VBG"
               for t in sent)


def stance(sent: SpacySpan) -> str:
    root = sent.root
    aux = {c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")} | ({root.lower_} if root.tag_ == "MD" else set())
    if aux & OPINION_MODALS or any(t.lower_ in OPINION_WORDS for t in sent):
        return "opinion"
    if aux & PREDICTION_MODALS or any(t.lower_ == "going" and t.nbor(1).lower_ == "to" for t in sent[:-1]):
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
    out = []
    for sent in doc.sents:
        if not is_claim_sentence(sent):
            continue
        start, end = sent.start_char, sent.end_char
        while end > start and text[end - 1].isspace():
            end -= 1
        q = covering_quote(start, end, extents)
        if q is None:
            out.append(Claim(start, end, text[start:end], "unattributed", None, stance(sent)))
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
