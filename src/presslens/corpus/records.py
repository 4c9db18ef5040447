"""The corpus layer's records: what `presslens.corpus.link` gives back, JSON-ready.

A `Story` is one real event told by several articles (`Report`s); a `Statement` is one thing
a person or body said, carried by several articles (`Appearance`s); an `Identity` is one person
or body across the corpus.  Spans are the article's own character offsets (`model.Span`).
Field names follow issue 13's JSON shapes; `to_dict()` gives exactly those shapes.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..model import Span


@dataclass
class Identity:
    """One person or body across the corpus: the longest name seen, every alias, roles, affiliation."""

    id: str
    name: str
    kind: str  # person | body
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """`asdict(self)`, built directly: a store writes every identity after each linking batch."""
        return {**self.__dict__, "aliases": list(self.aliases), "roles": list(self.roles)}


@dataclass
class Report:
    """One article's telling of a story: one of its events, who asserts it and how."""

    doc_id: str
    event_index: int
    outlet: str | None
    published: str | None
    evidence: Span
    asserted_by: str  # the speaker's corpus name, or the outlet when the article asserts it itself
    modality: str  # asserted | negated | hedged | hypothetical | … (the event's), or "denied"
    asserted_by_id: str | None = None  # corpus identity of the asserter
    date: str | None = None  # the event's day (its own date, else the article's)
    actor: str | None = None
    target: str | None = None
    place: str | None = None
    numbers: list[list[Any]] = field(default_factory=list)  # [value, unit] read from the evidence
    relayed_from: str | None = None  # the medium or outlet this report relays ("told TASS", "according to Reuters")
    stance: str = "asserts"  # asserts | denies | hedges | speculates (presslens.corpus.corroboration)
    actor_country: str | None = None  # country part of the event's actor code, for actor conflicts
    target_country: str | None = None
    source: str | None = None  # whom the report speaks for: the asserter, the denier, or the medium relayed
    source_id: str | None = None  # that source's corpus identity, when it has one

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc_id, self.event_index)

    def to_dict(self) -> dict[str, Any]:
        """`asdict(self)`, built directly: a store writes every report of every story it touches."""
        data = dict(self.__dict__)
        data["evidence"] = _span_dict(self.evidence)
        data["numbers"] = [list(pair) for pair in self.numbers]
        return data


@dataclass
class Conflict:
    """Two reports of one story that cannot both be right, and why."""

    kind: str  # denial | number | actor
    a: Report
    b: Report
    why: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "a": self.a.to_dict(), "b": self.b.to_dict(), "why": self.why}


@dataclass
class Story:
    """One real event across articles, with who asserts it, who denies it, who only relays it."""

    id: str
    type: str
    date: str | None
    place: str | None
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    asserted_by: list[str] = field(default_factory=list)  # independent asserters
    denied_by: list[str] = field(default_factory=list)
    relays: list[dict[str, Any]] = field(default_factory=list)  # {"doc_id", "outlet", "relays"}
    conflicts: list[Conflict] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "date": self.date, "place": self.place, "actors": self.actors,
                "targets": self.targets, "reports": [r.to_dict() for r in self.reports],
                "asserted_by": self.asserted_by, "denied_by": self.denied_by, "relays": self.relays,
                "conflicts": [c.to_dict() for c in self.conflicts]}


@dataclass
class Appearance:
    """One article carrying a statement: one of its quotations, or a passage of the speaker's own text."""

    doc_id: str
    quote_index: int | None  # None for a passage of the speaker's own text (kind "own_text")
    outlet: str | None
    published: str | None
    kind: str  # the quote's kind: direct | indirect | mixed; or own_text (a speech released as an article)
    relayed_by: str | None = None  # the medium named as carrying it ("told TASS"), if any
    match: str = "first"  # first | identical | near | reworded — how it joined the statement
    content: Span | None = None  # the quotation's content, or the own-text passage

    @property
    def key(self) -> tuple[str, int | None]:
        return (self.doc_id, self.quote_index)

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["content"] = _span_dict(self.content)
        return data


def _span_dict(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


@dataclass
class Statement:
    """One thing a person or body said, with every article that carried it, earliest first."""

    id: str
    speaker: str | None
    text: str
    first_seen: str | None
    appearances: list[Appearance] = field(default_factory=list)
    speaker_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "speaker": self.speaker, "speaker_id": self.speaker_id, "text": self.text,
                "first_seen": self.first_seen, "appearances": [a.to_dict() for a in self.appearances]}


@dataclass
class Links:
    """Everything `link()` found: stories, statements and the identities they name."""

    stories: list[Story] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    identities: list[Identity] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"stories": [s.to_dict() for s in self.stories], "statements": [s.to_dict() for s in self.statements],
                "identities": [i.to_dict() for i in self.identities]}
