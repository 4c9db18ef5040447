"""Questions over the corpus links: stories, linked statements, identities — JSON-ready dicts.

The CLI (`presslens stories`, `presslens statements --linked`), the REST API and the Stories and
Speaker pages call these.  A report's or appearance's `doc_id` is its article's own id (the
input record's id, or its URL) and `article_id` the stored article, for links to its page.
Name filters go through corpus identities: "President Trump", "Trump" and "Donald J. Trump"
find the same person, and "Donald Trump" does not find "Rip Donald Trump".
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, exists, func, or_, select

from ..corpus.identities import name_key
from .corpus_schema import (corpus_identities, quote_identities, statement_appearances, statement_passages, statements,
                            stories, story_reports)
from .schema import articles


def _contains(column, value: str):
    return func.lower(column).contains(value.lower(), autoescape=True)


def identity_ids(engine: Engine, name: str) -> set[str]:
    """Live ids of the people or bodies `name` means: a full name its person, a bare surname every
    person of that surname (narrowed by a title such as "President" when one agrees), a body its body."""
    key = name_key(name)
    if key is None:
        return set()
    with engine.connect() as conn:
        if key.kind != "person":
            rows = conn.execute(select(corpus_identities.c.id, corpus_identities.c.details)
                                .where(corpus_identities.c.id == key.slug)).all()
        elif key.first:
            rows = conn.execute(select(corpus_identities.c.id, corpus_identities.c.details)
                                .where(corpus_identities.c.kind == "person", corpus_identities.c.key_first == key.first,
                                       corpus_identities.c.key_last == key.last)).all()
        else:
            rows = conn.execute(select(corpus_identities.c.id, corpus_identities.c.details)
                                .where(corpus_identities.c.kind == "person",
                                       corpus_identities.c.key_last == key.last)).all()
        found = {r.id: r.details for r in rows}
        merged = {r.id: r.merged_into for r in conn.execute(
            select(corpus_identities.c.id, corpus_identities.c.merged_into)
            .where(corpus_identities.c.merged_into.is_not(None)))}
    if key.kind == "person" and not key.first and key.roles:
        by_role = {i for i, d in found.items() if set(key.roles) & set((d or {}).get("role_words") or [])}
        found = {i: found[i] for i in by_role} or found
    live = set()
    for identity_id in found:
        while identity_id in merged:
            identity_id = merged[identity_id]
        live.add(identity_id)
    return live


def speaker_condition(engine: Engine, quote_id_column, speaker_column, name: str):
    """A WHERE clause on quotes: spoken by an identity `name` means, or (no identity known) name contains it."""
    ids = identity_ids(engine, name)
    if not ids:
        return _contains(speaker_column, name)
    return exists().where(quote_identities.c.quote_id == quote_id_column, quote_identities.c.identity_id.in_(ids))


def _articles(engine: Engine, ids: set[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    with engine.connect() as conn:
        rows = conn.execute(select(articles.c.id, articles.c.document_id, articles.c.url, articles.c.title)
                            .where(articles.c.id.in_(sorted(ids)))).all()
    return {r.id: {"doc_id": r.url or r.document_id, "article_id": r.id, "title": r.title} for r in rows}


def _public_report(report: dict, known: dict[int, dict]) -> dict:
    article = known.get(int(report["doc_id"]), {"doc_id": report["doc_id"], "article_id": int(report["doc_id"])})
    return {**report, **article}


def _public_story(details: dict, known: dict[int, dict]) -> dict:
    story = dict(details)
    story["reports"] = [_public_report(r, known) for r in details["reports"]]
    story["conflicts"] = [{**c, "a": _public_report(c["a"], known), "b": _public_report(c["b"], known)}
                          for c in details["conflicts"]]
    story["relays"] = [_public_report(r, known) for r in details["relays"]]
    return story


def _story_articles(details_list: list[dict]) -> set[int]:
    return {int(r["doc_id"]) for d in details_list for r in d["reports"]}


def list_stories(engine: Engine, *, since: str | None = None, until: str | None = None, place: str | None = None,
                 type: str | None = None, speaker: str | None = None, outlet: str | None = None,
                 min_reports: int = 1, limit: int = 100, offset: int = 0) -> list[dict]:
    """Stories by date, most-reported first within a day; filters as in `presslens stories`."""
    statement = stories_query(engine, since=since, until=until, place=place, type=type, speaker=speaker,
                              outlet=outlet, min_reports=min_reports).limit(limit).offset(offset)
    with engine.connect() as conn:
        found = [r.details for r in conn.execute(statement)]
    known = _articles(engine, _story_articles(found))
    return [_public_story(d, known) for d in found]


def stories_query(engine: Engine, *, since: str | None = None, until: str | None = None, place: str | None = None,
                  type: str | None = None, speaker: str | None = None, outlet: str | None = None,
                  min_reports: int = 1):
    """The statement behind `list_stories`, unpaged (`queries.count_rows` counts it)."""
    conditions = [stories.c.reports >= min_reports]
    if since:
        conditions.append(stories.c.date >= since)
    if until:
        conditions.append(func.substr(stories.c.date, 1, len(until)) <= until)
    if place:
        conditions.append(_contains(stories.c.place, place))
    if type:
        conditions.append(_contains(stories.c.type, type))
    if outlet:
        conditions.append(exists().where(story_reports.c.story_id == stories.c.id, _contains(story_reports.c.outlet, outlet)))
    if speaker:
        ids = identity_ids(engine, speaker)
        said = [_contains(story_reports.c.asserted_by, speaker), _contains(story_reports.c.source, speaker)]
        if ids:
            said += [story_reports.c.asserted_by_id.in_(ids), story_reports.c.source_id.in_(ids)]
        conditions.append(exists().where(story_reports.c.story_id == stories.c.id, or_(*said)))
    return (select(stories.c.details).where(*conditions)
            .order_by(stories.c.date.nulls_last(), stories.c.reports.desc(), stories.c.id))


def get_story(engine: Engine, story_id: str) -> dict | None:
    with engine.connect() as conn:
        details = conn.scalar(select(stories.c.details).where(stories.c.id == story_id))
    if details is None:
        return None
    return _public_story(details, _articles(engine, _story_articles([details])))


def _statement_rows(engine: Engine, statement_ids: list[str]) -> dict[str, list[dict]]:
    if not statement_ids:
        return {}
    with engine.connect() as conn:
        rows = conn.execute(
            select(statement_appearances, articles.c.document_id, articles.c.url, articles.c.title)
            .join(articles, articles.c.id == statement_appearances.c.article_id)
            .where(statement_appearances.c.statement_id.in_(statement_ids))
            .order_by(statement_appearances.c.published.nulls_last(), statement_appearances.c.quote_id)).all()
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r.statement_id, []).append({
            "doc_id": r.url or r.document_id, "article_id": r.article_id, "quote_id": r.quote_id,
            "quote_index": r.quote_index, "outlet": r.outlet, "published": r.published, "kind": r.kind,
            "relayed_by": r.relayed_by, "match": r.match, "title": r.title})
    with engine.connect() as conn:  # passages of the speaker's own text: no quotation, a span of the article
        passages = conn.execute(
            select(statement_passages, articles.c.document_id, articles.c.url, articles.c.title)
            .join(articles, articles.c.id == statement_passages.c.article_id)
            .where(statement_passages.c.statement_id.in_(statement_ids))).all()
    for r in passages:
        out.setdefault(r.statement_id, []).append({
            "doc_id": r.url or r.document_id, "article_id": r.article_id, "quote_id": None, "quote_index": None,
            "outlet": r.outlet, "published": r.published, "kind": r.kind, "relayed_by": None, "match": r.match,
            "title": r.title, "content": {"start": r.text_start, "end": r.text_end, "text": r.text}})
    return out


def _public_statement(row, appearances: list[dict]) -> dict:
    ordered = sorted(appearances, key=lambda a: (a["match"] != "first", a["published"] or "9999",
                                                 a["quote_id"] is not None, a["quote_id"] or 0))
    return {"id": row.id, "speaker": row.speaker, "speaker_id": row.speaker_id, "text": row.text,
            "first_seen": row.first_seen, "appearances": ordered}


def list_statements(engine: Engine, *, speaker: str | None = None, linked: bool = True, since: str | None = None,
                    until: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
    """Statements, most carried first; `linked` keeps those carried by more than one article."""
    statement = statements_query(engine, speaker=speaker, linked=linked, since=since, until=until)
    with engine.connect() as conn:
        rows = conn.execute(statement.limit(limit).offset(offset)).all()
    appearances = _statement_rows(engine, [r.id for r in rows])
    return [_public_statement(r, appearances.get(r.id, [])) for r in rows]


def statements_query(engine: Engine, *, speaker: str | None = None, linked: bool = True, since: str | None = None,
                     until: str | None = None):
    """The statement behind `list_statements`, unpaged (`queries.count_rows` counts it)."""
    conditions = []
    if linked:
        conditions.append(statements.c.appearances > 1)
    if speaker:
        ids = identity_ids(engine, speaker)
        conditions.append(statements.c.speaker_id.in_(ids) if ids else _contains(statements.c.speaker, speaker))
    if since:
        conditions.append(statements.c.first_seen >= since)
    if until:
        conditions.append(func.substr(statements.c.first_seen, 1, len(until)) <= until)
    return (select(statements.c.id, statements.c.speaker, statements.c.speaker_id, statements.c.text,
                   statements.c.first_seen).where(*conditions)
            .order_by(statements.c.appearances.desc(), statements.c.first_seen.nulls_last(), statements.c.id))


def get_statement(engine: Engine, statement_id: str) -> dict | None:
    with engine.connect() as conn:
        row = conn.execute(select(statements.c.id, statements.c.speaker, statements.c.speaker_id, statements.c.text,
                                  statements.c.first_seen).where(statements.c.id == statement_id)).first()
    if row is None:
        return None
    return _public_statement(row, _statement_rows(engine, [row.id]).get(row.id, []))


def carried_by(engine: Engine, quote_ids: list[int]) -> dict[int, dict]:
    """quote id → {"statement_id", "others": [the other articles carrying the same statement]}."""
    if not quote_ids:
        return {}
    with engine.connect() as conn:
        pairs = conn.execute(select(statement_appearances.c.quote_id, statement_appearances.c.statement_id)
                             .join(statements, statements.c.id == statement_appearances.c.statement_id)
                             .where(statement_appearances.c.quote_id.in_(quote_ids), statements.c.appearances > 1)
                             ).all()
    appearances = _statement_rows(engine, sorted({p.statement_id for p in pairs}))
    return {p.quote_id: {"statement_id": p.statement_id,
                         "others": [a for a in appearances.get(p.statement_id, []) if a["quote_id"] != p.quote_id]}
            for p in pairs}
