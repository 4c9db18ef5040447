"""Standalone HTML report: the article with each speaker's statements highlighted in that
speaker's colour (speaker on hover) and a side list of speakers.  All article text is escaped."""
from __future__ import annotations

from html import escape

from ..model import Analysis
from .framing import STYLE as FRAMING_STYLE, framing_aside
from .speakers import group_by_speaker
from .timeline import timeline_html

STYLE = """
body{font-family:system-ui,sans-serif;margin:0;display:flex;gap:2rem;padding:1.5rem;line-height:1.55;color:#1f2937}
main{flex:3;max-width:52rem} aside{flex:1;min-width:16rem}
p{margin:0 0 .9rem} mark{padding:0 .1rem;border-radius:.2rem}
.speaker{border-left:.4rem solid;padding:.3rem .6rem;margin:.5rem 0;background:#f9fafb}
.speaker small{color:#6b7280} .vague{font-style:italic}
table{border-collapse:collapse;font-size:.9rem} td,th{border-bottom:1px solid #e5e7eb;padding:.2rem .5rem;text-align:left}
h1{font-size:1.3rem} h2{font-size:1.05rem;margin-top:1.5rem}
"""


def highlight(text: str, marks: list[tuple[int, int, str, str]]) -> str:
    """Escape `text` and wrap each (start, end, colour, title) range in <mark>; overlaps are skipped."""
    out, pos = [], 0
    for start, end, colour, title in sorted(marks):
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark style="background:{colour}" title="{escape(title)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def paragraphs(html_text: str) -> str:
    return "".join(f"<p>{p}</p>" for p in html_text.split("\n") if p.strip())


def render_html(analysis: Analysis) -> str:
    groups = group_by_speaker(analysis)
    marks = []
    for g in groups:
        label = g.name + (f" — {g.role}" if g.role else "") + (f", {g.affiliation}" if g.affiliation else "")
        for q in g.quotes:
            for piece in q.pieces or [q.content]:
                marks.append((piece.start, piece.end, g.colour, label))
    side = []
    for g in groups:
        desc = ", ".join(x for x in (g.role, g.affiliation) if x)
        items = "".join(f"<li>{escape(q.content.text[:160])}{'…' if len(q.content.text) > 160 else ''}</li>" for q in g.quotes)
        side.append(
            f'<div class="speaker{" vague" if g.vague else ""}" style="border-color:{g.colour}">'
            f"<strong>{escape(g.name)}</strong><br><small>{escape(desc)}</small><ul>{items}</ul></div>"
        )
    title = escape(analysis.title or "presslens analysis")
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<style>{STYLE}{FRAMING_STYLE}</style></head><body><main><h1>{title}</h1>"
        f"{paragraphs(highlight(analysis.text, marks))}{timeline_html(analysis)}</main>"
        f"<aside><h2>Speakers</h2>{''.join(side)}{framing_aside(analysis)}</aside></body></html>\n"
    )
