"""Check raw input before analysis: one clear reason instead of a traceback.

Rejects empty input, binary data, undecodable bytes, input over the size limit and text that
is not English.  Bytes are read as UTF-8, or as UTF-16/UTF-32 when they start with that byte
order mark.  Accepted text is normalised the same way on every path (file, batch, ingest,
API), before any sink sees it:

- line endings: CRLF, lone CR, vertical tab, form feed, U+2028/U+2029 become `\\n`, so the
  same article gives the same result whatever system wrote it;
- control characters (C0 other than tab and line feed, DEL, C1) are removed — a NUL cannot
  be stored by PostgreSQL and means nothing in prose; more than 1% of them means binary data;
- a lone surrogate (`"\\ud800"` from JSON) is refused: it is not Unicode text and cannot be
  written as UTF-8.

Every character offset in an `Analysis` is into the normalised text, which the analysis
carries as `text`.  `InputError` carries the reason; the CLI prints it on one line and exits
2, a batch stores it as the record's error and goes on.
"""
from __future__ import annotations

import codecs
import re
from datetime import date
from typing import Any

DEFAULT_MAX_BYTES = 2_000_000

# the most frequent English function words; real English prose is full of them
_ENGLISH_STOPWORDS = frozenset("""
the of and to a in is that for on was with as by it he said at from his be are have has an
this not but were which or they their had been will its who would more after also than about
""".split())
# a "word" longer than this is not an English word (the longest in common use have about 30 letters)
LONGEST_WORD = 40

LINE_BREAK = re.compile("\r\n?|[\v\f\u2028\u2029]")
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
SURROGATE = re.compile("[\ud800-\udfff]")
BINARY_CONTROL_SHARE = 0.01

# byte order marks presslens decodes, longest first (the UTF-32 LE mark starts like UTF-16 LE's)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF8, "utf-8-sig"))


class InputError(ValueError):
    """Input presslens refuses to analyse, with a reason a person can act on."""


def _too_big(size: int, max_bytes: int) -> InputError:
    return InputError(f"input is {size:,} bytes, over the limit of {max_bytes:,} bytes (raise it with --max-bytes)")


def decode(raw: bytes, max_bytes: int = DEFAULT_MAX_BYTES, *, size: int | None = None) -> str:
    """Bytes → normalised text, refusing binary data, undecodable bytes and oversized input.

    `size` is the input's real size when `raw` is only its first `max_bytes + 1` bytes.
    """
    size = max(size or 0, len(raw))
    if size > max_bytes:
        raise _too_big(size, max_bytes)
    codec = next((name for bom, name in _BOMS if raw.startswith(bom)), None)
    if codec is None and b"\x00" in raw:
        raise InputError("input looks like binary data (it contains NUL bytes), not text")
    codec = codec or "utf-8"
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"input is not valid {codec.upper().removesuffix('-SIG')} "
                         f"(byte {exc.start}: {raw[exc.start:exc.start + 1]!r})") from None
    return check_text(text, max_bytes)


def normalise(text: str) -> str:
    """Line endings as `\\n`, control characters removed (the text presslens analyses)."""
    return CONTROL.sub("", LINE_BREAK.sub("\n", text))


def refuse_surrogates(value: str, what: str = "text") -> None:
    match = SURROGATE.search(value)
    if match:
        raise InputError(f"{what} holds a lone surrogate ({match.group()!a}) at character {match.start()}; "
                         "it is not valid Unicode text")


def printable(value: Any) -> str:
    """Any value as text safe to print or store: normalised, lone surrogates as U+FFFD (for error reports)."""
    return SURROGATE.sub("\ufffd", normalise(str(value)))


def check_text(text: Any, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Validate already-decoded text; returns it normalised (see the module docstring)."""
    if not isinstance(text, str):
        raise InputError(f"text must be a string, got {type(text).__name__}")
    refuse_surrogates(text)
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise _too_big(size, max_bytes)
    if not text.strip():
        raise InputError("input is empty")
    controls = len(CONTROL.findall(text))
    if controls > BINARY_CONTROL_SHARE * len(text):
        raise InputError("input looks like binary data (too many control characters), not text")
    text = normalise(text)
    if not text.strip():
        raise InputError("input is empty")
    if not is_english(text):
        raise InputError("input does not look like English text; presslens analyses English news only")
    return text


def check_field(value: Any, what: str) -> str | None:
    """A metadata field (title, outlet, url, id) → None or normalised single-line text."""
    if value is None:
        return None
    value = str(value)
    refuse_surrogates(value, what)
    return " ".join(normalise(value).split()) or None


def check_published(value: Any) -> str | None:
    """None/'' → None; a YYYY-MM-DD date (a full ISO timestamp is cut to its date) or `InputError`."""
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise InputError(f"published must be a date as YYYY-MM-DD, got {str(value)[:40]!r}") from None


def is_english(text: str) -> bool:
    """Cheap language check: real words, and enough common English function words among them."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    letters = sum(map(len, words))
    if not letters or sum(len(w) for w in words if len(w) > LONGEST_WORD) > letters / 2:
        return False  # mostly runs of letters no language has words for
    if len(words) < 8:
        # too short to judge by function words: accept when it is mostly Latin letters
        return sum(c.isascii() for w in words for c in w) >= 0.8 * letters
    share = sum(w in _ENGLISH_STOPWORDS for w in words) / len(words)
    return share >= 0.08
