"""WARC / WARC.gz archives → `Document`s (warcio): every HTML `response` record, as in
Common Crawl News; other records are skipped, a broken one is reported and the rest read.

warcio reads a cut-short archive without complaint, dropping the cut record, so damage is
looked for separately: a `.gz` archive must end at the end of a complete gzip member, a record
must hold the bytes its `Content-Length` declares, and an archive with no response record at
all is reported too (a stub or a file that is not a WARC).  Each finding is an error
`Document`, so the damage is logged, never silent.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from .document import Document, failed
from .html import from_html

READ_CHUNK = 1 << 20


def gzip_damage(path: Path) -> str | None:
    """Why the gzip file at `path` is incomplete or not gzip at all, or None when it is whole."""
    inflate, started = zlib.decompressobj(31), False
    with path.open("rb") as fh:
        while chunk := fh.read(READ_CHUNK):
            while chunk:
                started = True
                try:
                    inflate.decompress(chunk)
                except zlib.error as exc:
                    return f"it is not valid gzip ({exc})"
                if not inflate.eof:
                    break
                chunk = inflate.unused_data  # the next member (WARC.gz is one member per record)
                inflate, started = zlib.decompressobj(31), False
    if started:
        return "it is cut short (its last gzip member is incomplete)"
    return None


def read_warc(path: Path, *, max_bytes: int) -> Iterator[Document]:
    source = str(path)
    number, last_cut = 0, False
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                number += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                item = url or f"record {number}"
                content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                body = record.content_stream().read(max_bytes + 1)
                while record.raw_stream.read(READ_CHUNK):  # the rest, to see whether the record is whole
                    pass
                last_cut = getattr(record.raw_stream, "limit", 0) > 0
                if last_cut:
                    yield failed(source, item, "WARC record is cut short (fewer bytes than its Content-Length)")
                elif "html" not in content_type.lower():
                    yield failed(source, item, f"response is {content_type or 'of unknown type'}, not HTML")
                elif len(body) > max_bytes:
                    yield failed(source, item, f"response is over the limit of {max_bytes:,} bytes")
                else:
                    yield from_html(body, source=source, item=item, url=url)
    except Exception as exc:  # warcio raises many kinds (ArchiveLoadFailed, AttributeError, …) on garbage
        yield failed(source, f"after record {number}", f"WARC archive is damaged or not a WARC file ({type(exc).__name__}: {exc})")
        return
    damage = gzip_damage(path) if path.name.endswith(".gz") and not last_cut else None
    if damage:
        yield failed(source, f"after record {number}", f"WARC archive is damaged: {damage}; records after "
                                                      f"response {number} are lost")
    elif number == 0:
        yield failed(source, source, "WARC archive holds no response records (empty, a stub, or not a WARC file)")
