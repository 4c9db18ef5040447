"""Assembly of attributions, in explicit stages over the pattern table's candidates.

1. candidates: every family in `patterns.PATTERNS` over one shared `Context`; one reading per
   trigger token (table order is precedence), in text order;
2. widen to quotations → 3. merge interrupted quotes → 4. quotations with their own cue and
   continuations (`quotations.py`) → 5. block quotes (`blocks.py`) → 6. remove duplicates.

Each stage returns new records and leaves the ones it was given as they were.
"""
from __future__ import annotations

from spacy.tokens import Doc

from . import blocks, quotations
from .candidates import Attribution, inside, overlap
from .context import Context
from .patterns import PATTERNS


def candidates(doc: Doc, ctx: Context) -> list[Attribution]:
    """First-pass candidates: one per trigger token, the earliest family in the table winning;
    triggered ones in text order, then those without a trigger in table order."""
    chosen: dict[int, Attribution] = {}
    untriggered: list[Attribution] = []
    for family in PATTERNS:
        for a in family.find(doc, ctx):
            if a.trigger < 0:
                untriggered.append(a)
            elif a.trigger not in chosen:
                chosen[a.trigger] = a
    return [chosen[i] for i in sorted(chosen)] + untriggered


def find_attributions(doc: Doc, ctx: Context) -> list[Attribution]:
    """All attributions in `doc`, in text order."""
    found = candidates(doc, ctx)
    found = quotations.widen_to_quotations(ctx, found)
    found = quotations.merge_interrupted(ctx, found)
    found = quotations.attribute_quotations(doc, ctx, found)
    block_quotes = blocks.find(doc, ctx, found)
    block_ranges = [(b.start, b.end) for b in block_quotes]
    found = [a for a in found if not any(a.cue and inside(a.cue, r) for r in block_ranges)] + block_quotes
    found = drop_duplicates(found)
    return sorted(found, key=lambda a: a.start)


def drop_duplicates(found: list[Attribution]) -> list[Attribution]:
    """Two attributions with the same cue, or with (nearly) the same content, are one: keep the
    longer content, then the more confident.  Nested statements by different speakers stay."""
    def cue_distance(a: Attribution) -> int:
        if a.cue is None:
            return 10_000
        return max(0, min(abs(a.cue[0] - a.end), abs(a.start - a.cue[1])))

    # the longest content first; among equal contents, the one whose cue is nearest to it
    found = sorted(found, key=lambda a: (-(a.end - a.start), cue_distance(a), -a.confidence))
    kept: list[Attribution] = []
    for a in found:
        rng = (a.start, a.end)
        duplicate = False
        for k in kept:
            ov = overlap(rng, (k.start, k.end))
            same_cue = a.cue is not None and a.cue == k.cue
            if (same_cue and ov) or (ov >= 0.8 * (rng[1] - rng[0]) and ov >= 0.8 * (k.end - k.start)):
                duplicate = True
                break
        if not duplicate:
            kept.append(a)
    return kept
