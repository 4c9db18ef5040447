"""Dask runner: analyse JSONL and WARC shards on a Dask cluster; write one Parquet dataset per table.

    with dask_client("local") as client:          # or "tcp://scheduler:8786"
        summary = run(["s3://bucket/news/*.jsonl"], "out/", client=client)

Each input file (local path, glob, or any fsspec URL) is a *shard*.  `dask.bytes.read_bytes`
cuts a JSONL shard into line-aligned byte blocks that the workers read themselves (a WARC
shard is one block, read by `presslens.ingest.warc`); each block is one task that parses it,
analyses the articles with the pipeline the worker process loaded once, and writes
`OUTPUT/<table>/shard=<shard>/part-<block>.parquet` for every table (`articles` plus one per record list of `Analysis`: quotes, entities, events, framing, …).  Before the
tasks run, the shard's old directories are removed, so re-running a shard replaces it.
Columns come from the dataclasses in `presslens.model`, named as `presslens export` names the
store's columns (`COLUMN_NAMES`): nested records are flattened with `_` (`speaker_role`,
`content_start`), a span's text takes the span's name (`content`, `cue`, `evidence`), a record's
own span is `text`, `text_start`, `text_end`; lists and dicts are stored as JSON text.
The failed records (id and reason) come back in the run's summary.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import posixpath
import types
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .batch import jsonl_records
from .extensions import RECORD_ATTRIBUTES
from .model import Analysis
from .parallel import analyze_chunk, default_workers, failed_analysis
from .validate import DEFAULT_MAX_BYTES

DEFAULT_PARTITION_SIZE = "8MiB"
ROW_GROUP_ARTICLES = 256  # articles analysed and written at a time within a partition
MAX_FAILURES_LISTED = 100  # failed records named in the summary (all are in the articles table's `errors`)
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst", ".lz4")
_ARROW_SCALARS = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


# --- tables: columns derived from the model's dataclasses ---------------------------------

def _unwrap_optional(hint: Any) -> Any:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0] if len(args) == 1 else hint
    return hint


def _columns(cls: type, prefix: str = "", path: tuple[str, ...] = ()) -> list[tuple[str, tuple[str, ...], pa.DataType]]:
    """(column name, key path into `asdict(record)`, Arrow type) for every leaf of a dataclass."""
    columns = []
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        hint = _unwrap_optional(hints[f.name])
        name, key = f"{prefix}{f.name}", (*path, f.name)
        if dataclasses.is_dataclass(hint):
            columns += _columns(hint, f"{name}_", key)
        else:
            columns.append((name, key, _ARROW_SCALARS.get(hint, pa.string())))  # anything else: JSON text
    return columns


# Flattened model name → the store's (and `presslens export`'s) column name, for one naming in both.
COLUMN_NAMES = {
    "*": {"start": "text_start", "end": "text_end", "speaker_name": "speaker", "speaker_entity_id": "entity_id"},
    "articles": {"id": "document_id", "schema": "analysis_schema"},
    "entities": {"id": "entity_key"},
}


def _store_name(table: str, name: str) -> str:
    renamed = COLUMN_NAMES.get(table, {}).get(name) or COLUMN_NAMES["*"].get(name)
    if renamed:
        return renamed
    return name[:-len("_text")] if name.endswith("_text") else name  # a span's text: `content_text` → `content`


def _named(table: str, columns: list[tuple[str, tuple[str, ...], pa.DataType]]):
    return [(_store_name(table, name), key, kind) for name, key, kind in columns]


def _record_types() -> dict[str, type]:
    hints = typing.get_type_hints(Analysis)
    return {name: typing.get_args(hints[name])[0] for name in RECORD_ATTRIBUTES}


RECORD_TYPES = _record_types()
ARTICLE_COLUMNS = _named("articles", [c for c in _columns(Analysis) if c[0] not in RECORD_TYPES])
TABLE_COLUMNS = {"articles": ARTICLE_COLUMNS, **{name: _named(name, _columns(cls)) for name, cls in RECORD_TYPES.items()}}
TABLES = tuple(TABLE_COLUMNS)
KEY_FIELDS = [("article_id", pa.string()), ("position", pa.int64())]  # position: index within the article


def schema(table: str) -> pa.Schema:
    head = KEY_FIELDS[:1] if table == "articles" else KEY_FIELDS
    return pa.schema([*head, *((name, kind) for name, _, kind in TABLE_COLUMNS[table])])


def _leaf(record: dict, key: tuple[str, ...], kind: pa.DataType) -> Any:
    value: Any = record
    for part in key:
        if value is None:
            return None
        value = value[part]
    if value is not None and kind == pa.string() and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return value


def table_rows(analysis: Analysis, article_id: str) -> dict[str, list[dict[str, Any]]]:
    """The rows each table gets from one analysis."""
    data = dataclasses.asdict(analysis)
    rows = {"articles": [{"article_id": article_id, **{n: _leaf(data, k, t) for n, k, t in ARTICLE_COLUMNS}}]}
    for table in RECORD_TYPES:
        rows[table] = [{"article_id": article_id, "position": i, **{n: _leaf(item, k, t) for n, k, t in TABLE_COLUMNS[table]}}
                       for i, item in enumerate(data[table])]
    return rows


# --- one partition, on a worker -----------------------------------------------------------

def _parse_lines(block: bytes, where: str) -> list[dict | Analysis]:
    """Records of a JSONL block; an unreadable line becomes a failed `Analysis` in its place."""
    return [failed_analysis(r, r["_error"]) if "_error" in r else r for r in jsonl_records(block.splitlines(), where)]


def analyse_partition(block: bytes, shard: str, part: int, output: str, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """Analyse one JSONL block of a shard and write its Parquet files; returns counts for the summary."""
    return _analyse_and_write(_parse_lines(block, f"{shard}/{part}"), shard, part, output, max_bytes)


def analyse_warc(url: str, shard: str, output: str, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """Analyse the HTML responses of one WARC file (a partition of its own) with `presslens.ingest.warc`."""
    import tempfile
    from pathlib import Path

    import fsspec

    from .ingest.warc import read_warc

    with tempfile.TemporaryDirectory() as tmp:
        local = Path(tmp) / posixpath.basename(url)
        fs, path = fsspec.core.url_to_fs(url)
        fs.get(path, str(local))  # the reader wants a local file; a local input is copied too, rarely large
        items = [failed_analysis({"id": d.id}, d.error) if d.error else d.to_record()
                 for d in read_warc(local, max_bytes=max_bytes)]
    return _analyse_and_write(items, shard, 0, output, max_bytes)


def _analyse_and_write(items: list[dict | Analysis], shard: str, part: int, output: str, max_bytes: int) -> dict[str, Any]:
    import fsspec

    fs, root = fsspec.core.url_to_fs(output)
    writers: dict[str, pq.ParquetWriter] = {}
    counts = {"articles": 0, "errors": 0, "quotes": 0, "failures": []}
    try:
        for table in TABLES:
            directory = posixpath.join(root, table, f"shard={shard}")
            fs.makedirs(directory, exist_ok=True)
            writers[table] = pq.ParquetWriter(posixpath.join(directory, f"part-{part:05d}.parquet"), schema(table),
                                              filesystem=fs)
        for start in range(0, len(items), ROW_GROUP_ARTICLES):
            group = items[start:start + ROW_GROUP_ARTICLES]
            analysed = iter(analyze_chunk([r for r in group if isinstance(r, dict)], max_bytes))
            rows: dict[str, list] = {table: [] for table in TABLES}
            for item in group:
                analysis = item if isinstance(item, Analysis) else next(analysed)
                article_id = analysis.id if analysis.id is not None else str(item["id"])
                for table, table_rows_ in table_rows(analysis, article_id).items():
                    rows[table] += table_rows_
                counts["articles"] += 1
                counts["errors"] += bool(analysis.errors)
                if analysis.errors and len(counts["failures"]) < MAX_FAILURES_LISTED:
                    counts["failures"].append((article_id, "; ".join(analysis.errors)))
                counts["quotes"] += len(analysis.quotes)
            for table, writer in writers.items():
                writer.write_table(pa.Table.from_pylist(rows[table], schema=schema(table)))
    finally:
        for writer in writers.values():
            writer.close()
    return counts


# --- the driver ---------------------------------------------------------------------------

@dataclass
class RunSummary:
    shards: int
    partitions: int
    articles: int
    errors: int
    quotes: int
    failures: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (article id, reason), the first ones


def shard_name(path: str) -> str:
    """A readable, collision-free directory name for an input file: stem plus a short hash of the path."""
    stem = posixpath.basename(path).split(".")[0] or "shard"
    return f"{stem}-{hashlib.sha1(path.encode()).hexdigest()[:8]}"


def expand_inputs(inputs: list[str]) -> list[str]:
    """Input paths, globs or fsspec URLs → absolute file URLs (the same shard names from any working
    directory); raises if one matches nothing."""
    import fsspec

    files = []
    for pattern in inputs:
        fs, _ = fsspec.core.url_to_fs(pattern)
        matched = fs.glob(pattern) if fsspec.core.has_magic(pattern) else [pattern] if fs.exists(pattern) else []
        if not matched:
            raise FileNotFoundError(f"no input matches {pattern}")
        files += sorted(fs.unstrip_protocol(posixpath.normpath(fs._strip_protocol(p))) for p in matched)
    return files


def run(inputs: list[str], output: str, *, client, partition_size: str | int = DEFAULT_PARTITION_SIZE,
        max_bytes: int = DEFAULT_MAX_BYTES) -> RunSummary:
    """Analyse every JSONL or WARC shard in `inputs` on the Dask `client`'s cluster; write Parquet under `output`."""
    import dask
    import fsspec
    from dask.bytes import read_bytes
    from dask.utils import parse_bytes

    blocksize = parse_bytes(partition_size)
    fs, root = fsspec.core.url_to_fs(output)
    output = fs.unstrip_protocol(root)  # absolute, so every worker writes to the same place
    tasks = []
    files = expand_inputs(inputs)
    for path in files:
        shard = shard_name(path)
        for table in TABLES:  # idempotent per shard: its previous output goes before the new is written
            old = posixpath.join(root, table, f"shard={shard}")
            if fs.exists(old):
                fs.rm(old, recursive=True)
        if path.endswith(WARC_SUFFIXES):
            tasks.append(dask.delayed(analyse_warc, pure=False)(path, shard, output, max_bytes))
            continue
        compressed = path.endswith(COMPRESSED_SUFFIXES)
        _, blocks = read_bytes(path, delimiter=b"\n", sample=False, compression="infer",
                               blocksize=None if compressed else blocksize)
        for part, block in enumerate(blocks[0]):
            tasks.append(dask.delayed(analyse_partition, pure=False)(block, shard, part, output, max_bytes))
    counts = client.gather(client.compute(tasks))
    failures = [failure for c in counts for failure in c["failures"]][:MAX_FAILURES_LISTED]
    return RunSummary(shards=len(files), partitions=len(counts), articles=sum(c["articles"] for c in counts),
                      errors=sum(c["errors"] for c in counts), quotes=sum(c["quotes"] for c in counts),
                      failures=failures)


@contextmanager
def dask_client(address: str, workers: int | None = None) -> Iterator[Any]:
    """`local` starts a LocalCluster (one single-threaded process per core); otherwise connect to `address`."""
    from dask.distributed import Client, LocalCluster

    if address == "local":
        with LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            yield client
    else:
        with Client(address) as client:
            yield client
