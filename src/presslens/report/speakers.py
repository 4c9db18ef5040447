"""Group an analysis's quotes by speaker, in order of first appearance — shared by the reports."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Analysis, Quote

PALETTE = ["#fde68a", "#bfdbfe", "#bbf7d0", "#fecaca", "#ddd6fe", "#fbcfe8", "#a5f3fc", "#fed7aa", "#d9f99d", "#e5e7eb"]
GOLDEN_ANGLE = 137.50776405  # degrees: successive hues never coincide and stay far apart


def speaker_colour(index: int) -> str:
    """A light background colour for the `index`-th speaker: the palette, then golden-angle hues (no repeats)."""
    if index < len(PALETTE):
        return PALETTE[index]
    extra = index - len(PALETTE)
    hue = (extra * GOLDEN_ANGLE) % 360
    lightness = (84, 76, 90)[extra % 3]
    return f"hsl({hue:.1f}, 75%, {lightness}%)"


@dataclass
class SpeakerGroup:
    name: str
    role: str | None
    affiliation: str | None
    vague: bool
    colour: str
    quotes: list[Quote] = field(default_factory=list)


def group_by_speaker(analysis: Analysis) -> list[SpeakerGroup]:
    groups: dict[str, SpeakerGroup] = {}
    for q in analysis.quotes:
        name = q.speaker.name or "(unknown speaker)"
        if name not in groups:
            groups[name] = SpeakerGroup(name, q.speaker.role, q.speaker.affiliation, q.speaker.vague, speaker_colour(len(groups)))
        g = groups[name]
        g.role = g.role or q.speaker.role
        g.affiliation = g.affiliation or q.speaker.affiliation
        g.quotes.append(q)
    return list(groups.values())
