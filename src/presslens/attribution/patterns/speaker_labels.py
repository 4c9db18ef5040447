"""Transcript and headline style: "WALLACE: …", "Jane Smith: '…'" — a short name, a colon, then
the words; a transcript quoted by the article re-opens a quotation before each label ("“PENCE: …"),
and a turn runs on over the re-opened paragraphs up to the next label."""
from __future__ import annotations

from spacy.tokens import Doc

from ...doccache import ents_in
from ..candidates import Attribution, trim
from ..context import Context
from ..lexicon import EVIDENCE_NOUNS, MARKERS, NON_SPEAKER_LABELS, VAGUE_HEADS

NAME = "speaker-label"
CONFIDENCE = 0.7


def find(doc: Doc, ctx: Context):
    """Transcript and headline style: "WALLACE: …", "Jane Smith: '…'" — a short name, a colon,
    then the words.  The label must be a named person, an all-capitals name, or a capitalised word
    that names a person or body elsewhere in the article."""
    text = ctx.text
    named = {t.text for e in doc.ents if e.label_ in ("PERSON", "ORG") for t in e}
    for p_start, p_end in ctx.paragraphs:
        opened = p_start
        while p_start < p_end and text[p_start] in MARKERS["label_openers"]:
            p_start += 1  # "“PENCE: …": a quoted transcript re-opens its quotation at each label
        if p_start > opened and not any(len(q.pieces) > 1 or not q.closed for q in ctx.quotations
                                        if any(s == opened for s, _ in q.pieces)):
            continue  # a quotation closed in its own paragraph ("“Trump: you …” tweeted X") is no transcript
        colon = text.find(":", p_start, min(p_end, p_start + 45))
        if colon < 0 or p_end - colon < 12:
            continue
        label = text[p_start:colon].strip()
        words = label.split()
        if not words or len(words) > 5 or any(ch.isdigit() for ch in label):
            continue
        first = words[0].lower().removesuffix("’s").removesuffix("'s")  # ("Editor’s Note: …")
        if " ".join(words).lower().strip(" '’") in NON_SPEAKER_LABELS or first in NON_SPEAKER_LABELS:
            continue
        span = doc.char_span(p_start, p_start + len(text[p_start:colon].rstrip()), alignment_mode="contract")
        if span is None or not len(span):
            continue
        is_person = any(e.label_ in ("PERSON", "ORG") and e.end_char >= span.end_char - 1 for e in ents_in(span))
        is_caps = all(w.isupper() and w.isalpha() and len(w) > 1 for w in words)
        # headline style: "Trump: …", "Clinton camp: …", "Poll: …"
        is_headline_source = all(w[:1].isupper() for w in words) and (
            any(t.pos_ == "PROPN" for t in span) or span.root.lemma_.lower() in EVIDENCE_NOUNS | VAGUE_HEADS)
        # a capitalised label the tagger took for a common noun ("Sanders: …"), named elsewhere
        is_named_elsewhere = all(w[:1].isupper() for w in words) and words[-1] in named
        if not (is_person or is_caps or is_headline_source or is_named_elsewhere) or any(t.pos_ in ("VERB", "AUX", "PRON", "ADP") for t in span):
            continue
        start, end = trim(text, colon + 1, p_end)
        pieces = [(start, end)] + (_turn_goes_on(ctx, opened, p_end) if p_start > opened else [])
        yield Attribution(pieces, (colon, colon + 1), span, None, NAME, CONFIDENCE)


def _turn_goes_on(ctx: Context, opened: int, p_end: int) -> list[tuple[int, int]]:
    """In a quoted transcript, the paragraphs after a label's that re-open the quotation without a
    label of their own ("“But the truth is …") are the same speaker's turn."""
    text = ctx.text
    quotation = next((q for q in ctx.quotations if any(s == opened for s, _ in q.pieces)), None)
    if quotation is None:
        return []
    more = []
    for s, e in quotation.pieces:
        if s <= p_end:
            continue
        body = s
        while body < e and text[body] in MARKERS["label_openers"]:
            body += 1
        if ":" in text[body:min(e, body + 45)]:
            break  # the next speaker's label
        more.append(trim(text, body, e))
    return more


