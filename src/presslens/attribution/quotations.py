"""Quotation marks, as assembly stages over the first-pass candidates.

* `widen_to_quotations`: a cue-verb content inside a quotation becomes the whole quotation; one
  that opens a quotation running on past the parsed clause is extended to its end.
* `merge_interrupted`: “A,” he said, “B.” — the quotation resumed after its cue is the same quote
  (whichever half the cue's reading took as its content).
* `attribute_quotations`: quotations no pattern covered, with their cue in the same or the next
  clause ("“…,” he said"), after a colon ("He said: “…”"), or — a paragraph-initial quotation with
  no cue — continuing the previous speaker, also across the topic headings and lead-in of a
  statements list ("key statements" of TASS); programme titles ("on CNN’s “New Day,”") are not
  statements.

Each stage returns new records; none edits the ones it was given.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .candidates import Attribution, inside, overlap, paragraph_index, sentence_of, token_range, trim
from ..doccache import ents_in
from .context import Context
from .lexicon import AUDIENCE_VERBS, EVIDENCE_NOUNS, MARKERS, QUOTATION_ONLY_VERBS, RELATIVE_WORDS, SPEECH_VERBS, STATEMENT_NOUNS, TOPIC_VERBS
from .quotemarks import MarkedQuote
from .syntax import find_subject, speaker_phrase

QUOTATION_CONFIDENCE = 0.85
CONTINUATION_CONFIDENCE = 0.6
LABEL_CONFIDENCE = 0.7
MAX_BRIDGE = 3  # paragraphs of headings and lead-ins a statements list may put between speaker and quotation
HEADING_WORDS = 10  # the longest topic heading ("On Western arms supplies")
COMPLEMENT_DEPS = ("ccomp", "dobj", "prep", "xcomp")
_PROGRAMME = re.compile(r"\b(?:" + "|".join(MARKERS["programme_preps"]) + r")\s+(?:\w+(?:’s|'s)\s+)?$", re.IGNORECASE)


def is_statement(text: str, q: MarkedQuote) -> bool:
    """A quotation worth reporting on its own (not a scare quote or a title)."""
    inner = text[q.start + 1 : q.end - 1].strip()
    words = inner.split()
    if len(words) <= 5 and inner[:1].isupper() and _PROGRAMME.search(text[max(0, q.start - 40) : q.start]):
        return False  # a programme or column title: "on CNN’s “New Day,”", "on “Meet the Press.”"
    return len(words) >= 4 or (len(words) >= 2 and inner[-1:] in ".!?,")


def cue_between(doc: Doc, start: int, end: int, nearest_last: bool = False,
                quoted: frozenset[int] = frozenset()) -> tuple[Token, Token] | None:
    """A cue verb with a subject in text[start:end] — the "he said" between or after quotations.
    The first one, or with `nearest_last` the last one (the cue nearest a quotation that follows);
    a subject inside a quotation (`quoted` token indices: a programme title) is no speaker."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    for tok in (reversed(span) if nearest_last else span):
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in (SPEECH_VERBS | QUOTATION_ONLY_VERBS) - TOPIC_VERBS:
            inverted = _inverted_subject(tok)
            subj = inverted or find_subject(tok)
            if subj is None or not start <= subj.idx < end or not _may_speak(subj):
                subj = subject_in_window(doc, start, tok)
            if subj is None:  # "said Caddell": inverted subject parsed as object
                subj = next((c for c in tok.children if c.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and c.pos_ in ("PROPN", "NOUN", "PRON")
                             and _may_speak(c)), None)
            if subj is not None and start <= subj.idx < end and _may_speak(subj) and subj.i not in quoted:
                return tok, subj
    return None


def _reports_its_own(verb: Token) -> bool:
    """Whether a cue verb has content of its own: a clause or an object after it."""
    return any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > verb.i for c in verb.children)


def _may_speak(tok: Token) -> bool:
    """A time ("said Wednesday") or a relative word ("a video that said") is never the speaker."""
    return tok.ent_type_ not in ("DATE", "TIME") and tok.lower_ not in RELATIVE_WORDS


def _inverted_subject(verb: Token) -> Token | None:
    """"Said Ellis: “…”": a cue opening its sentence names its speaker right after it."""
    doc = verb.doc
    opens = verb.i == verb.sent.start or doc[verb.i - 1].text in (".", "!", "?")
    if not opens or not verb.is_title or verb.i + 1 >= len(doc):
        return None
    after = doc[verb.i + 1]
    return after if after.pos_ == "PROPN" or after.ent_type_ == "PERSON" else None


