"""The `presslens_framing` spaCy component: persuasion techniques and hedges.

Writes `doc._.framing` (model.Technique records) from two sources — the learned token
tagger, which reads the Doc's own parse (no second pass), and appeals to authority by a
vague source ("experts note", "officials say") taken from `doc._.quotes` — and
`doc._.hedges` (model.Span list) from the hedge patterns.
Also stores the technique spans in `doc.spans["presslens_framing"]` for displaCy.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (declares Doc._ attributes)
from ..doccache import doc_text
from ..model import Span, Technique
from .hedges import find_hedges
from .tagger import shipped_tagger
from .techniques import explanation

VAGUE_AUTHORITY_CONFIDENCE = 0.6


def vague_authority(doc: Doc) -> list[Technique]:
    """Appeal to authority: an unnamed source with its reporting verb ("military experts note")."""
    out = []
    for q in doc._.quotes or []:
        if not (q.speaker.vague and q.speaker.mention and q.cue):
            continue
        start = min(q.speaker.mention.start, q.cue.start)
        end = max(q.speaker.mention.end, q.cue.end)
        out.append(Technique("Appeal_to_Authority", start, end, doc_text(doc)[start:end],
                             VAGUE_AUTHORITY_CONFIDENCE, explanation("Appeal_to_Authority")))
    return out


class FramingComponent:
    def __init__(self, nlp: Language, name: str, model_path: str | None):
        self.name = name
        self.tagger = shipped_tagger(model_path)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found = [Technique(label, s, e, text[s:e], conf, explanation(label))
                 for s, e, label, conf in self.tagger.predict(doc)]
        found += vague_authority(doc)
        found.sort(key=lambda t: (t.start, t.end))
        doc._.framing = found
        doc._.hedges = [Span.of(text, s, e) for s, e in find_hedges(doc)]
        spans = [doc.char_span(t.start, t.end, label=t.technique, alignment_mode="expand") for t in found]
        doc.spans["presslens_framing"] = [s for s in spans if s is not None]
        return doc


@Language.factory(
    "presslens_framing",
    assigns=["doc._.framing", "doc._.hedges", "doc.spans"],
    requires=["doc._.quotes"],
    default_config={"model_path": None},
)
def make_framing(nlp: Language, name: str, model_path: str | None) -> FramingComponent:
    return FramingComponent(nlp, name, model_path)
