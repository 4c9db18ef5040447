"""Keep the store's corpus links up to date: each ingest links its new articles, and only them.

`link_articles(engine, article_ids)` reads the new articles' findings back as `Analysis`
records, takes up the corpus identities and — through `link_keys` — only the stored stories and
statements those articles may join, runs `presslens.corpus.Linker.add()`, and writes back what
changed in one transaction: identities (a merge moves its quotes), stories with their reports,
statements with their appearances, their keys, and new embeddings (cached by text hash).
`relink(engine)` clears the links and links the whole store again, in batches.
Inside the store a document's `doc_id` is its article id; `presslens.store.corpus_queries`
shows the article's own id or URL.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

import numpy as np
from sqlalchemy import Connection, Engine, delete, select, update

from ..corpus import Change, LinkInput, Linker
from ..corpus.identities import Identities
from ..model import Analysis, Entity, event_from_dict, from_dict, quote_from_dict
from .corpus_schema import (corpus_identities, embeddings, link_keys, quote_identities, statement_appearances,
                            statements, stories, story_reports)
from .schema import articles, entities, events, quotes

BATCH = 200
_ONE_AT_A_TIME = threading.Lock()


def stored_analyses(conn: Connection, article_ids: list[int]) -> Iterator[tuple[int, Analysis, list[int], list[int]]]:
    """(article id, its Analysis rebuilt from the stored findings, its quote row ids, its event row ids)."""
    for article_id in article_ids:
        article = conn.execute(select(articles.c.text, articles.c.outlet, articles.c.published, articles.c.url)
                               .where(articles.c.id == article_id)).first()
        if article is None:
            continue
        quote_rows = conn.execute(select(quotes.c.id, quotes.c.details).where(quotes.c.article_id == article_id)
                                  .order_by(quotes.c.id)).all()
        event_rows = conn.execute(select(events.c.id, events.c.details).where(events.c.article_id == article_id)
                                  .order_by(events.c.id)).all()
        entity_rows = conn.execute(select(entities.c.details).where(entities.c.article_id == article_id)
                                   .order_by(entities.c.id)).all()
        analysis = Analysis(
            text=article.text, outlet=article.outlet, published=article.published, url=article.url,
            id=str(article_id),
            quotes=[quote_from_dict(r.details) for r in quote_rows if r.details],
            events=[event_from_dict(r.details) for r in event_rows if r.details],
            entities=[from_dict(Entity, {**r.details, "mentions": []}) for r in entity_rows if r.details])
        yield article_id, analysis, [r.id for r in quote_rows if r.details], [r.id for r in event_rows if r.details]


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
    with _ONE_AT_A_TIME:
        return _link(engine, list(article_ids), embedder)


def _link(engine: Engine, article_ids: list[int], embedder: str | None) -> Change:
    linker = Linker(embedder=embedder, identities=load_identities(engine), loader=_loader(engine))
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
    identity_rows = linker.identities.dump()
    for row in identity_rows:
        key = row.get("key") or {}
        conn.execute(corpus_identities.insert().values(
            id=row["id"], name=row.get("name"), kind=row.get("kind"), affiliation=row.get("affiliation"),
            key_first=key.get("first"), key_last=key.get("last"), merged_into=row.get("merged_into"), details=row))
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
    _write_stories(conn, linker, change.stories)
    _write_statements(conn, linker, change.statements)
    if linker.embedder is not None and linker.embedder.fresh:
        conn.execute(embeddings.insert(), [{"text_hash": h, "model": linker.embedder.name,
                                            "vector": np.asarray(v, dtype=np.float32).tobytes()}
                                           for h, v in linker.embedder.fresh.items()])


def _event_ids(conn: Connection, article_id: int) -> list[int]:
    return list(conn.scalars(select(events.c.id).where(events.c.article_id == article_id).order_by(events.c.id)))


def _quote_ids(conn: Connection, article_id: int) -> list[int]:
    return list(conn.scalars(select(quotes.c.id).where(quotes.c.article_id == article_id).order_by(quotes.c.id)))


def _replace_keys(conn: Connection, kind: str, target_id: str, keys: set[str]) -> None:
    conn.execute(delete(link_keys).where(link_keys.c.kind == kind, link_keys.c.target_id == target_id))
    if keys:
        conn.execute(link_keys.insert(), [{"key": k, "kind": kind, "target_id": target_id} for k in sorted(keys)])


def _write_stories(conn: Connection, linker: Linker, story_ids: set[str]) -> None:
    ids_of: dict[int, list[int]] = {}
    for story_id in sorted(story_ids):
        story = linker.story(story_id)
        state, keys = linker.story_row(story_id)
        conn.execute(delete(stories).where(stories.c.id == story_id))
        conn.execute(delete(story_reports).where(story_reports.c.story_id == story_id))
        conn.execute(stories.insert().values(
            id=story_id, type=story.type, date=story.date, place=story.place, reports=len(story.reports),
            outlets=len({r.outlet for r in story.reports}), conflicts=len(story.conflicts),
            details=story.to_dict(), state=state))
        rows = []
        for report in story.reports:
            article_id = int(report.doc_id)
            event_ids = ids_of.setdefault(article_id, _event_ids(conn, article_id))
            rows.append({"event_id": event_ids[report.event_index], "story_id": story_id, "article_id": article_id,
                         "event_index": report.event_index, "outlet": report.outlet, "published": report.published,
                         "asserted_by": report.asserted_by, "asserted_by_id": report.asserted_by_id,
                         "source": report.source, "source_id": report.source_id, "stance": report.stance})
        conn.execute(story_reports.insert(), rows)
        _replace_keys(conn, "story", story_id, keys)


def _write_statements(conn: Connection, linker: Linker, statement_ids: set[str]) -> None:
    ids_of: dict[int, list[int]] = {}
    for statement_id in sorted(statement_ids):
        statement = linker.statement(statement_id)
        state, keys = linker.statement_row(statement_id)
        conn.execute(delete(statements).where(statements.c.id == statement_id))
        conn.execute(delete(statement_appearances).where(statement_appearances.c.statement_id == statement_id))
        conn.execute(statements.insert().values(
            id=statement_id, speaker=statement.speaker, speaker_id=linker.identities.find(statement.speaker_id),
            text=statement.text, first_seen=statement.first_seen, appearances=len(statement.appearances), state=state))
        rows = []
        for appearance in statement.appearances:
            article_id = int(appearance.doc_id)
            quote_ids = ids_of.setdefault(article_id, _quote_ids(conn, article_id))
            rows.append({"quote_id": quote_ids[appearance.quote_index], "statement_id": statement_id,
                         "article_id": article_id, "quote_index": appearance.quote_index,
                         "outlet": appearance.outlet, "published": appearance.published, "kind": appearance.kind,
                         "relayed_by": appearance.relayed_by, "match": appearance.match})
        conn.execute(statement_appearances.insert(), rows)
        _replace_keys(conn, "statement", statement_id, keys)


def relink(engine: Engine, *, embedder: str | None = "default", batch: int = BATCH) -> int:
    """Clear every corpus link and link all stored articles again, oldest first; returns the articles linked."""
    with engine.begin() as conn:
        for table in (link_keys, statement_appearances, statements, story_reports, stories, quote_identities,
                      corpus_identities):
            conn.execute(delete(table))
        ids = list(conn.scalars(select(articles.c.id).order_by(articles.c.published.nulls_last(), articles.c.id)))
    for i in range(0, len(ids), batch):
        link_articles(engine, ids[i:i + batch], embedder=embedder)
    return len(ids)
