"""Link the Parquet that `presslens run` wrote, on the same Dask cluster: a groupby on blocking keys.

    with dask_client("local") as client:
        summary = link_parquet("out/", client=client)

Events are grouped by their PLOVER type — the first blocking key: events of different types
never share a story — and quotations by their speaker's surname (or body name), since a
statement only links quotations of one speaker; each group is linked by a `Linker` of its own
on a worker (`dask.bag` groupby, a shuffle), so the work spreads with the groups.  The results
are written next to the analysis as `OUTPUT/stories`, `OUTPUT/story_reports`,
`OUTPUT/statements` and `OUTPUT/statement_appearances` (one Parquet file per group), replacing an
earlier linking.  Within a group everything is as in the store; what a per-type grouping cannot
see is a denial typed REJECT joining a story of another type, which the store's incremental
linking does catch; nor does a group carry the articles' texts, so a statement's appearances in
the speaker's own text (`own_text`, found by the store's and `presslens.corpus.link`'s scan of
article texts) are left to those.
"""
from __future__ import annotations

import hashlib
import json
import posixpath
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .corpus import LinkInput, Linker
from .corpus.identities import name_key
from .model import Analysis, Event, Quote, Span, Speaker

LINK_TABLES = ("stories", "story_reports", "statements", "statement_appearances")
EVENT_COLUMNS = ["article_id", "position", "type", "actor", "target", "location", "date", "evidence_start",
                 "evidence_end", "evidence", "asserted_by", "modality", "actor_code", "place"]
QUOTE_COLUMNS = ["article_id", "position", "kind", "content_start", "content_end", "content", "speaker",
                 "speaker_role", "speaker_affiliation", "speaker_vague", "channel"]
SCHEMAS = {
    "stories": pa.schema([("id", pa.string()), ("type", pa.string()), ("date", pa.string()), ("place", pa.string()),
                          ("reports", pa.int64()), ("asserted_by", pa.string()), ("denied_by", pa.string()),
                          ("relays", pa.string()), ("conflicts", pa.string())]),
    "story_reports": pa.schema([("story_id", pa.string()), ("article_id", pa.string()), ("position", pa.int64()),
                                ("outlet", pa.string()), ("published", pa.string()), ("asserted_by", pa.string()),
                                ("source", pa.string()), ("stance", pa.string())]),
    "statements": pa.schema([("id", pa.string()), ("speaker", pa.string()), ("text", pa.string()),
                             ("first_seen", pa.string()), ("appearances", pa.int64())]),
    "statement_appearances": pa.schema([("statement_id", pa.string()), ("article_id", pa.string()),
                                        ("position", pa.int64()), ("outlet", pa.string()), ("published", pa.string()),
                                        ("kind", pa.string()), ("relayed_by", pa.string()), ("match", pa.string())]),
}


@dataclass
class LinkSummary:
    groups: int
    stories: int
    linked_stories: int  # told by more than one report
    statements: int
    linked_statements: int  # carried by more than one article


def _files(fs, root: str, table: str) -> list[str]:
    return sorted(fs.glob(posixpath.join(root, table, "**", "*.parquet")))


def _read(fs, path: str, columns: list[str]) -> list[dict]:
    with fs.open(path, "rb") as fh:
        return pq.read_table(fh, columns=columns).to_pylist()


def speaker_group(name: str | None, vague: bool) -> str:
    """The groupby key of a quotation: its speaker's surname or body name ("" for unnamed speakers)."""
    key = None if vague or not name else name_key(name)
    return key.last if key else ""


def _inputs(rows: list[dict], articles: dict[str, dict], build) -> tuple[list[LinkInput], dict]:
    """One LinkInput per article of the group, and (article, index in the group) → Parquet position."""
    by_article: dict[str, list[dict]] = {}
    for row in rows:
        by_article.setdefault(row["article_id"], []).append(row)
    inputs, positions = [], {}
    for article_id, items in sorted(by_article.items(), key=lambda kv: (articles.get(kv[0], {}).get("published") or "",
                                                                        kv[0])):
        meta = articles.get(article_id, {})
        items.sort(key=lambda r: r["position"])
        for index, item in enumerate(items):
            positions[(article_id, index)] = item["position"]
        inputs.append(LinkInput(article_id, meta.get("outlet"), meta.get("published"), build(items)))
    return inputs, positions


def _events_analysis(items: list[dict]) -> Analysis:
    events = [Event(r["type"], r["actor"], r["target"], r["location"], r["date"],
                    Span(r["evidence_start"] or 0, r["evidence_end"] or 0, r["evidence"] or ""),
                    asserted_by=r["asserted_by"] or "author", modality=r["modality"] or "asserted",
                    actor_code=r["actor_code"], place=json.loads(r["place"]) if r["place"] else None) for r in items]
    return Analysis(text="", events=events)


