"""Fetch articles and feeds over HTTP(S) (httpx): timeouts, a size cap, an honest user agent, and
the fetch guard (`presslens.ingest.guard`) on every request and redirect unless private
addresses are explicitly allowed."""
from __future__ import annotations

from collections.abc import Iterator

import httpx

from .. import __version__
from .document import Document, failed
from .guard import FetchRefused, check_url

USER_AGENT = f"presslens/{__version__} (news article analysis; python-httpx/{httpx.__version__})"
TIMEOUT = httpx.Timeout(20.0, connect=10.0)


class Fetcher:
    """One HTTP client for a whole run; `get(url)` returns the body or raises `FetchError`."""

    def __init__(self, max_bytes: int, timeout: httpx.Timeout = TIMEOUT, *, allow_private: bool = False):
        self.max_bytes = max_bytes
        hooks = {} if allow_private else {"request": [lambda request: check_url(str(request.url))]}
        self.client = httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=timeout, follow_redirects=True,
                                   event_hooks=hooks)

    def get(self, url: str) -> tuple[bytes, str]:
        """(body, content type) of `url`; raises `FetchError` with the reason."""
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchError(f"response is over the limit of {self.max_bytes:,} bytes")
                return bytes(body), response.headers.get("content-type", "")
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {exc}") from None
        except FetchRefused as exc:
            raise FetchError(f"refused: {exc} (--allow-private-urls allows it)") from None

    def documents(self, url: str) -> Iterator[Document]:
        """The article at `url`, or every entry when it is a feed."""
        from .feeds import looks_like_feed, read_feed

        try:
            body, content_type = self.get(url)
        except FetchError as exc:
            yield failed(url, url, str(exc))
            return
        if "rss" in content_type or "atom" in content_type or looks_like_feed(body):
            yield from read_feed(body, source=url, fetch=self.article)
        else:
            yield self._html(body, url)

    def article(self, url: str) -> Document:
        try:
            body, _ = self.get(url)
        except FetchError as exc:
            return failed(url, url, str(exc))
        return self._html(body, url)

    @staticmethod
    def _html(body: bytes, url: str) -> Document:
        from .html import from_html

        return from_html(body, source=url, item=url, url=url)

    def close(self) -> None:
        self.client.close()


class FetchError(Exception):
    """A URL that could not be fetched, with the reason."""
