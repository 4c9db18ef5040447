"""Readers that turn any source into `Document`s: `read_sources(["a.html", "feeds/", "crawl.warc.gz",
"https://…"])` streams documents from plain text, HTML, RSS/Atom, WARC, JSONL and CSV files,
directories, globs and URLs.  A bad record comes out as a `Document` with `error` set, never
as an exception, so a batch goes on.
"""
from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..validate import DEFAULT_MAX_BYTES
from .document import Document, failed
from .tabular import Fields

__all__ = ["Document", "Fields", "read_sources", "count_documents"]

SUFFIXES = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".gz": "warc",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv",
}


def _kind(path: Path) -> str | None:
    if path.name.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    kind = SUFFIXES.get(path.suffix.lower())
    return None if kind == "warc" and path.suffix.lower() == ".gz" else kind


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def expand(sources: Iterable[str]) -> Iterator[str]:
    """Sources with directories (recursively, known file types only) and globs replaced by their files."""
    for source in sources:
        if _is_url(source):
            yield source
        elif Path(source).is_dir():
            yield from sorted(str(p) for p in Path(source).rglob("*") if p.is_file() and _kind(p))
        elif glob.has_magic(source):
            matches = sorted(p for p in glob.glob(source, recursive=True) if Path(p).is_file())
            yield from matches or [source]
        else:
            yield source


def read_file(path: Path, *, fields: Fields = Fields(), max_bytes: int = DEFAULT_MAX_BYTES,
              fetcher=None) -> Iterator[Document]:
    """Documents of one local file, by its type (suffix, or content when the suffix says nothing)."""
    from .feeds import looks_like_feed, read_feed
    from .html import from_html, looks_like_html
    from .tabular import read_csv, read_jsonl
    from .text import read_text
    from .warc import read_warc

    source = str(path)
    if not path.is_file():
        yield failed(source, source, "no such file" if not path.exists() else "not a regular file")
        return
    kind = _kind(path)
    if kind in (None, "html", "feed"):
        with path.open("rb") as fh:
            head = fh.read(2048)
        kind = "feed" if looks_like_feed(head) else "html" if looks_like_html(head) else kind or "text"
    if kind == "warc":
        yield from read_warc(path, max_bytes=max_bytes)
    elif kind == "jsonl":
        yield from read_jsonl(path, fields)
    elif kind == "csv":
        yield from read_csv(path, fields)
    elif kind == "text":
        yield read_text(path, max_bytes=max_bytes)
    elif path.stat().st_size > max_bytes:
        yield failed(source, source, f"file is over the limit of {max_bytes:,} bytes")
    elif kind == "feed":
        yield from read_feed(path.read_bytes(), source=source, fetch=fetcher.article if fetcher else None)
    else:
        yield from_html(path.read_bytes(), source=source, item=source)


def read_sources(sources: Iterable[str], *, fields: Fields = Fields(), online: bool = True,
                 max_bytes: int = DEFAULT_MAX_BYTES, allow_private: bool = False) -> Iterator[Document]:
    """Every document of every source, in order; URLs are fetched only when `online`, and only from
    public addresses on the default ports unless `allow_private` (`presslens.ingest.guard`)."""
    from .web import Fetcher

    fetcher = Fetcher(max_bytes, allow_private=allow_private) if online else None
    try:
        for source in expand(sources):
            if _is_url(source):
                if fetcher is None:
                    yield failed(source, source, "URL given but running offline")
                else:
                    yield from fetcher.documents(source)
            else:
                yield from read_file(Path(source), fields=fields, max_bytes=max_bytes, fetcher=fetcher)
    finally:
        if fetcher is not None:
            fetcher.close()


def count_documents(sources: Iterable[str]) -> int | None:
    """How many documents the sources hold when that is cheap to know (text, HTML, JSONL files), else None."""
    total = 0
    for source in expand(sources):
        path = Path(source)
        kind = _kind(path)
        if _is_url(source) or not path.is_file() or kind not in ("text", "html", "jsonl"):
            return None
        if kind == "jsonl":
            with path.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total
