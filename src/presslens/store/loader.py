"""Load documents into the store: skip what is already there, analyse the rest, write each
article in its own transaction, and log every failure in `errors` — then go on.

`--workers N` analyses batches in N processes (the pipeline is loaded once per process)
while this process, the only writer, stores results in input order.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from multiprocessing import get_context

from sqlalchemy import Engine

from ..ingest import Document
from ..model import Analysis
from .writer import already_stored, record_error, text_hash, write_analysis


@dataclass
class LoadStats:
    seen: int = 0
    stored: int = 0
    skipped: int = 0  # duplicates: already stored, or twice in the input
    failed: int = 0


def _analyze(records: list[dict], max_bytes: int) -> list[Analysis]:
    from .. import analyze_many

    return list(analyze_many(records, max_bytes=max_bytes))


def _analysed(batches: Iterable[list[tuple[Document, str]]], workers: int,
              max_bytes: int) -> Iterator[tuple[list[tuple[Document, str]], list[Analysis]]]:
    """(batch, its analyses) in input order; with workers > 1, at most 2×workers batches in flight."""
    if workers <= 1:
        for batch in batches:
            yield batch, _analyze([doc.to_record() for doc, _ in batch], max_bytes)
        return
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        in_flight: deque[tuple[list, Future]] = deque()
        for batch in batches:
            in_flight.append((batch, pool.submit(_analyze, [doc.to_record() for doc, _ in batch], max_bytes)))
            if len(in_flight) >= 2 * workers:
                done, future = in_flight.popleft()
                yield done, future.result()
        while in_flight:
            done, future = in_flight.popleft()
            yield done, future.result()


def _batches(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(islice(items, size)):
        yield batch


def load(engine: Engine, documents: Iterable[Document], *, workers: int = 1, batch_size: int = 16,
         published: str | None = None, outlet: str | None = None, max_bytes: int = 2_000_000,
         progress: Callable[[LoadStats], None] = lambda stats: None) -> LoadStats:
    """Store every new document of `documents`; `published`/`outlet` fill in what a document lacks."""
    stats = LoadStats()
    hashes: set[str] = set()
    urls: set[str] = set()

    def fail(doc: Document, reason: str) -> None:
        stats.failed += 1
        record_error(engine, doc.source or doc.id, doc.id, reason)

    def new_documents() -> Iterator[tuple[Document, str]]:
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
                if hash_ in hashes or (doc.url and doc.url in urls) or already_stored(conn, hash_, doc.url):
                    stats.skipped += 1
                    progress(stats)
                    continue
                hashes.add(hash_)
                if doc.url:
                    urls.add(doc.url)
                yield doc, hash_
                conn.rollback()  # end the read transaction so it never pins an old snapshot

    for batch, analyses in _analysed(_batches(new_documents(), batch_size), workers, max_bytes):
        for (doc, hash_), analysis in zip(batch, analyses):
            if analysis.errors:
                fail(doc, "; ".join(analysis.errors))
            else:
                analysis.language = doc.language or analysis.language
                if write_analysis(engine, analysis, source=doc.source, document_id=doc.id, hash_=hash_) is None:
                    stats.skipped += 1
                else:
                    stats.stored += 1
            progress(stats)
    return stats
