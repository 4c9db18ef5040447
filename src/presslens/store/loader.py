"""Load documents into the store: skip what is already there, analyse the rest, write each
article in its own transaction, and log every failure in `errors` — then go on.

`--workers N` analyses in N processes (`presslens.parallel.analyze_parallel`) while this
process, the only writer, stores the results in input order.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import Engine

from ..corpus import EmbedderUnavailable
from ..ingest import Document
from ..parallel import analyze_parallel
from ..validate import printable
from .linking import BATCH as LINK_BATCH, link_articles
from .writer import RecordRejected, already_stored, record_error, text_hash, write_analysis


@dataclass
class LoadStats:
    seen: int = 0
    stored: int = 0
    skipped: int = 0  # duplicates: already stored, or twice in the input
    failed: int = 0
    linked: int = 0  # stored articles linked into the corpus's stories and statements

    @property
    def finished(self) -> int:
        """Documents done with: stored, skipped or failed (`seen` also counts those still in analysis)."""
        return self.stored + self.skipped + self.failed


def load(engine: Engine, documents: Iterable[Document], *, workers: int = 1,
         published: str | None = None, outlet: str | None = None, max_bytes: int = 2_000_000,
         progress: Callable[[LoadStats], None] = lambda stats: None, link: bool = True,
         embedder: str | None = "default") -> LoadStats:
    """Store every new document of `documents`; `published`/`outlet` fill in what a document lacks.

    With `link`, the stored articles are linked into the corpus (`presslens.store.linking`) every
    `linking.BATCH` articles and at the end."""
    stats = LoadStats()
    to_link: list[int] = []

    def link_stored() -> None:
        if link and to_link:
            try:
                link_articles(engine, to_link, embedder=embedder)
                stats.linked += len(to_link)
            except EmbedderUnavailable:
                raise
            except Exception as exc:  # the articles stay stored; `presslens link` links them again
                record_error(engine, "corpus linking", f"articles {to_link[0]}-{to_link[-1]}",
                             f"not linked: {type(exc).__name__}: {exc}")
        to_link.clear()

    hashes: set[str] = set()
    pending: deque[tuple[Document, str]] = deque()  # sent to analysis, not yet stored
    urls: set[str] = set()

    def fail(doc: Document, reason: str) -> None:
        stats.failed += 1
        record_error(engine, doc.source or doc.id, doc.id, reason)

    def new_records() -> Iterator[dict]:
        with engine.connect() as conn:
            for doc in documents:
                stats.seen += 1
                if doc.error:
                    fail(doc, doc.error)
                    progress(stats)
                    continue
                doc.published = doc.published or published
                doc.outlet = doc.outlet or outlet
                hash_ = text_hash(doc.text)
                doc.url = printable(doc.url) if doc.url else None  # a NUL in a URL breaks PostgreSQL's query
                if hash_ in hashes or (doc.url and doc.url in urls) or already_stored(conn, hash_, doc.url):
                    stats.skipped += 1
                    progress(stats)
                    continue
                hashes.add(hash_)
                if doc.url:
                    urls.add(doc.url)
                pending.append((doc, hash_))
                yield doc.to_record()
                conn.rollback()  # end the read transaction so it never pins an old snapshot

    for analysis in analyze_parallel(new_records(), workers, max_bytes=max_bytes):
        doc, hash_ = pending.popleft()
        if analysis.errors:
            fail(doc, "; ".join(analysis.errors))
        else:
            analysis.language = doc.language or analysis.language
            try:
                article_id = write_analysis(engine, analysis, source=doc.source, document_id=analysis.id or doc.id,
                                            hash_=hash_)
            except RecordRejected as exc:
                fail(doc, str(exc))
            else:
                if article_id is None:
                    stats.skipped += 1
                else:
                    stats.stored += 1
                    to_link.append(article_id)
                    if len(to_link) >= LINK_BATCH:
                        link_stored()
        progress(stats)
    link_stored()
    return stats
