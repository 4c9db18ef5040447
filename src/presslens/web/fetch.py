"""Fetch an article for `POST /api/analyze` when the server allows it (`presslens serve --allow-fetch`).

Only http(s) on the default ports; every hop of a redirect chain is resolved and refused when
any address is loopback, private, link-local, multicast, reserved or unspecified, so a
request cannot make the server read its own network.  (A host that changes its DNS answer
between the check and the connection can still slip through; serve with fetching off where
that matters.)  The page's text is extracted by `presslens.ingest.html`.
"""
from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

import httpx

from ..ingest.document import Document
from ..ingest.html import from_html
from ..ingest.web import TIMEOUT, USER_AGENT

MAX_REDIRECTS = 5


class FetchRefused(Exception):
    """A URL the server will not fetch, or could not, with the reason."""


def check_url(url: str) -> None:
    """Raise `FetchRefused` unless `url` is http(s) on a default port to public addresses only."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused("only http:// and https:// URLs can be fetched")
    if parts.port not in (None, 80, 443):
        raise FetchRefused("only the default ports (80, 443) can be fetched")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchRefused(f"cannot resolve {parts.hostname}: {exc}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            raise FetchRefused(f"{parts.hostname} resolves to a non-public address ({address}); refused")


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
