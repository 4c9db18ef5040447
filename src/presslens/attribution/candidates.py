"""The attribution candidate record and the character-span arithmetic every pattern shares."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .lexicon import CONTENT_LEADS


@dataclass
class Attribution:
    """One statement: content pieces (char offsets), cue span, and the speaker's tokens."""

    content: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker: Span | None
    channel: str | None = None
    pattern: str = "cue-verb"
    confidence: float = 0.8
    belief: bool = False
    paragraph: int = -1
    extra: dict = field(default_factory=dict)
    trigger: int = -1  # index of the token that triggered the pattern: one reading per trigger
    principal: bool = False  # the speaker is the document's principal ("It was noted that …" in a readout)

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


_TRIM = " \t\n\r,;:—–-"
_TRIM_END = _TRIM + "."


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink (start, end) past whitespace and clause punctuation, and a leading 'that'."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    for lead in CONTENT_LEADS:
        for form in (lead + " ", lead.capitalize() + " "):
            if text.startswith(form, start):
                start += len(form)
    return start, end


def token_range(tokens) -> tuple[int, int]:
    tokens = list(tokens)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def inside(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def sentence_of(doc: Doc, char: int) -> Span | None:
    tok = doc.char_span(char, char + 1, alignment_mode="expand")
    return tok.sent if tok is not None and len(tok) else None


def paragraph_index(bounds: list[tuple[int, int]], char: int) -> int:
    for i, (s, e) in enumerate(bounds):
        if s <= char < e:
            return i
    return -1
