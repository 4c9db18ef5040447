"""JSONL and CSV files → `Document`s, with configurable field names.

`Fields` maps the document's fields to the file's columns; a dotted name reaches into nested
JSON (`meta.publication_date`).  A line that is not JSON, a malformed CSV row, a row with
no text or a `published` that is not a YYYY-MM-DD date (a full ISO timestamp is cut to its
date) becomes a failed `Document` naming its line, and reading goes on.
"""
from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from ..validate import InputError, check_published
from .document import Document, failed


@dataclass(frozen=True)
class Fields:
    text: str = "text"
    id: str = "id"
    title: str = "title"
    url: str = "url"
    published: str = "published"
    outlet: str = "outlet"

    @classmethod
    def parse(cls, mappings: list[str]) -> "Fields":
        """`["text=body", "published=meta.date"]` → Fields; raises ValueError naming a bad mapping."""
        known = {f.name for f in fields(cls)}
        given = {}
        for mapping in mappings:
            name, sep, column = mapping.partition("=")
            if not sep or name.strip() not in known or not column.strip():
                raise ValueError(f"--field {mapping!r}: expected NAME=COLUMN with NAME one of {', '.join(sorted(known))}")
            given[name.strip()] = column.strip()
        return cls(**given)


def _get(record: dict, path: str) -> Any:
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _text(value: Any) -> str | None:
    return None if value is None or value == "" or value == "None" else str(value)


def from_record(record: dict, fields_: Fields, *, source: str, item: str) -> Document:
    text = _get(record, fields_.text)
    if text is not None and not isinstance(text, str):
        return failed(source, item, f"text must be a string, got {type(text).__name__} (field {fields_.text!r})")
    if text is None or not text.strip():
        return failed(source, item, f"no text in field {fields_.text!r}")
    try:
        published = check_published(_text(_get(record, fields_.published)))
    except InputError as exc:
        return failed(source, item, f"{exc} in field {fields_.published!r}")
    return Document(id=_text(_get(record, fields_.id)) or item, text=text, title=_text(_get(record, fields_.title)),
                    url=_text(_get(record, fields_.url)), outlet=_text(_get(record, fields_.outlet)),
                    published=published, source=source)


def read_jsonl(path: Path, fields_: Fields) -> Iterator[Document]:
    source = str(path)
    with path.open("rb") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            item = f"{path.name}:{number}"
            try:
                record = json.loads(line)
            except ValueError as exc:
                yield failed(source, item, f"line {number} is not valid JSON ({exc})")
                continue
            if not isinstance(record, dict):
                yield failed(source, item, f"line {number} is not a JSON object")
                continue
            yield from_record(record, fields_, source=source, item=item)


# one CSV record as the RFC 4180 grammar allows it: each field quoted (quotes doubled inside) or
# free of quotes; a stray quote (`He said "no"`) in a field makes the record malformed
_CSV_RECORD = re.compile(r'(?:"(?:[^"]++|"")*+"|[^",\r\n]*+)(?:,(?:"(?:[^"]++|"")*+"|[^",\r\n]*+))*+\r?\n?')


class _Taken:
    """A line iterator that keeps the lines read since `take()` was last called."""

    def __init__(self, lines):
        self.lines, self.taken = iter(lines), []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.taken.append(line)
        return line

    def take(self) -> str:
        raw, self.taken = "".join(self.taken), []
        return raw


def _csv_rows(fh) -> Iterator[tuple[int, int, list[str] | None, str | None]]:
    """`(first line, last line, fields or None, error or None)` of each record, parsed strictly."""
    lines = _Taken(fh)
    reader = csv.reader(lines, strict=True)
    while True:
        first = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            lines.take()
            yield first, max(first, reader.line_num), None, str(exc)
            continue
        if _CSV_RECORD.fullmatch(lines.take()) is None:
            yield first, reader.line_num, None, "a quote inside a field that is not quoted"
        else:
            yield first, reader.line_num, row, None


def read_csv(path: Path, fields_: Fields) -> Iterator[Document]:
    """Rows of a CSV file with a header row, parsed strictly (RFC 4180 quoting).

    A malformed row (a stray quote, a quoted field never closed, a wrong number of fields)
    fails with its line numbers; after a malformed row, the lines up to the next well-formed
    row with the header's number of fields are the rest of the broken record and are reported
    with it, never stored as articles of their own.
    """
    source = str(path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            rows = _csv_rows(fh)
            header = next(rows, None)
            if header is None or header[2] is None:
                yield failed(source, source, f"CSV has no readable header row ({header[3] if header else 'empty file'})")
                return
            columns = header[2]
            damaged: tuple[int, int, str] | None = None  # first line, last line, reason of a broken record
            number = 1
            for first, last, row, error in rows:
                if row == [] and error is None:
                    continue
                number += 1
                if damaged is not None and (error or len(row) != len(columns)):
                    damaged = (damaged[0], last, damaged[2])
                    continue
                if damaged is not None:
                    yield _bad_row(path, *damaged)
                    damaged = None
                if error is not None:
                    damaged = (first, last, error)
                elif len(row) != len(columns):
                    yield _bad_row(path, first, last, f"{len(row)} fields, the header has {len(columns)}")
                else:
                    yield from_record(dict(zip(columns, row)), fields_, source=source, item=f"{path.name}:{number}")
            if damaged is not None:
                yield _bad_row(path, *damaged)
    except UnicodeDecodeError as exc:
        yield failed(source, source, f"CSV could not be read ({exc})")


def _bad_row(path: Path, first: int, last: int, reason: str) -> Document:
    lines = f"line {first}" if first == last else f"lines {first}-{last}"
    return failed(str(path), f"{path.name}:{lines}", f"malformed CSV row at {lines}: {reason}; nothing stored from it")
