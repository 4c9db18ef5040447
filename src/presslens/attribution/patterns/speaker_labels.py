"""Transcript and headline style: "WALLACE: …", "Jane Smith: '…'" — a short name, a colon, then
the words; a transcript quoted by the article re-opens a quotation before each label ("“PENCE: …"),
and a turn runs on over the re-opened paragraphs up to the next label. A transcript whose line
breaks were lost keeps its labels inside one paragraph ("… colleagues. Vladimir Putin: Thank you."):
a titled name after a sentence end and before a colon opens a turn that runs to the next label."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ...doccache import ents_in
from ..candidates import Attribution, trim
from ..context import Context
from ..lexicon import EVIDENCE_NOUNS, MARKERS, NON_SPEAKER_LABELS, VAGUE_HEADS

NAME = "speaker-label"
CONFIDENCE = 0.7
MAX_LABEL_WORDS = 12  # "President of Russia Vladimir Putin:" — a titled name, not a sentence
MID_LABEL = re.compile(r"(?<=[.!?…*])\s+([A-Z][^.:!?;\n]{2,120}?)(?=:\s)")  # "… colleagues. Vladimir Putin: …"


def find(doc: Doc, ctx: Context):
    """Transcript and headline style: "WALLACE: …", "Jane Smith: '…'" — a short name, a colon,
    then the words.  The label must be a named person, an all-capitals name, or a capitalised word
    that names a person or body elsewhere in the article."""
    text = ctx.text
    named = {t.text for e in doc.ents if e.label_ in ("PERSON", "ORG") for t in e}
    labelled: set[int] = set()  # paragraphs that open with a label (their inner turns are read with it)
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
        titled = _titled_name(doc, p_start, colon) is not None  # "President of Russia Vladimir Putin: …"
        if not words or any(ch.isdigit() for ch in label) or (len(words) > 5 and not titled):
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
        if not (is_person or is_caps or is_headline_source or is_named_elsewhere) or (
                not titled and any(t.pos_ in ("VERB", "AUX", "PRON", "ADP") for t in span)):
            continue
        labelled.add(opened)
        turns = _turns_inside(doc, text, colon + 1, p_end)
        start, end = trim(text, colon + 1, turns[0][0] if turns else p_end)
        pieces = [(start, end)] + (_turn_goes_on(ctx, opened, p_end) if p_start > opened else [])
        yield Attribution(pieces, (colon, colon + 1), span, None, NAME, CONFIDENCE)
        yield from _attributions_of(text, turns, p_end)
    for p_start, p_end in ctx.paragraphs:  # a transcript whose line breaks were lost: labels inside a paragraph
        if p_start not in labelled:
            yield from _attributions_of(text, _turns_inside(doc, text, p_start, p_end), p_end)


def _titled_name(doc: Doc, start: int, colon: int):
    """The label "President of Russia Vladimir Putin" before a colon: a capitalised title of at most
    `MAX_LABEL_WORDS` words ending in a person's name, no verb in it (else None)."""
    span = doc.char_span(start, colon, alignment_mode="contract")
    if span is None or not len(span) or len(span) > MAX_LABEL_WORDS or not span[0].is_title:
        return None
    if any(t.pos_ in ("VERB", "AUX", "PRON") or (t.is_punct and t.text not in ",-–") for t in span):
        return None
    person = next((e for e in ents_in(span) if e.label_ == "PERSON" and e.end == span.end), None)
    return span if person is not None else None


def _turns_inside(doc: Doc, text: str, start: int, end: int) -> list[tuple[int, int, object]]:
    """Labels inside a stretch of text ("… you. Vladimir Putin: Thank you. …"): (label start,
    colon, label span) for each one that follows a sentence end and is a titled name."""
    found = []
    for m in MID_LABEL.finditer(text, start, end):
        label = _titled_name(doc, m.start(1), m.end(1))
        if label is not None:
            found.append((m.start(1), m.end(1), label))
    return found


def _attributions_of(text: str, turns: list, p_end: int):
    """Each turn runs from its colon to the next turn's label (or the paragraph's end)."""
    for k, (label_start, colon, label) in enumerate(turns):
        stop = turns[k + 1][0] if k + 1 < len(turns) else p_end
        start, end = trim(text, colon + 1, stop)
        if end - start >= 12:
            yield Attribution([(start, end)], (colon, colon + 1), label, None, NAME, CONFIDENCE)


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


