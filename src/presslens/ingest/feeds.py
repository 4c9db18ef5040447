"""RSS and Atom feeds → `Document`s (feedparser): entries with full content are read as HTML;
entries with only a link are fetched when a `fetch` function is given (online), else fail."""
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
        body = content[0].get("value") if content else None
        if body and len(body) > len(entry.get("summary") or ""):
            html = f"<html><body><article>{body}</article></body></html>"
            document = from_html(html, source=source, item=item, url=link)
        elif link and fetch is not None:
            document = fetch(link)
            document.id, document.source = item, source
        else:
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
