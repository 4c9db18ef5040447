"""Terminal report (rich): each speaker with role and affiliation, then their statements.

`print_report` prints onto a given console (on a terminal: colour and its width);
`render_text` returns the same report as plain text, printing nothing.
"""
from __future__ import annotations

import io

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from ..model import Analysis
from .framing import framing_table
from .speakers import group_by_speaker
from .timeline import time_table, timeline_table


def render_text(analysis: Analysis, width: int = 100) -> str:
    """The report as plain text `width` columns wide."""
    console = Console(file=io.StringIO(), record=True, width=width, force_terminal=False, color_system=None)
    print_report(analysis, console)
    return console.export_text()


def print_report(analysis: Analysis, console: Console) -> None:
    """Print the report onto `console`."""
    title = analysis.title or "Article"
    meta = ", ".join(x for x in (analysis.outlet, analysis.published) if x)
    console.print(Text(f"{title}" + (f" ({meta})" if meta else ""), style="bold"))
    groups = group_by_speaker(analysis)
    console.print(f"{len(analysis.quotes)} statements from {len(groups)} sources\n")
    for g in groups:
        who = Text(g.name, style="bold")
        desc = ", ".join(x for x in (g.role, g.affiliation) if x)
        if desc:
            who.append(f" — {desc}")
        if g.vague:
            who.append("  [vague source]", style="italic")
        lines = Text()
        for q in g.quotes:
            cue = f" ({q.cue.text})" if q.cue else ""
            via = f" via {q.channel}" if q.channel else ""
            lines.append(f"• {q.kind}{cue}{via}: ", style="dim")
            lines.append(q.content.text.replace("\n", " ") + "\n")
        console.print(Panel(lines, title=who, title_align="left"))
    for section, render in SECTIONS:
        block = render(analysis)
        if block:
            console.print(Text(section, style="bold underline"))
            console.print(block)
    if analysis.errors:
        console.print(Text("Errors: " + "; ".join(analysis.errors), style="red"))


# Further report sections: (title, function returning a rich renderable or None).
SECTIONS: list = [("How it is framed", framing_table), ("Timeline of events", timeline_table), ("Dates", time_table)]
