"""Which URLs presslens may fetch: http(s) on the default ports, to public addresses only.

Shared by `presslens ingest` (every URL it fetches: those named on the command line, links
found in feeds, and every redirect) and the web app's `--allow-fetch`, so neither can be made
to read the machine's own network — loopback, private, link-local, multicast, reserved or
unspecified addresses — or an odd port.  `ingest --allow-private-urls` lifts the rule for a
trusted local source.  (A host that changes its DNS answer between this check and the
connection can still slip through.)
"""
from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit


class FetchRefused(Exception):
    """A URL that will not be fetched, or could not be, with the reason."""


def check_url(url: str) -> None:
    """Raise `FetchRefused` unless `url` is http(s) on a default port to public addresses only."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused("only http:// and https:// URLs can be fetched")
    try:
        port = parts.port
    except ValueError:
        raise FetchRefused("the URL's port is not a number") from None
    if port not in (None, 80, 443):
        raise FetchRefused("only the default ports (80, 443) can be fetched")
    try:
        infos = socket.getaddrinfo(parts.hostname, port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchRefused(f"cannot resolve {parts.hostname}: {exc}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            raise FetchRefused(f"{parts.hostname} resolves to a non-public address ({address}); refused")
