"""Vega-Lite chart specs for the corpus pages, built with altair from query rows.

Each function returns a plain dict (the spec with its data inline) that a page embeds as
JSON and `static/app.js` renders with the locally served vega-embed.
"""
from __future__ import annotations

from typing import Any

import altair as alt

WIDTH = "container"


def speaker_timeline(quotes: list[dict[str, Any]]) -> dict:
    """A speaker's statements per day, coloured by outlet."""
    rows = [{"published": q["published"], "outlet": q["outlet"] or "(unknown outlet)", "kind": q["kind"]}
            for q in quotes if q.get("published")]
    return (alt.Chart(alt.Data(values=rows), title="Statements over time, by outlet")
            .mark_bar(size=14)
            .encode(x=alt.X("yearmonthdate(published):T", title="published"),
                    y=alt.Y("count():Q", title="statements"),
                    color=alt.Color("outlet:N", title="outlet"),
                    tooltip=["yearmonthdate(published):T", "outlet:N", "count():Q"])
            .properties(width=WIDTH, height=220).to_dict())


def speaker_outlets(quotes: list[dict[str, Any]]) -> dict:
    """How many of a speaker's statements each outlet carries, by kind of quote."""
    rows = [{"outlet": q["outlet"] or "(unknown outlet)", "kind": q["kind"]} for q in quotes]
    return (alt.Chart(alt.Data(values=rows), title="Statements by outlet")
            .mark_bar()
            .encode(y=alt.Y("outlet:N", title=None, sort="-x"), x=alt.X("count():Q", title="statements"),
                    color=alt.Color("kind:N", title="kind"), tooltip=["outlet:N", "kind:N", "count():Q"])
            .properties(width=WIDTH).to_dict())


def event_timeline(events: list[dict[str, Any]]) -> dict:
    """Events on a time line: one row per event type, coloured by who asserts them."""
    rows = [{"date": (e["date"] or e["published"])[:10], "type": e["type"], "asserted_by": e["asserted_by"] or "author",
             "actor": e["actor"], "target": e["target"], "location": e["location"], "outlet": e["outlet"]}
            for e in events if e.get("date") or e.get("published")]
    return (alt.Chart(alt.Data(values=rows), title="Events by date")
            .mark_circle(size=90, opacity=0.8)
            .encode(x=alt.X("date:T", title="date"), y=alt.Y("type:N", title=None),
                    color=alt.Color("asserted_by:N", title="asserted by"),
                    tooltip=["date:T", "type:N", "actor:N", "target:N", "location:N", "asserted_by:N", "outlet:N"])
            .properties(width=WIDTH, height=alt.Step(28)).to_dict())


def outlet_shares(outlets: list[dict[str, Any]]) -> dict:
    """Per outlet, the share of quotes from vague sources and of claims with no source."""
    rows = []
    for o in outlets:
        name = o["outlet"] or "(unknown outlet)"
        rows.append({"outlet": name, "measure": "quotes from vague sources", "share": o["vague_share"]})
        rows.append({"outlet": name, "measure": "unattributed claims", "share": o["unattributed_share"]})
    return (alt.Chart(alt.Data(values=rows), title="Vague sources and unattributed claims")
            .mark_bar()
            .encode(y=alt.Y("outlet:N", title=None), yOffset="measure:N",
                    x=alt.X("share:Q", title="share", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
                    color=alt.Color("measure:N", title=None),
                    tooltip=["outlet:N", "measure:N", alt.Tooltip("share:Q", format=".1%")])
            .properties(width=WIDTH).to_dict())
