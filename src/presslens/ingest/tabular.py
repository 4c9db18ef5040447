"""JSONL and CSV files → `Document`s, with configurable field names.

`Fields` maps the document's fields to the file's columns; a dotted name reaches into nested
JSON (`meta.publication_date`).  A line that is not JSON, or a row with no text, becomes a
failed `Document` naming its line, and reading goes on.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

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
    if not isinstance(text, str) or not text.strip():
        return failed(source, item, f"no text in field {fields_.text!r}")
    published = _text(_get(record, fields_.published))
    return Document(id=_text(_get(record, fields_.id)) or item, text=text, title=_text(_get(record, fields_.title)),
                    url=_text(_get(record, fields_.url)), outlet=_text(_get(record, fields_.outlet)),
                    published=published[:10] if published else None, source=source)


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


def read_csv(path: Path, fields_: Fields) -> Iterator[Document]:
    source = str(path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            for number, row in enumerate(reader, 2):
                yield from_record(row, fields_, source=source, item=f"{path.name}:{number}")
    except (UnicodeDecodeError, csv.Error) as exc:
        yield failed(source, source, f"CSV could not be read ({exc})")
