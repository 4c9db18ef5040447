"""What happened, for the reports: a timeline of events and the resolved time expressions,
as a rich table (terminal), an HTML section, and GDELT/ACLED-like CSV rows.  A referred event (an
act named inside another event) is listed under the event that names it, marked "↳ … (referred)"."""
from __future__ import annotations

import csv
import io
from html import escape

from rich.table import Table

from ..model import Analysis, Event
from ..time import HINT, readable

CSV_COLUMNS = ["article_id", "event_date", "date_source", "event_type", "actor", "actor_code", "target", "target_code",
               "location", "country_code", "admin1", "latitude", "longitude", "asserted_by", "modality", "confidence",
               "evidence", "evidence_start", "evidence_end", "outlet", "url", "published", "mention"]


def ordered(events: list[Event]) -> list[Event]:
    """Events by date (undated last), then by position in the text; a referred event right after the
    event that names it (one with no governing event in its own place)."""
    key = lambda e: (e.date is None, e.date or "", e.evidence.start)  # noqa: E731
    named: dict[int, list[Event]] = {}
    for e in events:
        if e.mention == "referred" and e.governed_by is not None and 0 <= e.governed_by < len(events):
            named.setdefault(e.governed_by, []).append(e)
    nested = {id(e) for group in named.values() for e in group}
    out: list[Event] = []

    def place(e: Event, depth: int = 0) -> None:
        out.append(e)
        for child in sorted(named.get(index[id(e)], []), key=key) if depth < 8 else []:
            place(child, depth + 1)

    index = {id(e): n for n, e in enumerate(events)}
    for e in sorted((e for e in events if id(e) not in nested), key=key):
        place(e)
    return out


def type_label(e: Event) -> str:
    """'ASSAULT', 'ASSAULT [negated]', '↳ SUPPORT (referred)'."""
    label = e.type + ("" if e.modality == "asserted" else f" [{e.modality}]")
    return f"↳ {label} (referred)" if e.mention == "referred" else label


def timeline_table(analysis: Analysis) -> Table | None:
    if not analysis.events:
        return None
    table = Table(show_lines=False)
    for col in ("date", "type", "actor → target", "place", "asserted by"):
        table.add_column(col)
    for e in ordered(analysis.events):
        date = readable(e.date) or e.date or "?"
        table.add_row(date, type_label(e),
                      f"{e.actor or '?'} → {e.target or '—'}", e.location or "", e.asserted_by)
    return table


def time_table(analysis: Analysis) -> Table | None:
    if not analysis.time_expressions:
        return None
    table = Table()
    table.add_column("expression")
    table.add_column("resolved")
    for t in analysis.time_expressions:
        table.add_row(t.text, (t.readable or t.value or "?") if t.relative else (t.value or "?"))
    if any(t.relative for t in analysis.time_expressions):
        table.caption = HINT
    return table


def timeline_html(analysis: Analysis) -> str:
    if not analysis.events and not analysis.time_expressions:
        return ""
    rows = "".join(
        f"<tr><td>{escape(readable(e.date) or e.date or '?')}</td><td>{escape(type_label(e))}</td><td>{escape(e.actor or '?')} → {escape(e.target or '—')}</td>"
        f"<td>{escape(e.location or '')}</td><td>{escape(e.asserted_by)}</td><td>{escape(e.modality)}</td></tr>"
        for e in ordered(analysis.events))
    times = "".join(f"<li>{escape(t.text)} → <strong>{escape((t.readable if t.relative else None) or t.value or '?')}</strong></li>"
                    for t in analysis.time_expressions)
    if any(t.relative for t in analysis.time_expressions):
        times += f"<li><em>{escape(HINT)}</em></li>"
    return ("<h2>Timeline</h2><table><tr><th>date</th><th>type</th><th>actor → target</th><th>place</th>"
            f"<th>asserted by</th><th>modality</th></tr>{rows}</table><h2>Dates</h2><ul>{times}</ul>")


def events_csv(analysis: Analysis) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in ordered(analysis.events):
        place = e.place or {}
        writer.writerow({
            "article_id": analysis.id, "event_date": e.date, "date_source": e.date_source, "event_type": e.type,
            "actor": e.actor, "actor_code": e.actor_code, "target": e.target, "target_code": e.target_code,
            "location": e.location, "country_code": place.get("country_code"), "admin1": place.get("admin1"),
            "latitude": place.get("lat"), "longitude": place.get("lon"), "asserted_by": e.asserted_by,
            "modality": e.modality, "confidence": e.confidence, "evidence": e.evidence.text,
            "evidence_start": e.evidence.start, "evidence_end": e.evidence.end, "outlet": analysis.outlet,
            "url": analysis.url, "published": analysis.published, "mention": e.mention or "",
        })
    return out.getvalue()
