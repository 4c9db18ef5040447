"""HTML pages → `Document`: main text without boilerplate (trafilatura), title, outlet and the
original publication date (htmldate, through trafilatura's date extraction)."""
from __future__ import annotations

import trafilatura

from .document import Document, failed

DATE_OPTIONS = {"original_date": True, "extensive_search": False}  # no guesses from "© 2025"
MIN_WORDS = 8  # less is navigation left over, not an article


def from_html(html: str | bytes, *, source: str, item: str, url: str | None = None) -> Document:
    """Extract the article in `html`; a page with no extractable text becomes a failed `Document`."""
    try:
        page = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                           include_tables=False, date_extraction_params=DATE_OPTIONS)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        return failed(source, item, f"HTML could not be parsed ({type(exc).__name__}: {exc})")
    if page is None or len((page.text or "").split()) < MIN_WORDS:
        return failed(source, item, "no article text found in the HTML page")
    lines = [line.strip() for line in page.text.splitlines() if line.strip()]
    if page.title and lines and lines[0] == page.title.strip():
        lines = lines[1:]  # the headline is kept as the title, not repeated as a paragraph
    return Document(id=item, text="\n\n".join(lines), title=page.title, url=page.url or url,
                    outlet=page.sitename or page.hostname, published=page.date, language=page.language,
                    source=source)


def looks_like_html(data: str | bytes) -> bool:
    head = (data[:2048].decode("utf-8", "replace") if isinstance(data, bytes) else data[:2048]).lower()
    return "<html" in head or "<!doctype html" in head or "<p>" in head or "<p " in head
