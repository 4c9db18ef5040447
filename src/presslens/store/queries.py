"""Corpus questions over the store, as plain functions returning JSON-ready dicts.

The CLI (`presslens quotes|speakers|events|search|articles`) and the web app both call
these; signatures are stable.  Every function takes an engine from `open_store()`, filters
given as None are ignored, dates are ISO strings compared as `YYYY-MM-DD`, name filters are
case-insensitive substrings, and full-text `q` uses FTS5 on SQLite and `tsvector` on PostgreSQL.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, case, distinct, exists, func, literal_column, or_, select, text

from .corpus_queries import identity_ids
from .corpus_schema import corpus_identities, quote_identities, story_reports
from .schema import FINDING_TABLES, articles, entities, errors, events, framing, mentions, metadata, quotes

ARTICLE_FIELDS = (articles.c.id, articles.c.document_id, articles.c.title, articles.c.url, articles.c.outlet,
                  articles.c.published, articles.c.language, articles.c.source)


def _rows(engine: Engine, statement) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(statement)]


def _contains(column, value: str):
    return func.lower(column).contains(value.lower(), autoescape=True)


def _search_text(q: str) -> str:
    """User text without control characters: a NUL breaks SQLite's FTS5 parser and PostgreSQL."""
    return "".join(c if c >= " " else " " for c in q)


