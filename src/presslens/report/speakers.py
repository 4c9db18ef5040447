"""Group an analysis's quotes by speaker, in order of first appearance — shared by the reports."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Analysis, Quote

PALETTE = ["#fde68a", "#bfdbfe", "#bbf7d0", "#fecaca", "#ddd6fe", "#fbcfe8", "#a5f3fc", "#fed7aa", "#d9f99d", "#e5e7eb"]


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
            groups[name] = SpeakerGroup(name, q.speaker.role, q.speaker.affiliation, q.speaker.vague, PALETTE[len(groups) % len(PALETTE)])
        g = groups[name]
        g.role = g.role or q.speaker.role
        g.affiliation = g.affiliation or q.speaker.affiliation
        g.quotes.append(q)
    return list(groups.values())
