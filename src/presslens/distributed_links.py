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
linking does catch.

A statement's appearances in the speaker's own text (`own_text`: a speech released as an article,
which news items quote) are found as `presslens.corpus.link` finds them, in two steps.  A scan by
day: every article (its text and quotations, from the `articles` and `quotes` files the run wrote
side by side) goes to the bucket of its day, and every long quotation's 12-word runs to the buckets
of the days within `OWN_DAYS` of its own; an article holding a run of a quotation of another article
is sent, whole, to that quotation's speaker group (texts cross the cluster once, a quotation's runs
seven times).  The group's `Linker` then reads those articles as the store reads a day window's
stored articles: their texts are scanned and their quotations, whoever said them, may be found to be
the speech's own words and join (`StatementIndex._absorb`).  A group writes the statements holding
one of its own quotations; a quotation of another group that such a statement took in is then
removed from its own group's files.  Undated quotations and undated articles are scanned against one
another only (`presslens.corpus.link` scans them against every article and quotation).
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import posixpath
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .corpus import LinkInput, Linker
from .corpus.identities import name_key
from .corpus.similarity import normal_text, runs, word_positions
from .corpus.statements import OWN_DAYS, OWN_RUN_WORDS, statement_id
from .corpus.stories import day_number
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
                                        ("kind", pa.string()), ("relayed_by", pa.string()), ("match", pa.string()),
                                        ("content_start", pa.int64()), ("content_end", pa.int64()),
                                        ("content", pa.string())]),
}
TEXT_COLUMNS = ["article_id", "outlet", "published", "text"]


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


def _inputs(rows: list[dict], articles: dict[str, dict], build,
            contexts: dict[str, dict] | None = None) -> tuple[list[LinkInput], dict]:
    """One LinkInput per article of the group, and (article, index in the group) → Parquet position. An
    article sent to the group for its text (`contexts`: the own-text scan found a run of the group's
    quotations in it) comes whole: its text and all its quotations."""
    contexts = contexts or {}
    by_article: dict[str, list[dict]] = {}
    for row in rows:
        by_article.setdefault(row["article_id"], []).append(row)
    for article_id, entry in contexts.items():
        by_article[article_id] = list(entry["quotes"])
    inputs, positions = [], {}
    for article_id, items in sorted(by_article.items(), key=lambda kv: (articles.get(kv[0], {}).get("published") or "",
                                                                        kv[0])):
        meta = articles.get(article_id, {})
        items.sort(key=lambda r: r["position"])
        for index, item in enumerate(items):
            positions[(article_id, index)] = item["position"]
        analysis = build(items)
        if article_id in contexts:
            analysis.text = contexts[article_id]["text"] or ""
        inputs.append(LinkInput(article_id, meta.get("outlet"), meta.get("published"), analysis))
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


def quote_group(row: dict) -> str:
    """The speaker group of a quotation row."""
    return speaker_group(row["speaker"], row["speaker_vague"])


# --- the own-text scan, by day ------------------------------------------------------------------

def _article_entries(fs, articles_path: str, quotes_path: str) -> list[dict]:
    """The articles of one file the run wrote, each with its text and its quotations (the `quotes` file
    written beside it)."""
    quotes: dict[str, list[dict]] = {}
    if fs.exists(quotes_path):
        for row in _read(fs, quotes_path, QUOTE_COLUMNS):
            quotes.setdefault(row["article_id"], []).append(row)
    return [{**row, "published": (row["published"] or "")[:10] or None, "quotes": quotes.get(row["article_id"], [])}
            for row in _read(fs, articles_path, TEXT_COLUMNS)]


def _source_days(row: dict, articles: dict[str, dict]) -> list:
    """The day buckets a long quotation's runs go to: the days within `OWN_DAYS` of its own (None if undated)."""
    if len(normal_text(row["content"] or "").split()) < OWN_RUN_WORDS:
        return []
    day = day_number(articles.get(row["article_id"], {}).get("published"))
    return [None] if day is None else list(range(day - OWN_DAYS, day + OWN_DAYS + 1))


def _source(row: dict) -> dict:
    """A long quotation as the day scan looks for it: its group, its article and its 12-word runs."""
    return {"group": quote_group(row), "article_id": row["article_id"],
            "runs": [" ".join(r) for r in runs(normal_text(row["content"] or "").split(), OWN_RUN_WORDS)]}


