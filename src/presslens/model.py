"""The analysis record: one versioned, JSON-serialisable schema for everything presslens finds.

Annotators write these records onto the spaCy Doc; `presslens.convert` assembles them into
an `Analysis`, the only thing that crosses from the NLP side to sinks (JSON, store, reports).
Field names follow the output contract in DESIGN.md; `SCHEMA` is bumped when a name or a
meaning changes.  Character offsets are Python `str` indices into the cleaned article text.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA = "presslens.analysis/1"


@dataclass(frozen=True)
class Span:
    """A stretch of the article text, `text == article[start:end]`."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, article: str, start: int, end: int) -> "Span":
        return cls(start, end, article[start:end])


@dataclass
class Speaker:
    name: str | None
    mention: Span | None = None
    role: str | None = None
    affiliation: str | None = None
    vague: bool = False
    entity_id: str | None = None
    resolved: bool = True  # False: a description ("the ambassador") that fits no one named in the article
    co_speakers: list[str] = field(default_factory=list)  # "the parties", "both leaders": the others


@dataclass
class Quote:
    kind: str  # direct | indirect | mixed
    content: Span
    cue: Span | None
    speaker: Speaker
    channel: str | None = None
    confidence: float = 0.5
    pieces: list[Span] = field(default_factory=list)  # fragments of an interrupted quote


@dataclass
class Entity:
    id: str
    name: str
    type: str
    mentions: list[Span] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None
    country: str | None = None  # ISO-3, PLOVER/CAMEO style actor code part
    sector: str | None = None  # GOV, MIL, MED, ...
    place: dict[str, Any] | None = None  # geocoding result for places


@dataclass
class TimeExpression:
    start: int
    end: int
    text: str
    value: str | None
    granularity: str | None = None  # day | week | month | year | relative
    relative: bool = False
    readable: str | None = None  # words for a relative value: "the day before publication"
    underspecified: str | None = None  # the form before a reading was chosen: "XXXX-01-09"
    reason: str | None = None  # why that reading: "no year: future tense, the future reading (…)"


@dataclass
class Event:
    type: str
    actor: str | None
    target: str | None
    location: str | None
    date: str | None
    evidence: Span
    asserted_by: str = "author"
    confidence: float = 0.5
    date_source: str | None = None  # clause | sentence | after | antecedent | coreference | statement | dateline | "undated: why"
    modality: str = "asserted"  # asserted | hedged | hypothetical | negated | intended
    trigger: Span | None = None
    actor_code: str | None = None
    target_code: str | None = None
    place: dict[str, Any] | None = None
    mention: str | None = None  # None: the act the text reports; "referred": an act another event names
    governed_by: int | None = None  # a referred event: the index (in `events`) of the event that names it


@dataclass
class Technique:
    technique: str
    start: int
    end: int
    text: str
    confidence: float
    explanation: str


@dataclass
class Claim:
    start: int
    end: int
    text: str
    attribution: str  # quoted | vague | unattributed
    speaker: str | None = None
    stance: str | None = None  # fact | opinion | prediction


@dataclass
class Analysis:
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = "en"
    id: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    time_expressions: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    framing: list[Technique] = field(default_factory=list)
    hedges: list[Span] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        ordered = {"schema": data.pop("schema")}
        if data.get("id") is None:
            data.pop("id")
        ordered.update(data)
        return ordered


# --- back from JSON: the stored `details` of a record (what `asdict` wrote) to the dataclass -------

def from_dict(cls, record: dict[str, Any]):
    """A flat record class (`TimeExpression`, `Technique`, `Entity` …) from its dict; unknown keys are dropped."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in record.items() if k in names})


def span_from_dict(record: dict | None) -> Span | None:
    return None if not record else Span(record["start"], record["end"], record["text"])


def quote_from_dict(record: dict[str, Any]) -> Quote:
    speaker = dict(record.get("speaker") or {})
    speaker["mention"] = span_from_dict(speaker.get("mention"))
    return Quote(kind=record.get("kind", "direct"), content=span_from_dict(record["content"]),
                 cue=span_from_dict(record.get("cue")), speaker=from_dict(Speaker, {"name": None, **speaker}),
                 channel=record.get("channel"), confidence=record.get("confidence", 0.5),
                 pieces=[span_from_dict(p) for p in record.get("pieces") or []])


def event_from_dict(record: dict[str, Any]) -> Event:
    return from_dict(Event, {**record, "evidence": span_from_dict(record["evidence"]),
                             "trigger": span_from_dict(record.get("trigger"))})

