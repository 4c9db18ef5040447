"""What the web app needs from the corpus store beyond `presslens.store.queries`.

Cleaning user filters (control characters out: a NUL breaks SQLite's FTS5 query parser),
saving an analysis idempotently (a duplicate resolves to the stored article's id),
rebuilding an `Analysis` from a stored article's findings so it renders like a fresh one,
and per-outlet shares of unattributed claims.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, case, func, select

from ..model import Analysis, Technique, TimeExpression, event_from_dict, from_dict, quote_from_dict, span_from_dict
from ..store.schema import articles, claims
from ..store.linking import link_articles
from ..store.writer import text_hash, write_analysis


def clean_filter(value: str | None) -> str | None:
    """A filter as typed → None when blank, else without control characters and outer spaces."""
    if value is None:
        return None
    return "".join(c for c in value if c >= " " or c == "\t").strip() or None


def save(engine: Engine, analysis: Analysis, *, embedder: str | None = "default") -> int:
    """Store `analysis` (source "web") and link it into the corpus; the new article's id, or the id
    of the copy already stored."""
    article_id = write_analysis(engine, analysis, source="web")
    if article_id is not None:
        link_articles(engine, [article_id], embedder=embedder)
    else:
        with engine.connect() as conn:
            article_id = conn.scalar(select(articles.c.id).where(articles.c.text_hash == text_hash(analysis.text)))
            if article_id is None and analysis.url:
                article_id = conn.scalar(select(articles.c.id).where(articles.c.url == analysis.url))
    return article_id


def stored_analysis(article: dict) -> Analysis:
    """An `Analysis` from `queries.get_article()`'s row, using each finding's stored full record."""
    details = lambda name: [row["details"] for row in article.get(name, []) if row.get("details")]  # noqa: E731
    return Analysis(
        text=article["text"], title=article.get("title"), url=article.get("url"), outlet=article.get("outlet"),
        published=article.get("published"), language=article.get("language"), id=str(article["id"]),
        quotes=[quote_from_dict(q) for q in details("quotes")],
        time_expressions=[from_dict(TimeExpression, t) for t in details("time_expressions")],
        events=[event_from_dict(e) for e in details("events")],
        framing=[from_dict(Technique, row["details"]) for row in article.get("framing", [])
                 if row.get("technique") != "Hedge" and row.get("details")],
        hedges=[span_from_dict(row["details"]) for row in article.get("framing", [])
                if row.get("technique") == "Hedge" and row.get("details")],
    )


def claim_stats(engine: Engine) -> dict[str | None, dict[str, Any]]:
    """Per outlet: claims and the share of them the author makes with no source."""
    unattributed = func.sum(case((claims.c.attribution == "unattributed", 1), else_=0))
    statement = (select(articles.c.outlet, func.count(claims.c.id).label("claims"), unattributed.label("unattributed"))
                 .join(claims, claims.c.article_id == articles.c.id).group_by(articles.c.outlet))
    with engine.connect() as conn:
        rows = conn.execute(statement).all()
    return {r.outlet: {"claims": int(r.claims), "unattributed_claims": int(r.unattributed or 0),
                       "unattributed_share": round((r.unattributed or 0) / r.claims, 3) if r.claims else 0.0}
            for r in rows}


def outlet_rows(engine: Engine) -> list[dict[str, Any]]:
    """`queries.outlet_stats()` rows, each with its claim counts and unattributed share added."""
    from ..store.queries import outlet_stats

    shares = claim_stats(engine)
    empty = {"claims": 0, "unattributed_claims": 0, "unattributed_share": 0.0}
    return [{**row, **shares.get(row["outlet"], empty)} for row in outlet_stats(engine)]