def subject_in_window(doc: Doc, start: int, verb: Token) -> Token | None:
    """The first noun-phrase head between a quotation and its cue verb, for parses that lost the
    subject: "“…,” Ramos, 58, told AFP", "“…,” delegate Bill Eastland, wearing a hat, said"."""
    for tok in doc[doc.char_span(start, verb.idx, alignment_mode="expand").start if verb.idx > start else verb.i : verb.i]:
        if tok.idx < start or tok.is_punct:
            continue
        if tok.pos_ in ("PROPN", "PRON", "NOUN") and tok.dep_ not in ("compound", "amod", "poss", "det", "nmod", "case", "pobj") and _may_speak(tok):
            return tok
    return None



def widen_to_quotations(ctx: Context, found: list[Attribution]) -> list[Attribution]:
    """Each candidate with its paragraph, and its content widened to the quotation it lies in or opens."""
    out = []
    for a in found:
        a = replace(a, paragraph=paragraph_index(ctx.paragraphs, a.start), extra=dict(a.extra))
        for q in ctx.quotations:
            rng = (a.start, a.end)
            if not overlap(rng, (q.start, q.end)) or (a.cue and inside(a.cue, (q.start, q.end))):
                continue
            if inside(rng, (q.start - 1, q.end + 1)):
                a.content = list(q.pieces)
                a.extra["marked"] = q
            elif abs(rng[0] - q.start) <= 2 and q.end > rng[1]:
                a.content = [(rng[0], q.end)]
                a.extra["marked"] = q
        out.append(a)
    return out


def merge_interrupted(ctx: Context, found: list[Attribution]) -> list[Attribution]:
    """“A,” he said, “B.” — the quotation resumed after its cue is the same quote: add B as a piece."""
    text, bounds = ctx.text, ctx.paragraphs
    out = []
    for a in found:
        q1 = a.extra.get("marked")
        if q1 is not None and a.cue is not None and a.cue[0] < q1.start:
            # the cue verb read the resumed half as its content: “A,” he said, “B.” → add A before B
            opened = _broken_off_before(ctx, a.cue, q1)
            if opened is not None:
                a = replace(a, content=list(opened.pieces) + a.content, extra={**a.extra, "marked_prev": opened})
        elif q1 is not None and a.cue is not None:
            for q2 in ctx.quotations:
                if q2.start <= q1.end or q2.start - q1.end > 160 or '\n' in text[q1.end:q2.start] or not is_statement(text, q2):
                    continue
                between = (q1.end, q2.start)
                if inside(a.cue, between) and paragraph_index(bounds, q1.start) == paragraph_index(bounds, q2.start) \
                        and text[q1.end - 2 : q1.end - 1] not in (".", "?", "!") or (inside(a.cue, between) and text[q2.start - 2:q2.start].strip() in (",", ":")):
                    a = replace(a, content=a.content + list(q2.pieces), extra={**a.extra, "marked_next": q2})
                break
        out.append(a)
    return out


def _broken_off_before(ctx: Context, cue: tuple[int, int], resumed: MarkedQuote) -> MarkedQuote | None:
    """The quotation that broke off at a comma just before `cue`, in the paragraph of `resumed`:
    “A,” he said, “B.” — A, when `resumed` is B."""
    text = ctx.text
    for q in reversed(ctx.quotations):
        if q.end > cue[0]:
            continue
        if cue[0] - q.end > 80 or "\n" in text[q.end:resumed.start] or not text[q.start:q.end].rstrip("”\"'’»").endswith(","):
            return None
        between = ctx.doc.char_span(q.end, cue[0], alignment_mode="contract")
        if between is not None and any(t.pos_ in ("VERB", "AUX") for t in between):
            return None  # “A,” she said, adding, “B.”: A has a cue of its own
        return q
    return None