def _quotes_analysis(items: list[dict]) -> Analysis:
    quotes = [Quote(r["kind"] or "direct", Span(r["content_start"] or 0, r["content_end"] or 0, r["content"] or ""),
                    None, Speaker(r["speaker"], role=r["speaker_role"], affiliation=r["speaker_affiliation"],
                                  vague=bool(r["speaker_vague"])), channel=r["channel"]) for r in items]
    return Analysis(text="", quotes=quotes)


def link_group(kind: str, key: str, rows: list[dict], articles: dict[str, dict], output: str,
               embedder: str | None) -> dict[str, int]:
    """Link one group on a worker and write its Parquet files; returns counts."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(output)
    linker = Linker(embedder=embedder)
    inputs, positions = _inputs(rows, articles, _events_analysis if kind == "events" else _quotes_analysis)
    linker.add(inputs)
    links = linker.links()
    out: dict[str, list[dict]] = {t: [] for t in LINK_TABLES}
    for story in links.stories if kind == "events" else []:
        out["stories"].append({"id": story.id, "type": story.type, "date": story.date, "place": story.place,
                               "reports": len(story.reports), "asserted_by": json.dumps(story.asserted_by),
                               "denied_by": json.dumps(story.denied_by), "relays": json.dumps(story.relays),
                               "conflicts": json.dumps([c.to_dict() for c in story.conflicts], ensure_ascii=False)})
        out["story_reports"] += [{"story_id": story.id, "article_id": r.doc_id,
                                  "position": positions[(r.doc_id, r.event_index)], "outlet": r.outlet,
                                  "published": r.published, "asserted_by": r.asserted_by, "source": r.source,
                                  "stance": r.stance} for r in story.reports]
    for statement in links.statements if kind == "quotes" else []:
        out["statements"].append({"id": statement.id, "speaker": statement.speaker, "text": statement.text,
                                  "first_seen": statement.first_seen, "appearances": len(statement.appearances)})
        out["statement_appearances"] += [{"statement_id": statement.id, "article_id": a.doc_id,
                                          "position": positions.get((a.doc_id, a.quote_index)), "outlet": a.outlet,
                                          "published": a.published, "kind": a.kind, "relayed_by": a.relayed_by,
                                          "match": a.match} for a in statement.appearances]
    name = hashlib.sha1(f"{kind}\x00{key}".encode("utf-8")).hexdigest()[:16]
    for table in (("stories", "story_reports") if kind == "events" else ("statements", "statement_appearances")):
        directory = posixpath.join(root, table)
        fs.makedirs(directory, exist_ok=True)
        with fs.open(posixpath.join(directory, f"group-{name}.parquet"), "wb") as fh:
            pq.write_table(pa.Table.from_pylist(out[table], schema=SCHEMAS[table]), fh)
    return {"stories": len(out["stories"]), "linked_stories": sum(s["reports"] > 1 for s in out["stories"]),
            "statements": len(out["statements"]),
            "linked_statements": sum(s["appearances"] > 1 for s in out["statements"])}


def link_parquet(output: str, *, client, embedder: str | None = "default") -> LinkSummary:
    """Link the `articles`, `events` and `quotes` datasets under `output`; write the link tables there."""
    import dask.bag as db
    import fsspec

    fs, root = fsspec.core.url_to_fs(output)
    output = fs.unstrip_protocol(root)
    for table in LINK_TABLES:
        if fs.exists(posixpath.join(root, table)):
            fs.rm(posixpath.join(root, table), recursive=True)
    articles = {r["article_id"]: {"outlet": r["outlet"], "published": (r["published"] or "")[:10] or None}
                for path in _files(fs, root, "articles") for r in _read(fs, path, ["article_id", "outlet", "published"])}
    event_files, quote_files = _files(fs, root, "events"), _files(fs, root, "quotes")
    events = (db.from_sequence(event_files or [None], npartitions=max(1, len(event_files)))
              .map(lambda p: _read(fs, p, EVENT_COLUMNS) if p else []).flatten()
              .groupby(lambda r: r["type"] or ""))
    quotes = (db.from_sequence(quote_files or [None], npartitions=max(1, len(quote_files)))
              .map(lambda p: _read(fs, p, QUOTE_COLUMNS) if p else []).flatten()
              .groupby(lambda r: speaker_group(r["speaker"], r["speaker_vague"])))
    tasks = [events.map(lambda kv: link_group("events", kv[0], kv[1], articles, output, embedder)),
             quotes.map(lambda kv: link_group("quotes", kv[0], kv[1], articles, output, embedder))]
    counts: list[dict[str, Any]] = [c for part in client.gather(client.compute(tasks)) for c in part]
    return LinkSummary(groups=len(counts), **{k: sum(c[k] for c in counts) for k in
                                             ("stories", "linked_stories", "statements", "linked_statements")})
