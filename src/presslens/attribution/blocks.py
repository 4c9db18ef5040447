"""Block quotes, an assembly stage: unmarked paragraphs of speech right after a paragraph whose
last sentence introduces their speaker ("The minister said:" ¶ "We will rebuild …")."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .candidates import Attribution, overlap
from .context import Context
from .lexicon import FIRST_PERSON, MARKERS, REPORTING_VERBS
from .syntax import SUBJECT_DEPS

NAME = "block"
FIRST_PERSON_CONFIDENCE = 0.65
SPEAKER_SIDE_CONFIDENCE = 0.5


def _first_person(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(t.lower_ in FIRST_PERSON and t.pos_ == "PRON" for t in span)


def _sentences_in(doc: Doc, start: int, end: int) -> list[Span]:
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span.sents) if span is not None else []


def find(doc: Doc, ctx: Context, attributions: list[Attribution]) -> list[Attribution]:
    """Unmarked paragraphs of speech following a paragraph that introduces their speaker.

    A paragraph qualifies when it holds no attribution or quotation of its own, its predecessor
    ends with an attribution (or is itself such a block), and it reads as the speaker's own words:
    first-person pronouns, or — after a one-sentence lead-in paragraph — a speaker-side pronoun
    ("they", "their") with no named actor of its own.
    """
    text = ctx.text
    bounds, marked = ctx.paragraphs, ctx.quotations
    blocks: list[Attribution] = []
    by_para: dict[int, list[Attribution]] = {}
    for a in attributions:
        by_para.setdefault(a.paragraph, []).append(a)
    previous: Attribution | None = None
    previous_sentences = 0  # sentences in the paragraph that introduced `previous`
    for idx, (p_start, p_end) in enumerate(bounds):
        own = [a for a in by_para.get(idx, []) if not a.belief and a.speaker is not None]
        reporting = [a for a in own if a.cue is None or _is_reporting(doc, a)]
        has_marks = any(overlap((q.start, q.end), (p_start, p_end)) for q in marked)
        stripped = text[p_start:p_end].strip()
        candidate = previous is not None and not reporting and not has_marks and stripped[-1:] in ".!?…"
        if candidate:
            first_person = _first_person(doc, p_start, p_end)
            lead_in_only = previous_sentences == 1 and previous.pattern != NAME
            if first_person or (lead_in_only and _speaker_side_voice(doc, p_start, p_end)):
                s = p_start + len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
                e = p_start + len(text[p_start:p_end].rstrip())
                block = Attribution([(s, e)], None, previous.speaker, previous.channel, NAME,
                                    FIRST_PERSON_CONFIDENCE if first_person else SPEAKER_SIDE_CONFIDENCE, paragraph=idx)
                blocks.append(block)
                previous = block
                continue
        previous, previous_sentences = _lead_in(doc, bounds[idx], own)
    return blocks


def _lead_in(doc: Doc, bounds: tuple[int, int], own: list[Attribution]) -> tuple[Attribution | None, int]:
    """The attribution in a paragraph's last sentence, which may introduce a following block
    quote, and the paragraph's number of sentences."""
    sentences = _sentences_in(doc, *bounds)
    if not sentences or not own:
        return None, 0
    last_start = sentences[-1].start_char
    closing = [a for a in own if (a.cue is not None and a.cue[0] >= last_start) or a.end >= last_start]
    if not closing:
        return None, 0
    return closing[-1], len(sentences)


def _is_reporting(doc: Doc, a: Attribution) -> bool:
    """Whether an attribution's cue is a plain reporting verb ("said", "according to"), as opposed
    to a commitment or evaluation verb that also occurs inside someone's own words ("pledged")."""
    span = doc.char_span(a.cue[0], a.cue[1], alignment_mode="expand")
    return span is not None and (span[0].lemma_.lower() in REPORTING_VERBS or a.pattern != "cue-verb")


def _speaker_side_voice(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(list(span.sents)) > 2:
        return False
    has_they = any(t.lower_ in MARKERS["speaker_side_pronouns"] for t in span)
    named_subject = any(t.dep_ in SUBJECT_DEPS and t.ent_type_ in ("PERSON", "ORG", "GPE") for t in span)
    digits = any(ch.isdigit() for ch in span.text)
    return has_they and not named_subject and not digits