def attribute_quotations(doc: Doc, ctx: Context, found: list[Attribution]) -> list[Attribution]:
    """`found` followed by the quotations it does not cover: with a cue of their own, or continuing
    the previous paragraph's speaker."""
    text, bounds, marked = ctx.text, ctx.paragraphs, ctx.quotations
    result = list(found)
    claimed = {id(a.extra.get(key)) for a in result for key in ("marked", "marked_next", "marked_prev") if a.extra.get(key) is not None}
    by_end = sorted(result, key=lambda a: a.end)
    i = 0
    while i < len(marked):
        q = marked[i]
        if id(q) in claimed or any(overlap((q.start, q.end), (a.start, a.end)) > 0.5 * (q.end - q.start) for a in result):
            i += 1
            continue
        if not is_statement(text, q) or any(a.cue and inside(a.cue, (q.start, q.end)) for a in result):
            i += 1  # (a quotation holding others' cues is a container: a quoted transcript with its labels)
            continue
        para = paragraph_index(bounds, q.start)
        p_start, p_end = bounds[para] if para >= 0 else (0, len(text))
        nxt = marked[i + 1] if i + 1 < len(marked) else None
        # interrupted: “A,” he said, “B.”
        gap_end = nxt.start if nxt is not None and nxt.start < p_end else None
        cue_hit = None
        pieces = list(q.pieces)
        if gap_end is not None and gap_end - q.end < 80:
            cue_hit = cue_between(doc, q.end, gap_end, quoted=ctx.quoted_tokens)
            if cue_hit is not None and id(nxt) not in claimed:
                pieces += list(nxt.pieces)
                claimed.add(id(nxt))
                i += 1
        if cue_hit is None:
            sent = sentence_of(doc, max(q.end - 2, q.start))
            after_end = min(p_end, (sent.end_char if sent is not None else q.end) + 1)
            nxt_sent = sentence_of(doc, min(q.end + 1, len(text) - 1))
            nxt_end = nxt_sent.start_char + len(nxt_sent.text.rstrip()) if nxt_sent is not None else 0  # (without the line break)
            if nxt_sent is not None and nxt_sent.start_char >= q.end - 1 and nxt_end <= p_end + 1:
                after_end = max(after_end, nxt_end if nxt_sent.start_char - q.end < 3 else after_end)
            cue_hit = cue_between(doc, q.end, after_end, quoted=ctx.quoted_tokens) if after_end > q.end else None
            if cue_hit is not None and sent is not None and cue_hit[0].i >= sent.end and _reports_its_own(cue_hit[0]):
                cue_hit = None  # “… nation.” Russia insisted that …: the next sentence's cue has its own content
            if cue_hit is not None and gap_end is not None and id(nxt) not in claimed and resumes_after_cue(text, q, nxt, cue_hit[0]):
                pieces += list(nxt.pieces)
                claimed.add(id(nxt))
                i += 1
        if cue_hit is None and para > 0 and not text[p_start:q.start].strip():
            prev_start, prev_end = bounds[para - 1]
            if text[prev_start:prev_end].rstrip().endswith(":"):  # "Reporter X says:" ¶ "…"
                cue_hit = cue_between(doc, prev_start, prev_end, nearest_last=True, quoted=ctx.quoted_tokens)
        if cue_hit is None:
            lead = text[p_start:q.start]
            if lead.rstrip().endswith((":", ",")) or (lead.strip() and len(lead.split()) <= 25):
                cue_hit = cue_between(doc, p_start, q.start, nearest_last=True, quoted=ctx.quoted_tokens)
        if cue_hit is not None:
            verb, subj = cue_hit
            cue = token_range([verb])
            if len(pieces) == 1 and verb.idx < q.start:
                # "He said she “is not going to fix it” over the next years": the quotation is part
                # of what the cue reports, and the content is the whole complement
                pieces = [reported_complement(text, verb, q) or pieces[0]]
            phrase = speaker_phrase(subj)
            if phrase.start <= verb.i < phrase.end:  # "Said Moreau: …" parsed with the verb inside the name
                phrase = doc[verb.i + 1 : phrase.end]
            result.append(Attribution(pieces, cue, phrase, None, "quotation", QUOTATION_CONFIDENCE, paragraph=para, extra={"marked": q}, trigger=verb.i))
        elif (label := name_before_colon(doc, text, p_start, q)) is not None:
            colon = text.rindex(":", p_start, q.start)
            result.append(Attribution(pieces, (colon, colon + 1), label, None, "quotation", LABEL_CONFIDENCE, paragraph=para, extra={"marked": q}))
        else:
            # a quotation with no cue that opens its paragraph, or opens a sentence right after one
            # attributed to someone (`"…," he said. "Next …"`), continues that speaker's statement
            prev = [a for a in by_end if a.end <= q.start and (a.speaker is not None or a.principal) and 0 <= para - a.paragraph <= 1]
            if not prev:  # a statements list: the speaker of the last statement before its headings
                prev = [a for a in sorted(result, key=lambda a: a.end) if a.end <= q.start and a.speaker is not None
                        and not a.belief and _bridged(doc, ctx, result, a.paragraph, para)]
            last = prev[-1] if prev else None
            if last is not None and (not text[p_start:q.start].strip() or _after_attributed_sentence(doc, text, p_start, q, last)):
                result.append(Attribution(pieces, None, last.speaker, last.channel, "continuation", CONTINUATION_CONFIDENCE,
                                          paragraph=para, extra={"marked": q}, principal=last.principal))
        i += 1
    return result


