"""Keep the store's corpus links up to date: each ingest links its new articles, and only them.

`link_articles(engine, article_ids)` reads the new articles' findings back as `Analysis`
records, takes up the corpus identities and — through `link_keys` — only the stored stories and
statements those articles may join, runs `presslens.corpus.Linker.add()`, and writes back what
changed in one transaction: identities (a merge moves its quotes), stories with their reports,
statements with their appearances (a passage of the speaker's own text in `statement_passages`),
their keys, and new embeddings (cached by text hash).  A new long quotation is looked for in the
text of the stored articles of its days (`_stored_texts`).
`relink(engine)` clears the links and links the whole store again, in batches.
Inside the store a document's `doc_id` is its article id; `presslens.store.corpus_queries`
shows the article's own id or URL.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date

import numpy as np
from sqlalchemy import Connection, Engine, delete, func, select, update

from ..corpus import Change, LinkInput, Linker
from ..corpus.statements import ArticleText, article_text
from ..corpus.identities import Identities
from ..model import Analysis, Entity, event_from_dict, from_dict, quote_from_dict
from .corpus_schema import (corpus_identities, embeddings, link_keys, quote_identities, statement_appearances,
                            statement_passages, statements, stories, story_reports)
from .schema import articles, entities, events, quotes

BATCH = 200
_ONE_AT_A_TIME = threading.Lock()


def stored_analyses(conn: Connection, article_ids: list[int]) -> Iterator[tuple[int, Analysis, list[int], list[int]]]:
    """(article id, its Analysis rebuilt from the stored findings, its quote row ids, its event row ids),
    in the order of `article_ids`; read `_ARTICLES_AT_ONCE` articles at a time, a few queries each."""
    for i in range(0, len(article_ids), _ARTICLES_AT_ONCE):
        chunk = article_ids[i:i + _ARTICLES_AT_ONCE]
        found = {row.id: row for row in conn.execute(
            select(articles.c.id, articles.c.text, articles.c.outlet, articles.c.published, articles.c.url)
            .where(articles.c.id.in_(chunk)))}
        quote_rows, event_rows, entity_rows = (_children(conn, table, columns, found) for table, columns in (
            (quotes, (quotes.c.id, quotes.c.details)), (events, (events.c.id, events.c.details)),
            (entities, (entities.c.details,))))
        for article_id in chunk:
            article = found.get(article_id)
            if article is None:
                continue
            said, told, named = quote_rows[article_id], event_rows[article_id], entity_rows[article_id]
            analysis = Analysis(
                text=article.text, outlet=article.outlet, published=article.published, url=article.url,
                id=str(article_id),
                quotes=[quote_from_dict(r.details) for r in said if r.details],
                events=[event_from_dict(r.details) for r in told if r.details],
                entities=[from_dict(Entity, {**r.details, "mentions": []}) for r in named if r.details])
            yield article_id, analysis, [r.id for r in said if r.details], [r.id for r in told if r.details]


_ARTICLES_AT_ONCE = 200


def _children(conn: Connection, table, columns, article_ids) -> dict[int, list]:
    """Article id → its rows of a findings table (`columns`), in row id order, for many articles in one query."""
    out: dict[int, list] = {a: [] for a in article_ids}
    if out:
        for row in conn.execute(select(table.c.article_id, *columns).where(table.c.article_id.in_(sorted(out)))
                                .order_by(table.c.article_id, table.c.id)):
            out[row.article_id].append(row)
    return out


def _loader(engine: Engine):
    def load(keys: set[str]) -> tuple[list[dict], list[dict]]:
        found: dict[str, set[str]] = {"story": set(), "statement": set()}
        keys = sorted(keys)
        with engine.connect() as conn:
            for i in range(0, len(keys), 500):
                for kind, target in conn.execute(select(link_keys.c.kind, link_keys.c.target_id)
                                                 .where(link_keys.c.key.in_(keys[i:i + 500]))):
                    found[kind].add(target)
            story_rows = [r.state for r in conn.execute(select(stories.c.state).where(
                stories.c.id.in_(sorted(found["story"]))))] if found["story"] else []
            statement_rows = [r.state for r in conn.execute(select(statements.c.state).where(
                statements.c.id.in_(sorted(found["statement"]))))] if found["statement"] else []
        return story_rows, statement_rows
    return load


def _stored_texts(engine: Engine):
    """`Linker(texts=…)`: the stored articles published on the given days, read for the speaker's own
    text of a new quotation (their words and which quotation each word is in)."""
    def texts(days: set[int], exclude: set[str]) -> list[ArticleText]:
        dates = sorted(date.fromordinal(d).isoformat() for d in days)
        out = []
        with engine.connect() as conn:
            for i in range(0, len(dates), 500):
                rows = [row for row in conn.execute(
                    select(articles.c.id, articles.c.text, articles.c.outlet, articles.c.published)
                    .where(func.substr(articles.c.published, 1, 10).in_(dates[i:i + 500]))).all()
                    if str(row.id) not in exclude]
                said: dict[int, list[tuple]] = {row.id: [] for row in rows}
                ids = list(said)
                for j in range(0, len(ids), 500):  # every article's quotations in one query, not one each
                    for q in conn.execute(select(quotes.c.article_id, quotes.c.content_start, quotes.c.content_end,
                                                 quotes.c.details, quote_identities.c.identity_id)
                                          .outerjoin(quote_identities, quote_identities.c.quote_id == quotes.c.id)
                                          .where(quotes.c.article_id.in_(ids[j:j + 500])).order_by(quotes.c.id)):
                        if q.details:
                            said[q.article_id].append((q.content_start, q.content_end, q.identity_id))
                out.extend(article_text(str(row.id), row.outlet, row.published, row.text, said[row.id])  # as `stored_analyses`
                           for row in rows)
        return out
    return texts


def _stored_vectors(engine: Engine, model: str):
    def fetch(hashes: list[str]) -> dict[str, np.ndarray]:
        with engine.connect() as conn:
            rows = conn.execute(select(embeddings.c.text_hash, embeddings.c.vector)
                                .where(embeddings.c.model == model, embeddings.c.text_hash.in_(hashes))).all()
        return {h: np.frombuffer(v, dtype=np.float32) for h, v in rows}
    return fetch


def load_identities(engine: Engine) -> Identities:
    with engine.connect() as conn:
        return Identities.load([r.details for r in conn.execute(select(corpus_identities.c.details))])


def link_articles(engine: Engine, article_ids: Iterable[int], *, embedder: str | None = "default") -> Change:
    """Link the stored articles `article_ids` into the corpus; returns what changed.

    One linking at a time in a process (the web app's workers save concurrently): each reads the
    identities and the stories it may join, and writes them back."""
    with _ONE_AT_A_TIME, _no_automatic_gc():
        return _link(engine, list(article_ids), embedder)


@contextmanager
def _no_automatic_gc():
    """The cyclic garbage collector paused while a batch is linked, and run once after it.

    A batch builds its `Linker` (hundreds of thousands of mentions, sets and dicts) and nothing of it
    is garbage until the batch ends; the automatic collections walked that growing heap again and
    again (15% of the linking CPU).  One collection at the end frees the batch's `Linker` (it holds
    cycles), so memory stays as flat as before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect()


