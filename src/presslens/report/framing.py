"""Framing in the reports: persuasion techniques, hedges, and the claims the author makes
without a source — a rich table for the terminal and a side block for HTML (technique explained on hover)."""
from __future__ import annotations

from html import escape

from rich.table import Table

from ..model import Analysis


def framing_table(analysis: Analysis) -> Table | None:
    """Terminal section: each technique span, then the unsourced claims."""
    unsourced = [c for c in analysis.claims if c.attribution == "unattributed"]
    if not (analysis.framing or analysis.hedges or unsourced):
        return None
    table = Table(show_header=True, header_style="bold")
    table.add_column("what")
    table.add_column("text")
    table.add_column("why")
    for t in analysis.framing:
        table.add_row(t.technique, t.text[:120], f"{t.explanation} ({t.confidence:.2f})")
    if analysis.hedges:
        table.add_row("hedges", ", ".join(h.text for h in analysis.hedges), "words that soften commitment to a claim")
    for c in unsourced:
        table.add_row("claim without a source", c.text[:160], c.stance or "")
    return table


def framing_aside(analysis: Analysis) -> str:
    """HTML side block: techniques with their explanation, hedges, and claims without a source."""
    items = "".join(f'<li><span class="technique" title="{escape(t.explanation)}">{escape(t.text[:100])}</span> '
                    f"<small>{escape(t.technique)}</small></li>" for t in analysis.framing)
    hedges = ", ".join(f"<mark class='hedge'>{escape(h.text)}</mark>" for h in analysis.hedges)
    claims = "".join(f"<li>{escape(c.text)} <small>{escape(c.stance or '')}</small></li>"
                     for c in analysis.claims if c.attribution == "unattributed")
    return (f"<h2>Persuasion techniques</h2><ul>{items}</ul>"
            + (f"<h2>Hedges</h2><p>{hedges}</p>" if hedges else "")
            + f"<h2>Claims without a source</h2><ul>{claims}</ul>")


STYLE = ".technique{text-decoration:underline wavy #dc2626;text-underline-offset:.2rem} mark.hedge{background:#fef3c7}"
