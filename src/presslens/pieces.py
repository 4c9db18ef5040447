"""Long articles in pieces: one limit rule for any text the size limit lets in.

spaCy refuses a Doc over `nlp.max_length` (1,000,000 characters) and its memory grows with
the Doc, while presslens accepts up to `--max-bytes` (2,000,000 bytes by default, and more
when raised).  So a text longer than `PIECE_CHARS` is cut at paragraph boundaries (a blank
line, else a line break, else a sentence end, else a space) into pieces of at most that
length; each piece is parsed and annotated alone, one at a time, so memory stays bounded by
one piece; and the pieces' analyses are merged with every offset shifted back into the
whole text.  Entities with the same name and type in several pieces become one entity.
What a piece cannot see is what lies in another: a pronoun or a surname is resolved within
its piece only.  Articles up to `PIECE_CHARS` — all real news — are analysed whole.
"""
from __future__ import annotations

import re
from dataclasses import fields, is_dataclass, replace
from typing import Any

from .model import Analysis, Entity, Span

PIECE_CHARS = 100_000

# where a piece may end, best first: after a blank line, a line break, a sentence end, a space
_BOUNDARIES = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)]?\s"), re.compile(r"\s"))


def boundaries(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """`(start, end)` of each piece of `text`, in order, each at most `limit` characters."""
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start + limit // 2:start + limit]
        cut = start + limit
        for pattern in _BOUNDARIES:
            ends = [m.end() for m in pattern.finditer(window)]
            if ends:
                cut = start + limit // 2 + ends[-1]
                break
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces


def _shift(value: Any, offset: int) -> Any:
    """`value` with every offset in it (Span, or a record's own start/end) moved by `offset`."""
    if isinstance(value, list):
        return [_shift(v, offset) for v in value]
    if isinstance(value, Span):
        return Span(value.start + offset, value.end + offset, value.text)
    if not is_dataclass(value):
        return value
    changes = {f.name: _shift(getattr(value, f.name), offset) for f in fields(value)
               if f.name not in ("start", "end")}
    if hasattr(value, "start") and isinstance(value.start, int):
        changes.update(start=value.start + offset, end=value.end + offset)
    return replace(value, **changes)


def merge(text: str, parts: list[tuple[int, Analysis]], template: Analysis) -> Analysis:
    """One `Analysis` of `text` from `(offset, analysis of the piece at offset)` pairs.

    `template` gives the article's metadata (id, title, …).
    """
    merged = replace(template, text=text, quotes=[], entities=[], time_expressions=[], events=[], framing=[],
                     hedges=[], claims=[], errors=[])
    by_key: dict[tuple[str, str], Entity] = {}
    for offset, part in parts:
        part = _shift(part, offset)
        renamed: dict[str, str] = {}
        for entity in part.entities:
            same = by_key.get((entity.name, entity.type))
            if same is None:
                same = by_key[(entity.name, entity.type)] = replace(entity, id=f"E{len(by_key) + 1}")
                merged.entities.append(same)
            else:
                same.mentions.extend(entity.mentions)
            renamed[entity.id] = same.id
        for quote in part.quotes:
            if quote.speaker.entity_id is not None:
                quote.speaker.entity_id = renamed.get(quote.speaker.entity_id)
        for event in part.events:  # a referred event's governor, by its index in the merged list
            if event.governed_by is not None:
                event.governed_by += len(merged.events)
        for name in ("quotes", "time_expressions", "events", "framing", "hedges", "claims", "errors"):
            getattr(merged, name).extend(getattr(part, name))
    return merged