def scan_day(items: list[tuple[str, dict]]) -> list[tuple[str, tuple[str, dict]]]:
    """One day's articles against the long quotations of the days around it: (speaker group, its context
    article) for every article holding a run of a group's quotation of another article."""
    index: dict[str, set[tuple[str, str]]] = {}
    for kind, item in items:
        if kind == "source":
            for run in item["runs"]:
                index.setdefault(run, set()).add((item["group"], item["article_id"]))
    out = []
    for kind, entry in items:
        if kind != "article" or not entry["text"]:
            continue
        words = [w for w, _, _ in word_positions(entry["text"])]
        groups = {group for i in range(len(words) - OWN_RUN_WORDS + 1)
                  for group, source in index.get(" ".join(words[i:i + OWN_RUN_WORDS]), ())
                  if source != entry["article_id"]}
        out += [(group, ("context", entry)) for group in sorted(groups)]
    return out


# --- one group, on a worker ---------------------------------------------------------------------

def _name(kind: str, key: str) -> str:
    """A group's file name."""
    return hashlib.sha1(f"{kind}\x00{key}".encode("utf-8")).hexdigest()[:16]


def _write(fs, root: str, name: str, out: dict[str, list[dict]], tables) -> None:
    """A group's rows of `tables`, one Parquet file each (`group-<name>.parquet`)."""
    for table in tables:
        directory = posixpath.join(root, table)
        fs.makedirs(directory, exist_ok=True)
        with fs.open(posixpath.join(directory, f"group-{name}.parquet"), "wb") as fh:
            pq.write_table(pa.Table.from_pylist(out[table], schema=SCHEMAS[table]), fh)


