"""Passive readout cues — "It was noted that …", "It was emphasised that …", "The hope was
expressed that …": a statement with no speaker in its sentence, given to the readout's principal
(the person the document speaks for; `speakers.SpeakerResolver` decides who that is)."""
from __future__ import annotations

from spacy.tokens import Doc

from ..candidates import Attribution, token_range, trim
from ..context import Context
from ..lexicon import CUE_NOUNS, MARKERS, SPEECH_VERBS
from ..syntax import subtree_range

NAME = "readout-passive"
CONFIDENCE = 0.7


def find(doc: Doc, ctx: Context):
    for sent in doc.sents:
        for tok in ctx.open_tokens(sent):
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in SPEECH_VERBS or not any(c.dep_ == "auxpass" for c in tok.children):
                continue
            subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if subject is None or any(c.dep_ == "agent" for c in tok.children):
                continue
            expletive = subject.lower_ in MARKERS["expletives"]
            if not (expletive or subject.lemma_.lower() in CUE_NOUNS):
                continue
            clause = next((c for c in list(tok.children) + list(subject.children)
                           if c.dep_ in ("ccomp", "acl") and c.i > tok.i
                           and any(m.dep_ == "mark" and m.lower_ in MARKERS["content_leads"] for m in c.children)), None)
            if clause is None:
                continue
            rng = subtree_range(clause, sent=sent)
            if rng is None:
                continue
            cue = token_range([tok]) if expletive else token_range(sorted([subject, tok], key=lambda t: t.i))
            yield Attribution([trim(ctx.text, *rng)], cue, None, ctx.channel(sent), NAME, CONFIDENCE,
                              principal=True, trigger=tok.i)
