"""Press-release attribution after the fact: "[statement]. This was stated by X during a
meeting …", "He said this in an interview" — a cue whose object or passive subject is "this"
attributes the sentences before it in the paragraph (or, opening a paragraph, the last sentence of
the one before)."""
from __future__ import annotations

from spacy.tokens import Doc

from ..candidates import Attribution, paragraph_index, token_range, trim
from ..context import Context
from ..lexicon import MARKERS, REPORTING_VERBS

NAME = "stated-by"
CONFIDENCE = 0.75
MAX_SENTENCES = 3


def find(doc: Doc, ctx: Context):
    for cv in ctx.cue_verbs:
        verb, sent = cv.verb, cv.sent
        if cv.lemma not in REPORTING_VERBS or not any(
                c.dep_ in ("nsubjpass", "dobj") and c.lower_ in MARKERS["anaphors"] for c in verb.children):
            continue
        para = paragraph_index(ctx.paragraphs, sent.start_char)
        if para < 0:
            continue
        p_start = ctx.paragraphs[para][0]
        if not ctx.text[p_start:sent.start_char].strip():
            if para == 0:
                continue
            p_start = ctx.paragraphs[para - 1][0]
        before = [s for s in doc.sents if s.start_char >= p_start and s.end_char <= sent.start_char + 1][-MAX_SENTENCES:]
        if not before:
            continue
        start, end = trim(ctx.text, before[0].start_char, before[-1].end_char)
        if end - start < 2:
            continue
        yield Attribution([(start, end)], token_range([verb]), cv.speaker, ctx.channel(sent), NAME, CONFIDENCE, trigger=verb.i)
