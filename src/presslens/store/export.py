"""Write every store table to DIR as one Parquet (pyarrow), CSV or JSONL file, streaming in chunks —
the articles and findings, and the corpus links (identities, stories and their reports, statements
and their appearances).

JSON columns (`details`) are written as JSON text and timestamps as ISO 8601 strings, so the
three formats hold the same values. Each file is written beside itself and renamed into place
(`files.replacing`): a database error half-way leaves the previous export, never a truncated file.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import JSON, Boolean, DateTime, Engine, Float, Integer, Table, select

from ..files import replacing
from .corpus_schema import EXPORTED
from .schema import metadata

FORMATS = ("parquet", "csv", "jsonl")
TABLES = ("articles", "entities", "mentions", "quotes", "events", "framing", "time_expressions", "claims", "errors",
          "schema_version", *EXPORTED)
CHUNK = 1000


def _arrow_type(column) -> pa.DataType:
    if isinstance(column.type, Boolean):
        return pa.bool_()
    if isinstance(column.type, Integer):
        return pa.int64()
    if isinstance(column.type, Float):
        return pa.float64()
    return pa.string()


def _plain(value):
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _chunks(engine: Engine, table: Table) -> Iterator[list[dict]]:
    json_columns = [c.name for c in table.columns if isinstance(c.type, JSON)]
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=CHUNK).execute(
            select(table).order_by(*table.primary_key.columns))
        for rows in result.partitions(CHUNK):
            chunk = []
            for row in rows:
                record = {k: _plain(v) for k, v in row._mapping.items()}
                for name in json_columns:
                    record[name] = None if record[name] is None else json.dumps(record[name], ensure_ascii=False)
                chunk.append(record)
            yield chunk


def export(engine: Engine, fmt: str, out: Path) -> dict[str, Path]:
    """Write each table to `out/<table>.<fmt>`, each file whole or not at all; returns them by table name."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in TABLES:
        table = metadata.tables[name]
        path = out / f"{name}.{fmt}"
        with replacing(path) as tmp:
            _write_table(engine, table, fmt, tmp)
        written[name] = path
    return written


def _write_table(engine: Engine, table: Table, fmt: str, path: Path) -> None:
    if fmt == "parquet":
        schema = pa.schema([(c.name, _arrow_type(c)) for c in table.columns])
        with pq.ParquetWriter(path, schema) as writer:
            writer.write_table(schema.empty_table())
            for chunk in _chunks(engine, table):
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
    elif fmt == "csv":
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, [c.name for c in table.columns])
            writer.writeheader()
            for chunk in _chunks(engine, table):
                writer.writerows(chunk)
    else:
        with path.open("w", encoding="utf-8") as fh:
            for chunk in _chunks(engine, table):
                fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in chunk)
