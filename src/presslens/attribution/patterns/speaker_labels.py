"""Transcript and headline style: "WALLACE: …", "Jane Smith: '…'" — a short name, a colon, then
the words."""
from __future__ import annotations

from spacy.tokens import Doc

from ...doccache import ents_in
from ..candidates import Attribution, trim
from ..context import Context
from ..lexicon import EVIDENCE_NOUNS, NON_SPEAKER_LABELS, VAGUE_HEADS

NAME = "speaker-label"
CONFIDENCE = 0.7


def find(doc: Doc, ctx: Context):
    """Transcript and headline style: "WALLACE: …", "Jane Smith: '…'" — a short name, a colon,
    then the words.  The label must be a named person, an all-capitals name, or a capitalised word
    that names a person or body elsewhere in the article."""
    text = ctx.text
    named = {t.text for e in doc.ents if e.label_ in ("PERSON", "ORG") for t in e}
    for p_start, p_end in ctx.paragraphs:
        colon = text.find(":", p_start, min(p_end, p_start + 45))
        if colon < 0 or p_end - colon < 12:
            continue
        label = text[p_start:colon].strip()
        words = label.split()
        if not words or len(words) > 5 or any(ch.isdigit() for ch in label):
            continue
        if " ".join(words).lower().strip(" '’") in NON_SPEAKER_LABELS or words[0].lower() in NON_SPEAKER_LABELS:
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
        yield Attribution([(start, end)], (colon, colon + 1), span, None, NAME, CONFIDENCE)


