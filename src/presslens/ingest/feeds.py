"""RSS and Atom feeds → `Document`s (feedparser): an entry whose content (or summary) holds an
article is read as HTML; otherwise its link is fetched when a `fetch` function is given (online)."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from time import strftime

import feedparser

from .document import Document, failed
from .html import from_html


def read_feed(data: bytes | str, *, source: str,
              fetch: Callable[[str], Document] | None = None) -> Iterator[Document]:
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield failed(source, source, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
        return
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        item = entry.get("id") or link or f"entry {number}"
        content = entry.get("content")
        body = content[0].get("value") if content else entry.get("summary")
        document = from_html(f"<html><body><article>{body}</article></body></html>", source=source, item=item,
                             url=link) if body else None
        if (document is None or document.error) and link and fetch is not None:
            document = fetch(link)
            document.id, document.source = item, source
        elif document is None or document.error:
            yield failed(source, item, "feed entry has no full content and no link to fetch (or --offline)")
            continue
        document.title = entry.get("title") or document.title
        document.outlet = outlet or document.outlet
        date = entry.get("published_parsed") or entry.get("updated_parsed")
        if date:
            document.published = strftime("%Y-%m-%d", date)
        yield document


def looks_like_feed(data: bytes) -> bool:
    head = data[:1024].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
