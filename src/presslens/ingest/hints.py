"""A one-line hint when a JSONL or CSV file names its fields differently from presslens.

`field_hint(path, fields)` reads only the file's first record (a CSV's header, a JSONL file's
first object) and, when the text, date, outlet or title field presslens reads is not there,
says which `--field NAME=COLUMN` mappings to use, suggesting a column whose name is a usual
synonym (`COLUMN_SYNONYMS`, a table) and listing the columns found.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from .tabular import Fields

# The fields a hint covers, and column names that usually mean them (compared lower-case).
COLUMN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "text": ("body", "content", "article", "article_text", "full_text", "fulltext", "maintext", "story", "text_body"),
    "published": ("date", "pub_date", "publication_date", "published_at", "publish_date", "date_published",
                  "datetime", "timestamp", "pubdate", "created_at", "time"),
    "outlet": ("source", "publisher", "site", "site_name", "sitename", "media", "medium", "newspaper", "domain",
               "source_name", "outlet_name", "feed"),
    "title": ("headline", "heading", "name", "subject", "head", "article_title"),
}


def first_columns(path: Path) -> list[str] | None:
    """The field names of the first record of a JSONL or CSV file (top-level keys), or None."""
    try:
        if path.suffix.lower() == ".csv":
            with path.open(newline="", encoding="utf-8-sig") as fh:
                return next(csv.reader(fh), None)
        with path.open("rb") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    return list(record) if isinstance(record, dict) else None
    except (OSError, ValueError, csv.Error):
        return None
    return None


def _present(record_columns: list[str], column: str) -> bool:
    return column in record_columns or column.split(".")[0] in record_columns


def field_hint(path: Path, fields: Fields = Fields()) -> str | None:
    """One line naming the `--field` mappings `path` needs, or None when it needs none."""
    columns = first_columns(path)
    if not columns:
        return None
    lowered = {c.lower(): c for c in columns}
    missing, mappings = [], []
    for name, synonyms in COLUMN_SYNONYMS.items():
        if _present(columns, getattr(fields, name)):
            continue
        missing.append(name)
        guess = next((lowered[s] for s in synonyms if s in lowered), "COLUMN")
        mappings.append(f"--field {name}={guess}")
    if not missing:
        return None
    shown = ", ".join(columns[:12]) + (", …" if len(columns) > 12 else "")
    return (f"hint: {path.name} has no field presslens reads as {', '.join(missing)} (its fields: {shown}); "
            f"map them with {' '.join(mappings)}")
