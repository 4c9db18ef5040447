"""WARC / WARC.gz archives → `Document`s (warcio): every HTML `response` record, as in
Common Crawl News; other records are skipped, a broken one is reported and the rest read."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from .document import Document, failed
from .html import from_html


def read_warc(path: Path, *, max_bytes: int) -> Iterator[Document]:
    source = str(path)
    number = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                number += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                item = url or f"record {number}"
                content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if "html" not in content_type.lower():
                    yield failed(source, item, f"response is {content_type or 'of unknown type'}, not HTML")
                    continue
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield failed(source, item, f"response is over the limit of {max_bytes:,} bytes")
                    continue
                yield from_html(body, source=source, item=item, url=url)
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as exc:
        yield failed(source, f"after record {number}", f"WARC archive is damaged ({type(exc).__name__}: {exc})")
