"""Signed quotations — "“We will rebuild.” ― Ana Ruiz", an epigraph or a collection of readers'
and voters' words: a quotation followed by a dash and a name, alone to the end of its paragraph
(or on the next line), signs the quotation with that name."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..candidates import Attribution
from ..context import Context
from ..lexicon import MARKERS

NAME = "signature"
CONFIDENCE = 0.75
MAX_WORDS = 6
MAX_DESCRIPTION_WORDS = 15
_DASH = re.compile(r"\s*(?:" + "|".join(re.escape(d) for d in MARKERS["signature_dashes"]) + r")\s*")
_WORD = re.compile(r"[^\W\d_][\w.'’-]*", re.UNICODE)


def signer(text: str) -> tuple[int, int] | None:
    """The (start, end) of a signature's name in `text` (what follows the dash): one to six words,
    capitalised but for name particles ("de", "van"), then nothing but a full stop or a short
    description after a comma ("Ana Ruiz, 34, a nurse in Lyon")."""
    stripped = text.rstrip()
    comma = stripped.find(",")
    if comma > 0 and len(stripped[comma:].split()) <= MAX_DESCRIPTION_WORDS and "\n" not in stripped:
        stripped = stripped[:comma]
    if stripped.endswith("."):
        stripped = stripped[:-1].rstrip()
    words = list(_WORD.finditer(stripped))
    if not words or len(words) > MAX_WORDS or words[0].start() != 0 or words[-1].end() != len(stripped):
        return None
    if any(stripped[a.end():b.start()].strip() for a, b in zip(words, words[1:])):
        return None  # only spaces between the words
    if not all(w.group()[0].isupper() or w.group() in MARKERS["name_particles"] for w in words) or not words[-1].group()[0].isupper():
        return None
    return 0, words[-1].end()


def find(doc: Doc, ctx: Context):
    text = ctx.text
    paragraphs = ctx.paragraphs
    for i, q in enumerate(ctx.quotations):
        if not q.closed:
            continue
        p_end = next((e for s, e in paragraphs if s <= q.end <= e), len(text))
        following = text[q.end:p_end]
        if not following.strip():  # the signature on a line of its own: "“…”" ¶ "— Ana Ruiz"
            p_next = next(((s, e) for s, e in paragraphs if s > q.end), None)
            if p_next is None or (i + 1 < len(ctx.quotations) and ctx.quotations[i + 1].start < p_next[1]):
                continue
            following_start, following = p_next[0], text[p_next[0]:p_next[1]]
        else:
            following_start = q.end
        dash = _DASH.match(following)
        if dash is None or dash.end() == 0 or not following[:dash.end()].strip():
            continue
        name = signer(following[dash.end():])
        if name is None:
            continue
        start = following_start + dash.end() + name[0]
        span = doc.char_span(start, following_start + dash.end() + name[1], alignment_mode="expand")
        if span is None or not len(span) or any(t.pos_ in ("VERB", "AUX", "PRON") for t in span):
            continue
        cue_start = following_start + len(following[:dash.end()]) - len(following[:dash.end()].lstrip())
        cue = (cue_start, cue_start + len(following[:dash.end()].strip()))
        yield Attribution([(q.start, q.end)], cue, span, None, NAME, CONFIDENCE, trigger=span[0].i)
