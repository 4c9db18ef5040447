"""The `presslens_attribution` spaCy component: finds attributions and writes `doc._.quotes`.

Also stores the quote contents in `doc.spans["presslens_quotes"]` (label: the quote kind) so
the results can be used with displaCy and other spaCy tooling.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (declares Doc._ attributes)
from ..doccache import doc_text
from ..model import Quote, Span, Speaker
from .assembly import find_attributions
from .context import Context
from .lexicon import FIRST_PERSON
from .patterns.speaker_labels import NAME as LABEL_PATTERN
from .quotemarks import find_marked_quotes
from .speakers import SpeakerResolver

QUOTE_CHARS = "“”\"„«»'‘’`"


def quote_kind(text: str, pieces: list[tuple[int, int]], marked: list[tuple[int, int]]) -> str:
    """direct: the content is all inside quotation marks; mixed: partly; indirect: not at all."""
    total = sum(e - s for s, e in pieces)
    covered = 0
    for s, e in pieces:
        for ms, me in marked:
            covered += max(0, min(e, me) - max(s, ms))
    if total and covered >= 0.9 * total:
        return "direct"
    return "mixed" if covered else "indirect"


class AttributionComponent:
    """Finds direct, indirect, mixed and block quotes and resolves their speakers."""

    def __init__(self, nlp: Language, name: str, include_beliefs: bool):
        self.name = name
        self.include_beliefs = include_beliefs

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        quotations = find_marked_quotes(text)
        attributions = [a for a in find_attributions(doc, Context(doc, quotations)) if self.include_beliefs or not a.belief]
        marked = [(q.start, q.end) for q in quotations]
        resolver = SpeakerResolver(doc, marked)
        quotes: list[Quote] = []
        spans = []
        resolved = [resolver.principal_speaker() if a.principal else resolver.resolve(a.speaker, (a.start, a.end))
                    for a in attributions]
        turns = [(a.start, a.end, r) for a, r in zip(attributions, resolved) if a.pattern == LABEL_PATTERN and r.name]
        for a, r in zip(attributions, resolved):
            if a.speaker is not None and len(a.speaker) == 1 and a.speaker[0].lower_ in FIRST_PERSON:
                # "Vladimir Putin: … I want to thank you …": first person inside a transcript turn is its speaker's
                turn = next((t for s, e, t in turns if s <= a.start and a.end <= e), None)
                if turn is not None:
                    r.name, r.role, r.affiliation, r.kind, r.vague, r.resolved = (
                        turn.name, turn.role, turn.affiliation, turn.kind, turn.vague, turn.resolved)
        for a, r in zip(attributions, resolved):
            if a.pattern in ("continuation", "block") and r.name and r.mention:
                # a quote carried over from an earlier paragraph: point at the speaker's latest mention
                latest = resolver.latest_mention(r.name, a.start)
                if latest and latest[0] > r.mention[0]:
                    r.mention = latest
            speaker = Speaker(
                name=r.name,
                mention=Span.of(text, *r.mention) if r.mention else None,
                role=r.role,
                affiliation=r.affiliation,
                vague=r.vague,
                resolved=r.resolved,
                co_speakers=list(r.co_speakers),
            )
            pieces = [Span.of(text, s, e) for s, e in a.content]
            # an unmarked block of first-person speech is verbatim: a direct quote
            kind = "direct" if a.pattern == "block" else quote_kind(text, a.content, marked)
            confidence = round(a.confidence * (0.7 if r.name is None else 1.0), 2)
            quotes.append(Quote(
                kind=kind,
                content=Span.of(text, a.start, a.end),
                cue=Span.of(text, *a.cue) if a.cue else None,
                speaker=speaker,
                channel=a.channel,
                confidence=confidence,
                pieces=pieces if len(pieces) > 1 else [],
            ))
            span = doc.char_span(a.start, a.end, label=kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc._.attributions = attributions
        doc._.quotes = quotes
        doc.spans["presslens_quotes"] = spans
        return doc


@Language.factory(
    "presslens_attribution",
    assigns=["doc._.quotes", "doc._.attributions", "doc.spans"],
    default_config={"include_beliefs": False},
)
def make_attribution(nlp: Language, name: str, include_beliefs: bool) -> AttributionComponent:
    return AttributionComponent(nlp, name, include_beliefs)
