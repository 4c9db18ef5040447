"""Check raw input before analysis: one clear reason instead of a traceback.

Rejects empty input, binary data, invalid UTF-8, input over the size limit and text that is
not English.  `InputError` carries the reason; the CLI prints it on one line and exits 2, a
batch stores it as the record's error and goes on.
"""
from __future__ import annotations

import re

DEFAULT_MAX_BYTES = 2_000_000

# the most frequent English function words; real English prose is full of them
_ENGLISH_STOPWORDS = frozenset("""
the of and to a in is that for on was with as by it he said at from his be are have has an
this not but were which or they their had been will its who would more after also than about
""".split())


class InputError(ValueError):
    """Input presslens refuses to analyse, with a reason a person can act on."""


def decode(raw: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Bytes → text, refusing binary data, invalid UTF-8 and oversized input."""
    if len(raw) > max_bytes:
        raise InputError(f"input is {len(raw):,} bytes, over the limit of {max_bytes:,} (raise it with --max-bytes)")
    if b"\x00" in raw[:8192]:
        raise InputError("input looks like binary data (it contains NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"input is not valid UTF-8 (byte {exc.start}: {raw[exc.start:exc.start + 1]!r})") from None
    return check_text(text, max_bytes)


def check_text(text: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Validate already-decoded text; returns it unchanged when it is acceptable."""
    if not isinstance(text, str):
        raise InputError(f"text must be a string, got {type(text).__name__}")
    if not text.strip():
        raise InputError("input is empty")
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise InputError(f"input is over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.01 * len(text):
        raise InputError("input looks like binary data (too many control characters), not text")
    if not is_english(text):
        raise InputError("input does not look like English text; presslens analyses English news only")
    return text


def is_english(text: str) -> bool:
    """Cheap language check: enough common English function words among the words."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 8:
        # too short to judge by function words: accept when it is mostly Latin letters
        letters = [c for c in text if c.isalpha()]
        return bool(letters) and sum(c.isascii() for c in letters) >= 0.8 * len(letters)
    share = sum(w in _ENGLISH_STOPWORDS for w in words) / len(words)
    return share >= 0.08
