"""`presslens run`: analyse JSONL and WARC shards on a Dask cluster into partitioned Parquet."""
from __future__ import annotations

import time

import typer

from ..validate import DEFAULT_MAX_BYTES
from .app import app, err_console, fail


@app.command()
def run(
    inputs: list[str] = typer.Argument(..., help="JSONL or WARC shards: paths, globs or fsspec URLs (s3://…, gs://…)."),
    output: str = typer.Option(..., "--output", "-o", help="Folder or fsspec URL for the Parquet datasets."),
    dask: str = typer.Option("local", "--dask", help="`local` (a LocalCluster on this machine) or a scheduler address tcp://HOST:PORT."),
    partition_size: str = typer.Option("8MiB", help="Bytes of input per task, cut at line ends (e.g. 4MiB, 500kB)."),
    workers: int = typer.Option(None, "--workers", "-w", min=1, help="Worker processes for --dask local (default: every core)."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, help="Refuse articles larger than this many bytes."),
    link: bool = typer.Option(False, "--link", help="Then link the Parquet written: stories and statements (a groupby on blocking keys)."),
    embedder: str = typer.Option("default", "--embedder", help="Evidence similarity for event links: use (default), e5, lexical."),
) -> None:
    """Analyse shards on Dask; write one Parquet dataset per table (articles, quotes, events, …)."""
    from dask.utils import parse_bytes

    from ..distributed import dask_client, run as run_on_dask

    if dask != "local" and "://" not in dask:
        fail(f"--dask must be `local` or a scheduler address like tcp://HOST:8786, got {dask!r}")
    try:
        parse_bytes(partition_size)
    except (ValueError, KeyError):
        fail(f"--partition-size must be a size such as 8MiB or 500000, got {partition_size!r}")
    from ..corpus import EMBEDDERS

    if embedder != "default" and embedder not in EMBEDDERS:
        fail(f"--embedder must be one of default, {', '.join(EMBEDDERS)}, got {embedder!r}")
    started = time.perf_counter()
    try:
        with dask_client(dask, workers) as client:
            summary = run_on_dask(inputs, output, client=client, partition_size=partition_size, max_bytes=max_bytes)
            if link:
                from ..distributed_links import link_parquet

                links = link_parquet(output, client=client, embedder=embedder)
                err_console.print(f"linked in {links.groups} groups: {links.stories} stories ({links.linked_stories} told "
                                  f"by several reports), {links.statements} statements ({links.linked_statements} carried "
                                  "by several articles)", highlight=False, soft_wrap=True)
    except (FileNotFoundError, OSError) as exc:
        fail(str(exc))
    elapsed = time.perf_counter() - started
    err_console.print(f"{summary.articles} articles from {summary.shards} shard(s) in {summary.partitions} partition(s), "
                      f"{summary.quotes} quotes, {summary.errors} with errors, {elapsed:.1f}s → {output}", highlight=False, soft_wrap=True)
    raise typer.Exit(1 if summary.errors else 0)