def _link(engine: Engine, article_ids: list[int], embedder: str | None) -> Change:
    linker = Linker(embedder=embedder, identities=load_identities(engine), loader=_loader(engine),
                    texts=_stored_texts(engine))
    if linker.embedder is not None:
        linker.embedder.fetch = _stored_vectors(engine, linker.embedder.name)
    rows_of: dict[str, tuple[list[int], list[int]]] = {}
    with engine.connect() as conn:
        inputs = []
        for article_id, analysis, quote_ids, event_ids in stored_analyses(conn, article_ids):
            rows_of[str(article_id)] = (quote_ids, event_ids)
            inputs.append(LinkInput(str(article_id), analysis.outlet, analysis.published, analysis))
    change = linker.add(inputs)
    with engine.begin() as conn:
        _write(conn, linker, change, rows_of)
    return change


def _write(conn: Connection, linker: Linker, change: Change, rows_of: dict) -> None:
    conn.execute(delete(corpus_identities))
    identity_rows = [{"id": row["id"], "name": row.get("name"), "kind": row.get("kind"),
                      "affiliation": row.get("affiliation"), "key_first": (row.get("key") or {}).get("first"),
                      "key_last": (row.get("key") or {}).get("last"), "merged_into": row.get("merged_into"),
                      "details": row} for row in linker.identities.dump()]
    if identity_rows:  # one statement for all (in order: `load_identities` reads them back so)
        conn.execute(corpus_identities.insert(), identity_rows)
    for old, new in change.merged.items():
        conn.execute(update(quote_identities).where(quote_identities.c.identity_id == old)
                     .values(identity_id=linker.identities.find(new)))
        for column in ("asserted_by_id", "source_id"):
            conn.execute(update(story_reports).where(story_reports.c[column] == old)
                         .values({column: linker.identities.find(new)}))
    quote_identity_rows = []
    for (doc_id, index), identity_id in linker.speaker_ids.items():
        quote_ids = rows_of[doc_id][0]
        quote_identity_rows.append({"quote_id": quote_ids[index], "article_id": int(doc_id),
                                    "identity_id": linker.identities.find(identity_id)})
    if quote_identity_rows:
        conn.execute(quote_identities.insert(), quote_identity_rows)
    _delete_stories(conn, change.removed_stories)
    _write_stories(conn, linker, change.stories)
    _delete_statements(conn, change.removed_statements)
    _write_statements(conn, linker, change.statements)
    if linker.embedder is not None and linker.embedder.fresh:
        conn.execute(embeddings.insert(), [{"text_hash": h, "model": linker.embedder.name,
                                            "vector": np.asarray(v, dtype=np.float32).tobytes()}
                                           for h, v in linker.embedder.fresh.items()])


