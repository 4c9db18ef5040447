"""The Analyze page's article view: escaped paragraphs with speakers' statements highlighted.

Three layers over the text: statements (one `<mark>` per quote piece, in the speaker's colour
from `presslens.report.speakers`, name and role in the tooltip); inside them framing techniques
(underlined) and time expressions (dotted, resolved date in the tooltip); innermost, hedges
(italic, dashed box).  The page's legend names each.  Ranges are clipped to paragraphs and to
the enclosing layer's ranges so the HTML always nests; every piece of article text passes
through `html.escape`.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from ..model import Analysis
from ..report.speakers import SpeakerGroup, group_by_speaker


@dataclass(frozen=True)
class Range:
    start: int
    end: int
    tag: str  # "mark" or "span"
    attrs: str  # already escaped attributes


def speaker_label(g: SpeakerGroup) -> str:
    return g.name + (f" — {g.role}" if g.role else "") + (f", {g.affiliation}" if g.affiliation else "")


def _attr(name: str, value: str) -> str:
    return f'{name}="{escape(value, quote=True)}"'


def layers(analysis: Analysis, groups: list[SpeakerGroup]) -> tuple[list[Range], list[Range], list[Range]]:
    outer = []
    for index, g in enumerate(groups):
        attrs = " ".join([_attr("class", "q"), _attr("style", f"background:{g.colour}"), _attr("title", speaker_label(g)),
                          _attr("data-speaker", g.name), _attr("data-speaker-index", str(index))])
        for q in g.quotes:
            for piece in q.pieces or [q.content]:
                outer.append(Range(piece.start, piece.end, "mark", attrs + " " + _attr("data-kind", q.kind)))
    inner = [Range(f.start, f.end, "span", " ".join([_attr("class", "framing"), _attr("data-technique", f.technique),
                                                       _attr("title", f"{f.technique.replace('_', ' ')}: {f.explanation}")]))
             for f in analysis.framing]
    inner += [Range(t.start, t.end, "span", " ".join([_attr("class", "time"), _attr("title", f"= {t.value or 'unresolved'}")]))
              for t in analysis.time_expressions]
    hedges = [Range(h.start, h.end, "span", " ".join([_attr("class", "hedge"), _attr("title", "hedge: the claim is softened")]))
              for h in analysis.hedges]
    return outer, inner, hedges


def _wrap(text: str, start: int, end: int, ranges: list[Range], inside) -> str:
    """Escaped text[start:end] with each non-overlapping range (clipped) wrapped; `inside` renders range bodies."""
    out, pos = [], start
    for r in sorted(ranges, key=lambda r: (r.start, -r.end)):
        s, e = max(r.start, start), min(r.end, end)
        if e <= s or s < pos:
            continue
        out.append(inside(pos, s, plain=True))
        out.append(f"<{r.tag} {r.attrs}>{inside(s, e, plain=False)}</{r.tag}>")
        pos = e
    out.append(inside(pos, end, plain=True))
    return "".join(out)


def article_html(analysis: Analysis, groups: list[SpeakerGroup] | None = None) -> Markup:
    """The article as `<p>` paragraphs with both layers, safe to insert into a template."""
    text = analysis.text
    outer, inner, hedges = layers(analysis, groups if groups is not None else group_by_speaker(analysis))

    def hedge_layer(a: int, b: int, plain: bool = True) -> str:
        return _wrap(text, a, b, hedges, lambda s, e, plain: escape(text[s:e]))

    def inner_layer(a: int, b: int, plain: bool = True) -> str:
        return _wrap(text, a, b, inner, hedge_layer)

    paragraphs, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            paragraphs.append(f"<p>{_wrap(text, start, end, outer, inner_layer)}</p>")
        start = end + 1
    return Markup("".join(paragraphs))
