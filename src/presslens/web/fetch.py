"""Fetch an article for `POST /api/analyze` when the server allows it (`presslens serve --allow-fetch`).

Every hop of a redirect chain must pass `presslens.ingest.guard.check_url` (http(s), default
ports, public addresses only), so a request cannot make the server read its own network;
serve with fetching off where DNS rebinding matters.  The page's text is extracted by
`presslens.ingest.html`.
"""
from __future__ import annotations

from urllib.parse import urljoin

import httpx

from ..ingest.document import Document
from ..ingest.guard import FetchRefused, check_url
from ..ingest.html import from_html
from ..ingest.web import TIMEOUT, USER_AGENT

MAX_REDIRECTS = 5
__all__ = ["FetchRefused", "check_url", "fetch_article"]


def fetch_article(url: str, max_bytes: int) -> Document:
    """The article at `url` as a `Document`; `FetchRefused` with the reason otherwise."""
    with httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT, follow_redirects=False) as client:
        for _ in range(MAX_REDIRECTS + 1):
            check_url(url)
            try:
                with client.stream("GET", url) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers["location"])
                        continue
                    if response.status_code >= 400:
                        raise FetchRefused(f"HTTP {response.status_code} {response.reason_phrase}")
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > max_bytes:
                            raise FetchRefused(f"response is over the limit of {max_bytes:,} bytes")
            except httpx.HTTPError as exc:
                raise FetchRefused(f"{type(exc).__name__}: {exc}") from None
            document = from_html(bytes(body), source=url, item=url, url=url)
            if document.error:
                raise FetchRefused(document.error)
            return document
    raise FetchRefused(f"more than {MAX_REDIRECTS} redirects")