def _row_ids(conn: Connection, table, article_ids: set[int]) -> dict[int, list[int]]:
    """Article id → its event (or quote) row ids in order, for many articles in one query."""
    out: dict[int, list[int]] = {a: [] for a in article_ids}
    ordered = sorted(article_ids)
    for i in range(0, len(ordered), 500):
        for row_id, article_id in conn.execute(select(table.c.id, table.c.article_id)
                                               .where(table.c.article_id.in_(ordered[i:i + 500]))
                                               .order_by(table.c.article_id, table.c.id)):
            out[article_id].append(row_id)
    return out


def _replace(conn: Connection, parent, children, ids: list[str], parent_rows: list[dict], child_rows: list[dict]) -> None:
    """Replace the rows of `ids` in a parent table and its child table (`children`: (table, its column
    naming the parent)) in a few statements: children deleted first, parents inserted first."""
    child, column = children
    for i in range(0, len(ids), 500):
        conn.execute(delete(child).where(column.in_(ids[i:i + 500])))
        conn.execute(delete(parent).where(parent.c.id.in_(ids[i:i + 500])))
    for table, rows in ((parent, parent_rows), (child, child_rows)):
        if rows:
            conn.execute(table.insert(), rows)


def _delete_stories(conn: Connection, story_ids: set[str]) -> None:
    """Delete the stories merged into another (their reports now belong to it) and their keys."""
    _replace(conn, stories, (story_reports, story_reports.c.story_id), sorted(story_ids), [], [])
    _replace_keys(conn, "story", sorted(story_ids), [])


def _write_stories(conn: Connection, linker: Linker, story_ids: set[str]) -> None:
    ordered = sorted(story_ids)
    stories_of = {sid: linker.story(sid) for sid in ordered}
    event_ids = _row_ids(conn, events, {int(r.doc_id) for s in stories_of.values() for r in s.reports})
    story_rows, report_rows, key_rows = [], [], []
    for story_id, story in stories_of.items():
        state, keys = linker.story_row(story_id)
        story_rows.append({"id": story_id, "type": story.type, "date": story.date, "place": story.place,
                           "reports": len(story.reports), "outlets": len({r.outlet for r in story.reports}),
                           "conflicts": len(story.conflicts), "details": story.to_dict(), "state": state})
        for report in story.reports:
            article_id = int(report.doc_id)
            report_rows.append({"event_id": event_ids[article_id][report.event_index], "story_id": story_id,
                                "article_id": article_id, "event_index": report.event_index, "outlet": report.outlet,
                                "published": report.published, "asserted_by": report.asserted_by,
                                "asserted_by_id": report.asserted_by_id, "source": report.source,
                                "source_id": report.source_id, "stance": report.stance})
        key_rows += [{"key": k, "kind": "story", "target_id": story_id} for k in sorted(keys)]
    _replace(conn, stories, (story_reports, story_reports.c.story_id), ordered, story_rows, report_rows)
    _replace_keys(conn, "story", ordered, key_rows)