def link_group(kind: str, key: str, rows: list, articles: dict[str, dict], output: str,
               embedder: str | None) -> dict[str, Any]:
    """Link one group on a worker and write its Parquet files; returns counts and, for quotations, the
    quotations of other groups its statements took in (`claimed`: article, position, their group, this group,
    the statement)."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(output)
    linker = Linker(embedder=embedder)
    contexts: dict[str, dict] = {}
    if kind == "quotes":
        contexts = {entry["article_id"]: entry for tag, entry in rows if tag == "context"}
        rows = [row for tag, row in rows if tag == "quote"]
    inputs, positions = _inputs(rows, articles, _events_analysis if kind == "events" else _quotes_analysis, contexts)
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
    home = {(r["article_id"], r["position"]) for r in rows}
    group_of = {(r["article_id"], r["position"]): quote_group(r) for entry in contexts.values() for r in entry["quotes"]}
    claimed = []
    for statement in links.statements if kind == "quotes" else []:
        keys = [(a.doc_id, positions[(a.doc_id, a.quote_index)]) for a in statement.appearances
                if a.quote_index is not None]
        if not home & set(keys):
            continue  # only other groups' quotations, read in an article sent for its text: theirs to write
        sid = next((statement_id(dataclasses.replace(a, quote_index=positions[(a.doc_id, a.quote_index)]))
                    for a in statement.appearances if a.quote_index is not None and statement_id(a) == statement.id),
                   statement.id)  # named by its first quotation's place in the article, as `presslens.corpus.link` names it
        claimed += [(*k, group_of[k], key, sid) for k in keys if k not in home]
        out["statements"].append({"id": sid, "speaker": statement.speaker, "text": statement.text,
                                  "first_seen": statement.first_seen, "appearances": len(statement.appearances)})
        out["statement_appearances"] += [
            {"statement_id": sid, "article_id": a.doc_id, "outlet": a.outlet, "published": a.published,
             "position": positions[(a.doc_id, a.quote_index)] if a.quote_index is not None else None,
             "kind": a.kind, "relayed_by": a.relayed_by, "match": a.match,
             "content_start": a.content.start if a.content else None, "content_end": a.content.end if a.content else None,
             "content": a.content.text if a.content else None} for a in statement.appearances]
    _write(fs, root, _name(kind, key), out,
           ("stories", "story_reports") if kind == "events" else ("statements", "statement_appearances"))
    return {"kind": kind, "key": key, "stories": len(out["stories"]), "linked_stories": sum(s["reports"] > 1 for s in out["stories"]),
            "statements": len(out["statements"]),
            "linked_statements": sum(s["appearances"] > 1 for s in out["statements"]), "claimed": claimed}


def release_claimed(key: str, claims: list[tuple[str, int, str, str]], claiming: set[str], output: str) -> dict[str, int]:
    """Remove from a quotation group's files the quotations another group's statement took in (a speech's
    words the analysis read as a quotation, found to be its speaker's own text); returns the group's counts.
    `claims` are (article, position, the group that took it in, its statement); `claiming` the statements of
    this group that took in another group's quotations: one of those that took in each other's is one
    statement found from both groups, kept whole by the group whose key sorts first."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(output)
    name = _name("quotes", key)
    out = {t: _read(fs, posixpath.join(root, t, f"group-{name}.parquet"), SCHEMAS[t].names)
           for t in ("statements", "statement_appearances")}
    holder = {(a["article_id"], a["position"]): a["statement_id"] for a in out["statement_appearances"]}
    gone_rows, gone_statements = set(), set()
    for article_id, position, other, _ in claims:
        sid = holder.get((article_id, position))
        if sid in claiming:
            if other < key:
                gone_statements.add(sid)
        elif sid is not None:
            gone_rows.add((article_id, position))
    out["statement_appearances"] = [a for a in out["statement_appearances"] if a["statement_id"] not in gone_statements
                                    and (a["article_id"], a["position"]) not in gone_rows]
    left: dict[str, int] = {}
    for a in out["statement_appearances"]:
        left[a["statement_id"]] = left.get(a["statement_id"], 0) + 1
    out["statements"] = [{**s, "appearances": left[s["id"]]} for s in out["statements"] if s["id"] in left]
    _write(fs, root, name, out, ("statements", "statement_appearances"))
    return {"statements": len(out["statements"]), "linked_statements": sum(s["appearances"] > 1 for s in out["statements"])}


def link_parquet(output: str, *, client, embedder: str | None = "default") -> LinkSummary:
    """Link the `articles`, `events` and `quotes` datasets under `output`; write the link tables there."""
    import dask.bag as db
    import fsspec

    fs, root = fsspec.core.url_to_fs(output)
    output = fs.unstrip_protocol(root)
    for table in LINK_TABLES:
        if fs.exists(posixpath.join(root, table)):
            fs.rm(posixpath.join(root, table), recursive=True)
    article_files = _files(fs, root, "articles")
    articles = {r["article_id"]: {"outlet": r["outlet"], "published": (r["published"] or "")[:10] or None}
                for path in article_files for r in _read(fs, path, ["article_id", "outlet", "published"])}
    event_files, quote_files = _files(fs, root, "events"), _files(fs, root, "quotes")
    events = (db.from_sequence(event_files or [None], npartitions=max(1, len(event_files)))
              .map(lambda p: _read(fs, p, EVENT_COLUMNS) if p else []).flatten()
              .groupby(lambda r: r["type"] or ""))
    quote_rows = (db.from_sequence(quote_files or [None], npartitions=max(1, len(quote_files)))
                  .map(lambda p: _read(fs, p, QUOTE_COLUMNS) if p else []).flatten())
    beside = {path: posixpath.join(root, "quotes", posixpath.relpath(path, posixpath.join(root, "articles")))
              for path in article_files}
    by_day = db.concat([
        quote_rows.map(lambda r: [(day, ("source", _source(r))) for day in _source_days(r, articles)]).flatten(),
        db.from_sequence(article_files or [None], npartitions=max(1, len(article_files)))
        .map(lambda p: _article_entries(fs, p, beside[p]) if p else []).flatten()
        .map(lambda entry: (day_number(entry["published"]), ("article", entry)))])
    contexts = by_day.groupby(lambda kv: kv[0]).map(lambda kv: scan_day([item for _, item in kv[1]])).flatten()
    quotes = db.concat([quote_rows.map(lambda r: (quote_group(r), ("quote", r))), contexts]).groupby(lambda kv: kv[0])
    tasks = [events.map(lambda kv: link_group("events", kv[0], kv[1], articles, output, embedder)),
             quotes.map(lambda kv: link_group("quotes", kv[0], [item for _, item in kv[1]], articles, output,
                                              embedder))]
    counts: list[dict[str, Any]] = [c for part in client.gather(client.compute(tasks)) for c in part]
    claims: dict[str, list[tuple[str, int, str, str]]] = {}
    claiming: dict[str, set[str]] = {}
    for c in counts:
        for article_id, position, home, key, sid in c["claimed"]:
            claims.setdefault(home, []).append((article_id, position, key, sid))
            claiming.setdefault(key, set()).add(sid)
    keys = sorted(claims)
    released = dict(zip(keys, client.gather([client.submit(release_claimed, key, claims[key], claiming.get(key, set()),
                                                           output, pure=False) for key in keys])))
    counts = [{**c, **released[c["key"]]} if c["kind"] == "quotes" and c["key"] in released else c for c in counts]
    return LinkSummary(groups=len(counts), **{k: sum(c[k] for c in counts) for k in
                                             ("stories", "linked_stories", "statements", "linked_statements")})