def _fts_phrase(q: str) -> str:
    """User text → an FTS5 query matching all its words, with FTS5 syntax characters neutralised."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in _search_text(q).split())


def _article_matches(engine: Engine, q: str):
    if engine.dialect.name == "sqlite":
        return articles.c.id.in_(select(literal_column("rowid")).select_from(text("articles_fts"))
                                 .where(text("articles_fts MATCH :article_q")).params(article_q=_fts_phrase(q)))
    document = func.to_tsvector(literal_column("'english'"),
                                func.coalesce(articles.c.title, "").op("||")(" ").op("||")(articles.c.text))
    return document.op("@@")(func.plainto_tsquery(literal_column("'english'"), _search_text(q)))


def _quote_matches(engine: Engine, q: str):
    if engine.dialect.name == "sqlite":
        return quotes.c.id.in_(select(literal_column("rowid")).select_from(text("quotes_fts"))
                               .where(text("quotes_fts MATCH :quote_q")).params(quote_q=_fts_phrase(q)))
    document = func.to_tsvector(literal_column("'english'"), func.coalesce(quotes.c.content, ""))
    return document.op("@@")(func.plainto_tsquery(literal_column("'english'"), _search_text(q)))


def _dates(column, since: str | None, until: str | None) -> list:
    conditions = []
    if since:
        conditions.append(column >= since)
    if until:
        # a date like 2025-04 or 2025-04-28 includes everything that starts with it
        conditions.append(func.substr(column, 1, len(until)) <= until)
    return conditions


def _article_filters(engine, q, outlet, since, until) -> list:
    conditions = _dates(articles.c.published, since, until)
    if outlet:
        conditions.append(_contains(articles.c.outlet, outlet))
    if q:
        conditions.append(_article_matches(engine, q))
    return conditions


def _count(table):
    return (select(func.count()).select_from(table).where(table.c.article_id == articles.c.id)
            .correlate(articles).scalar_subquery())


def list_articles(engine: Engine, q: str | None = None, limit: int = 50, offset: int = 0, *,
                  outlet: str | None = None, since: str | None = None, until: str | None = None) -> list[dict]:
    """Articles, newest first, with finding counts; `q` is full-text search over title and text."""
    statement = (select(*ARTICLE_FIELDS, _count(quotes).label("quotes"), _count(events).label("events"),
                        _count(framing).label("framing"))
                 .where(*_article_filters(engine, q, outlet, since, until))
                 .order_by(articles.c.published.desc().nulls_last(), articles.c.id).limit(limit).offset(offset))
    return _rows(engine, statement)


def count_articles(engine: Engine, q: str | None = None, *, outlet: str | None = None, since: str | None = None,
                   until: str | None = None) -> int:
    """How many articles `list_articles` would page through with the same filters."""
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(articles)
                           .where(*_article_filters(engine, q, outlet, since, until)))


def get_article(engine: Engine, article_id: int) -> dict | None:
    """One article with its text and every finding, each list in text order; None when absent."""
    with engine.connect() as conn:
        row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
        if row is None:
            return None
        article = dict(row._mapping)
        order = {"quotes": quotes.c.content_start, "events": events.c.evidence_start}
        for name in FINDING_TABLES:
            table = metadata.tables[name]
            key = order.get(name, table.c.get("text_start", table.c.id))
            article[name] = [dict(r._mapping) for r in conn.execute(
                select(table).where(table.c.article_id == article_id).order_by(key, table.c.id))]
    return article


def list_quotes(engine: Engine, speaker: str | None = None, since: str | None = None, until: str | None = None,
                outlet: str | None = None, q: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
    """Quotes with their article's title, outlet and date, by date then position.

    `speaker` names a corpus identity ("Trump", "President Trump" and "Donald J. Trump" are one
    person; `presslens.store.corpus_queries.identity_ids`) and finds every quote linked to it;
    a name no identity has falls back to the speaker name, its entity's name or any mention
    containing it.  `q` is full-text search over the quoted content.
    """
    return _rows(engine, quotes_query(engine, speaker, since, until, outlet, q).limit(limit).offset(offset))


def count_rows(engine: Engine, statement) -> int:
    """How many rows a `*_query()` statement has in all (what a paged listing pages through)."""
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))


def quotes_query(engine: Engine, speaker: str | None = None, since: str | None = None, until: str | None = None,
                 outlet: str | None = None, q: str | None = None):
    """The statement behind `list_quotes`, unpaged."""
    conditions = _dates(articles.c.published, since, until)
    if speaker:
        ids = identity_ids(engine, speaker)
        if ids:  # a corpus identity: every quote of that person or body, under any of its names
            conditions.append(exists().where(quote_identities.c.quote_id == quotes.c.id,
                                             quote_identities.c.identity_id.in_(ids)))
        else:
            alias = exists().where(mentions.c.entity_id == quotes.c.entity_id, _contains(mentions.c.text, speaker))
            canonical = exists().where(entities.c.id == quotes.c.entity_id, _contains(entities.c.name, speaker))
            conditions.append(or_(_contains(quotes.c.speaker, speaker), canonical, alias))
    if outlet:
        conditions.append(_contains(articles.c.outlet, outlet))
    if q:
        conditions.append(_quote_matches(engine, q))
    statement = (select(quotes.c.id, quotes.c.article_id, articles.c.published, articles.c.outlet,
                        articles.c.title, articles.c.url, quotes.c.speaker, quotes.c.speaker_role,
                        quotes.c.speaker_affiliation, quotes.c.speaker_vague, quotes.c.kind, quotes.c.content,
                        quotes.c.content_start, quotes.c.content_end, quotes.c.cue, quotes.c.channel,
                        quotes.c.confidence)
                 .join(articles, articles.c.id == quotes.c.article_id).where(*conditions)
                 .order_by(articles.c.published.nulls_last(), quotes.c.article_id, quotes.c.content_start))
    return statement


def list_speakers(engine: Engine, q: str | None = None, outlet: str | None = None, limit: int = 100,
                  offset: int = 0) -> list[dict]:
    """Speakers by number of quotes, with the articles, outlets, roles and affiliations they appear with.

    Quotes are counted by corpus identity (`identity_id`): "Putin" and "Vladimir Putin" are one
    speaker, "Rip Donald Trump" is not Donald Trump; a quote with no identity counts under its name.
    `q` finds the identities a name means, else speaker names containing it."""
    rows = _rows(engine, speakers_query(engine, q, outlet).limit(limit).offset(offset))
    for row in rows:
        row["vague"] = bool(row["vague"])
    return rows


def speakers_query(engine: Engine, q: str | None = None, outlet: str | None = None):
    """The statement behind `list_speakers`, unpaged."""
    who = func.coalesce(corpus_identities.c.name, quotes.c.speaker)
    conditions = [quotes.c.speaker.is_not(None)]
    if q:
        ids = identity_ids(engine, q)
        conditions.append(quote_identities.c.identity_id.in_(ids) if ids else _contains(quotes.c.speaker, q))
    if outlet:
        conditions.append(_contains(articles.c.outlet, outlet))
    statement = (select(who.label("speaker"), func.count().label("quotes"),
                        func.count(distinct(quotes.c.article_id)).label("articles"),
                        func.max(case((quotes.c.speaker_vague.is_(True), 1), else_=0)).label("vague"),
                        _agg(engine, quotes.c.speaker_role).label("roles"),
                        _agg(engine, quotes.c.speaker_affiliation).label("affiliations"),
                        _agg(engine, articles.c.outlet).label("outlets"),
                        func.min(articles.c.published).label("first"), func.max(articles.c.published).label("last"),
                        quote_identities.c.identity_id)
                 .select_from(quotes).join(articles, articles.c.id == quotes.c.article_id)
                 .outerjoin(quote_identities, quote_identities.c.quote_id == quotes.c.id)
                 .outerjoin(corpus_identities, corpus_identities.c.id == quote_identities.c.identity_id)
                 .where(*conditions)
                 .group_by(quote_identities.c.identity_id, who).order_by(func.count().desc(), who))
    return statement


def _agg(engine: Engine, column):
    if engine.dialect.name == "postgresql":
        return func.string_agg(distinct(column), literal_column("', '"))
    return func.group_concat(distinct(column))


def list_events(engine: Engine, type: str | None = None, place: str | None = None, since: str | None = None,
                until: str | None = None, asserted_by: str | None = None, limit: int = 100,
                offset: int = 0) -> list[dict]:
    """Events by date (the event's own date, else its article's), with the asserting source."""
    return _rows(engine, events_query(engine, type, place, since, until, asserted_by).limit(limit).offset(offset))


def events_query(engine: Engine, type: str | None = None, place: str | None = None, since: str | None = None,
                 until: str | None = None, asserted_by: str | None = None):
    """The statement behind `list_events`, unpaged."""
    when = func.coalesce(events.c.date, articles.c.published)
    conditions = _dates(when, since, until)
    if type:
        conditions.append(_contains(events.c.type, type))
    if place:
        conditions.append(_contains(events.c.location, place))
    if asserted_by:  # a name of a corpus identity finds its events under any of its names
        ids = identity_ids(engine, asserted_by)
        by_identity = exists().where(story_reports.c.event_id == events.c.id, story_reports.c.asserted_by_id.in_(ids))
        conditions.append(or_(_contains(events.c.asserted_by, asserted_by), by_identity) if ids
                          else _contains(events.c.asserted_by, asserted_by))
    statement = (select(events.c.id, events.c.article_id, events.c.type, events.c.actor, events.c.target,
                        events.c.location, events.c.date, events.c.asserted_by, events.c.evidence,
                        events.c.confidence, events.c.details["mention"].as_string().label("mention"),
                        articles.c.published, articles.c.outlet, articles.c.title)
                 .join(articles, articles.c.id == events.c.article_id).where(*conditions)
                 .order_by(when.nulls_last(), events.c.article_id, events.c.evidence_start))
    return statement


def outlet_stats(engine: Engine) -> list[dict]:
    """Per outlet: articles, quotes, quotes from vague sources and their share, events, framing spans."""
    per_article = (select(articles.c.outlet, articles.c.id, _count(quotes).label("quotes"),
                          (select(func.count()).where(quotes.c.article_id == articles.c.id,
                                                      quotes.c.speaker_vague.is_(True))
                           .correlate(articles).scalar_subquery()).label("vague"),
                          _count(events).label("events"), _count(framing).label("framing")).subquery())
    statement = (select(per_article.c.outlet, func.count().label("articles"),
                        func.sum(per_article.c.quotes).label("quotes"),
                        func.sum(per_article.c.vague).label("vague_quotes"),
                        func.sum(per_article.c.events).label("events"),
                        func.sum(per_article.c.framing).label("framing"))
                 .group_by(per_article.c.outlet).order_by(func.count().desc(), per_article.c.outlet))
    rows = _rows(engine, statement)
    for row in rows:
        for key in ("quotes", "vague_quotes", "events", "framing"):
            row[key] = int(row[key] or 0)
        row["vague_share"] = round(row["vague_quotes"] / row["quotes"], 3) if row["quotes"] else 0.0
    return rows


def list_errors(engine: Engine, limit: int = 100, offset: int = 0) -> list[dict]:
    """Records that failed to ingest, most recent first, with their source and reason."""
    return _rows(engine, select(errors).order_by(errors.c.id.desc()).limit(limit).offset(offset))


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows per table: articles, every findings table and errors."""
    with engine.connect() as conn:
        return {name: conn.scalar(select(func.count()).select_from(metadata.tables[name]))
                for name in ("articles", *FINDING_TABLES, "errors")}
