""""KCNA quoted the party as saying …": the quoted body is the speaker, the quoting one the channel."""
from __future__ import annotations

from spacy.tokens import Doc

from ..candidates import Attribution, trim
from ..context import Context
from ..syntax import CLAUSE_DEPS, speaker_phrase, subtree_range

NAME = "quoted-as-saying"
CONFIDENCE = 0.85


def find(doc: Doc, ctx: Context):
    text = ctx.text
    for r in ctx.relayed:
        tok, sent, saying = r.verb, r.sent, r.saying
        clause = next((c for c in saying.children if c.dep_ in CLAUSE_DEPS), None)
        if clause is not None:
            rng = subtree_range(clause, sent=sent)
        else:  # parser split the reported clause: take the rest of the sentence
            rng = (saying.idx + len(saying), sent.end_char)
        if rng is None or r.speaker is None:
            continue
        chan = None
        if r.channel is not None and tok.dep_ != "pcomp":
            phrase = speaker_phrase(r.channel)
            last = phrase[-1]
            while last.i + 1 < tok.i and doc[last.i + 1].pos_ == "PROPN":  # "the agency Nortel"
                last = doc[last.i + 1]
            chan = text[phrase.start_char:last.idx + len(last)]
        cue = (tok.idx, saying.idx + len(saying))
        yield Attribution([trim(text, *rng)], cue, speaker_phrase(r.speaker), chan or ctx.channel(sent), NAME, CONFIDENCE, trigger=tok.i)