def _replace_keys(conn: Connection, kind: str, target_ids: list[str], rows: list[dict]) -> None:
    for i in range(0, len(target_ids), 500):
        conn.execute(delete(link_keys).where(link_keys.c.kind == kind, link_keys.c.target_id.in_(target_ids[i:i + 500])))
    if rows:
        conn.execute(link_keys.insert(), rows)


def _delete_statements(conn: Connection, statement_ids: set[str]) -> None:
    """Delete the statements merged into another (a quotation read in the speaker's own text) and their keys."""
    ordered = sorted(statement_ids)
    for i in range(0, len(ordered), 500):
        conn.execute(delete(statement_passages).where(statement_passages.c.statement_id.in_(ordered[i:i + 500])))
    _replace(conn, statements, (statement_appearances, statement_appearances.c.statement_id), ordered, [], [])
    _replace_keys(conn, "statement", ordered, [])


def _write_statements(conn: Connection, linker: Linker, statement_ids: set[str]) -> None:
    ordered = sorted(statement_ids)
    statements_of = {sid: linker.statement(sid) for sid in ordered}
    quote_ids = _row_ids(conn, quotes, {int(a.doc_id) for s in statements_of.values() for a in s.appearances})
    statement_rows, appearance_rows, passage_rows, key_rows = [], [], [], []
    for statement_id, statement in statements_of.items():
        state, keys = linker.statement_row(statement_id)
        statement_rows.append({"id": statement_id, "speaker": statement.speaker,
                               "speaker_id": linker.identities.find(statement.speaker_id), "text": statement.text,
                               "first_seen": statement.first_seen, "appearances": len(statement.appearances),
                               "state": state})
        for appearance in statement.appearances:
            article_id = int(appearance.doc_id)
            if appearance.quote_index is None:  # a passage of the speaker's own text
                passage_rows.append({"statement_id": statement_id, "article_id": article_id,
                                     "text": appearance.content.text, "text_start": appearance.content.start,
                                     "text_end": appearance.content.end, "outlet": appearance.outlet,
                                     "published": appearance.published, "kind": appearance.kind,
                                     "match": appearance.match})
                continue
            appearance_rows.append({"quote_id": quote_ids[article_id][appearance.quote_index],
                                    "statement_id": statement_id, "article_id": article_id,
                                    "quote_index": appearance.quote_index, "outlet": appearance.outlet,
                                    "published": appearance.published, "kind": appearance.kind,
                                    "relayed_by": appearance.relayed_by, "match": appearance.match})
        key_rows += [{"key": k, "kind": "statement", "target_id": statement_id} for k in sorted(keys)]
    for i in range(0, len(ordered), 500):
        conn.execute(delete(statement_passages).where(statement_passages.c.statement_id.in_(ordered[i:i + 500])))
    _replace(conn, statements, (statement_appearances, statement_appearances.c.statement_id), ordered,
             statement_rows, appearance_rows)
    if passage_rows:
        conn.execute(statement_passages.insert(), passage_rows)
    _replace_keys(conn, "statement", ordered, key_rows)


def relink(engine: Engine, *, embedder: str | None = "default", batch: int = BATCH) -> int:
    """Clear every corpus link and link all stored articles again, oldest first; returns the articles linked."""
    with engine.begin() as conn:
        for table in (link_keys, statement_passages, statement_appearances, statements, story_reports, stories,
                      quote_identities, corpus_identities):
            conn.execute(delete(table))
        ids = list(conn.scalars(select(articles.c.id).order_by(articles.c.published.nulls_last(), articles.c.id)))
    for i in range(0, len(ids), batch):
        link_articles(engine, ids[i:i + batch], embedder=embedder)
    return len(ids)