def _bridged(doc: Doc, ctx: Context, found: list[Attribution], first: int, last: int) -> bool:
    """A statements list ("TASS has compiled the key statements made by the minister." ¶ "On
    negotiations" ¶ "“…”"): the paragraphs between an attributed one and a quotation that opens its
    own are at most `MAX_BRIDGE` topic headings (short, no closing punctuation) or lead-ins naming
    statements, with no attribution or quotation of their own — the speaker goes on."""
    between = range(first + 1, last)
    if not 0 < len(between) <= MAX_BRIDGE:
        return False
    for idx in between:
        start, end = ctx.paragraphs[idx]
        line = ctx.text[start:end].strip()
        if any(a.paragraph == idx for a in found) or any(overlap((q.start, q.end), (start, end)) for q in ctx.quotations):
            return False
        heading = line and line[-1] not in ".!?…:\"”»" and len(line.split()) <= HEADING_WORDS
        span = doc.char_span(start, end, alignment_mode="contract")
        lead_in = span is not None and len(list(span.sents)) == 1 and any(
            t.pos_ == "NOUN" and t.lemma_.lower() in STATEMENT_NOUNS for t in span)
        if not (heading or lead_in):
            return False
    return True


def reported_complement(text: str, verb: Token, q: MarkedQuote) -> tuple[int, int] | None:
    """What a cue verb reports when quotation `q` lies inside it — "said she “is not going to fix
    it” over the next years", "described the talks as a “useful step”": from the verb's first
    complement (a clause, an object, a topic) to the end of what the verb governs.  None when the
    quotation stands apart ("told reporters: “…”"; the audience of "told" is no content)."""
    doc = verb.doc
    last = doc[min(verb.right_edge.i, verb.sent.end - 1)]
    if last.idx + len(last) < q.end - 1:
        return None  # the quotation runs on past the verb's clause
    first = next((c for c in verb.children if verb.i < c.i and c.idx < q.start and c.dep_ in COMPLEMENT_DEPS
                  and not (c.dep_ == "dobj" and verb.lemma_.lower() in AUDIENCE_VERBS)
                  and not (c.dep_ == "prep" and c.lower_ not in MARKERS["topic_preps"])), None)
    if first is None:
        return None
    between = text[first.left_edge.idx:q.start]
    if ":" in between or "\n" in between:
        return None  # "said on Monday: “…”": the quotation is introduced, not embedded
    start, end = trim(text, first.left_edge.idx, max(q.end, last.idx + len(last)))
    return (start, max(end, q.end)) if start < q.start else None


def name_before_colon(doc: Doc, text: str, p_start: int, q: MarkedQuote) -> Span | None:
    """"More from Jane Smith: “…”", "From the report: “…”": a quotation introduced by a colon right
    after a named person or body (or a document), with no verb between them, is that source's."""
    lead = text[p_start:q.start].rstrip()
    if not lead.endswith(":"):
        return None
    before = doc.char_span(p_start, p_start + len(lead) - 1, alignment_mode="contract")
    if before is None or not len(before) or any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    last = before[-1]
    ent = next((e for e in ents_in(before) if e.end == before.end), None)
    if ent is not None and ent.label_ in ("PERSON", "ORG"):
        return ent
    if last.lemma_.lower() in EVIDENCE_NOUNS and last.pos_ == "NOUN":
        return speaker_phrase(last)
    return None


def _after_attributed_sentence(doc: Doc, text: str, p_start: int, q: MarkedQuote, last: Attribution) -> bool:
    """Whether quotation `q` opens a sentence whose predecessor, in the same paragraph, holds the
    attribution `last` (its cue or its content)."""
    lead = text[p_start:q.start].rstrip()
    if not lead or lead[-1] not in ".!?”\"»'’":
        return False
    previous = sentence_of(doc, len(lead) + p_start - 1)
    if previous is None or previous.start_char < p_start:
        return False
    return (last.cue is not None and last.cue[0] >= previous.start_char) or last.end > previous.start_char


def resumes_after_cue(text: str, q: MarkedQuote, nxt: MarkedQuote, verb: Token) -> bool:
    """“A,” he said, as the crowd cheered. “B.” — the next quotation opens the sentence right after
    the cue's sentence, and the first one broke off at a comma: one quote in two pieces."""
    sent = verb.sent
    broke_off = text[q.start:q.end].rstrip("”\"'’»").endswith(",")
    return broke_off and sent.start_char <= q.end and not text[sent.end_char:nxt.start].strip()

