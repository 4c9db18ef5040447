"""HTTP hardening for the web app, as one pure-ASGI middleware.

- a body-size limit (413 past `max_body_bytes`, counted on the wire, not trusted from headers);
- cross-site form posts refused (403 when a POST's `Origin` is another origin, or opaque);
- optional Host allow-list against DNS rebinding when serving on loopback;
- security headers on every response: a Content-Security-Policy with scripts from this
  origin only (no inline script, no eval), no framing, no sniffing, no referrer.
CORS stays off: no `Access-Control-Allow-*` header is ever sent.
"""
from __future__ import annotations

import json
from urllib.parse import urlsplit

CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")

HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # not "no-referrer": with it Chromium sends `Origin: null` on same-site form posts
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]


class SecurityMiddleware:
    def __init__(self, app, *, max_body_bytes: int, max_text_bytes: int, allowed_hosts: list[str] | None = None):
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.too_large = (f"request body over the limit of {max_body_bytes:,} bytes (an article may have up to "
                          f"{max_text_bytes:,} bytes; the server's --max-bytes sets it)")
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host_header = headers.get("host", "").lower()
        try:
            host = urlsplit("//" + host_header).hostname or ""
        except ValueError:
            host = ""
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            return await _reply(send, 400, "unknown Host header")
        origin = headers.get("origin")
        if scope["method"] not in ("GET", "HEAD", "OPTIONS") and origin:
            if origin == "null" or urlsplit(origin.lower()).netloc != host_header:
                return await _reply(send, 403, "cross-site request refused")
        declared = headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body_bytes):
            return await _reply(send, 413, self.too_large)
        body, more = bytearray(), True
        if scope["method"] in ("POST", "PUT", "PATCH"):
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body += message.get("body", b"")
                more = message.get("more_body", False)
                if len(body) > self.max_body_bytes:
                    return await _reply(send, 413, self.too_large)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = list(message.get("headers", [])) + HEADERS
            await send(message)

        await self.app(scope, replay if scope["method"] in ("POST", "PUT", "PATCH") else receive, send_with_headers)


async def _reply(send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())] + HEADERS})
    await send({"type": "http.response.body", "body": body})
