"""The Dask runner on a 2-worker LocalCluster: Parquet that reads back as `analyze` saw it."""
from __future__ import annotations

import json

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from invented_articles import write_jsonl
from presslens.cli import app
from presslens.distributed import TABLES, dask_client, run


@pytest.fixture(scope="module")
def client():
    with dask_client("local", workers=2) as client:
        yield client


def read(output, table):
    return ds.dataset(output / table, format="parquet", partitioning="hive").to_table().to_pylist()


def quote_key(q):
    return (q["article_id"], q["kind"], q["content_start"], q["content_end"], q["content"], q["speaker"],
            q["cue"])


def test_parquet_quotes_match_analyze(tmp_path, client):
    source = write_jsonl(tmp_path / "in.jsonl", 24, bad_lines=True)
    out = tmp_path / "w1.jsonl"
    CliRunner().invoke(app, ["analyze", str(source), "--input-format", "jsonl", "--workers", "1", "--output", str(out)])
    expected = []
    for line in out.read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        expected += [(a["id"], q["kind"], q["content"]["start"], q["content"]["end"], q["content"]["text"],
                      q["speaker"]["name"], (q["cue"] or {}).get("text")) for q in a["quotes"]]

    summary = run([str(source)], str(tmp_path / "parquet"), client=client, partition_size="2kB")
    assert summary.partitions >= 4 and summary.articles == 26 and summary.errors == 2
    assert sorted(quote_key(q) for q in read(tmp_path / "parquet", "quotes")) == sorted(expected)
    articles = read(tmp_path / "parquet", "articles")
    assert sorted(a["article_id"] for a in articles if a["errors"] == "[]") == sorted(f"inv-{i:03d}" for i in range(24))
    for table in TABLES:
        assert (tmp_path / "parquet" / table).is_dir()


def test_rerun_replaces_a_shard_and_globs_read_many(tmp_path, client):
    write_jsonl(tmp_path / "a.jsonl", 10)
    write_jsonl(tmp_path / "b.jsonl", 6)
    output = tmp_path / "parquet"
    run([str(tmp_path / "a.jsonl")], str(output), client=client, partition_size="1kB")
    first = sorted(quote_key(q) for q in read(output, "quotes"))
    summary = run([str(tmp_path / "*.jsonl")], str(output), client=client, partition_size="64kB")
    assert (summary.shards, summary.articles) == (2, 16)
    articles = read(output, "articles")
    assert len(articles) == 16 and len({a["shard"] for a in articles}) == 2
    a_quotes = sorted(quote_key(q) for q in read(output, "quotes") if q["shard"].startswith("a-"))
    assert a_quotes == first  # re-run replaced shard a: no duplicates, no stale parts


def test_cli_run_on_an_existing_scheduler(tmp_path, client):
    source = write_jsonl(tmp_path / "in.jsonl", 8)
    result = CliRunner().invoke(app, ["run", str(source), "--dask", client.scheduler.address,
                                      "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert len(read(tmp_path / "out", "articles")) == 8
    missing = CliRunner().invoke(app, ["run", str(tmp_path / "nothing-*.jsonl"), "--dask", client.scheduler.address,
                                       "--output", str(tmp_path / "out")])
    assert missing.exit_code == 2 and "no input matches" in missing.output


def test_warc_shards_are_read_on_the_workers(tmp_path, client):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from invented_articles import article

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(3):
            paragraphs = "".join(f"<p>{p}</p>" for p in article(i)["text"].split("\n\n"))
            body = f"<html><head><title>Harbour news {i}</title></head><body><article>{paragraphs}</article></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://herald.example/{i}", "response",
                                                          payload=BytesIO(body.encode()), http_headers=headers))
    summary = run([str(path)], str(tmp_path / "out"), client=client)
    assert (summary.shards, summary.partitions, summary.articles) == (1, 1, 3)
    quotes = read(tmp_path / "out", "quotes")
    assert {q["speaker"] for q in quotes} & {"Mara Velkin", "Tobias Rendt", "Ilse Marrow", "Dario Fenwick", "Aniela Storm"}


def test_dask_columns_are_named_as_export_names_them():
    """Issue 14 point 16: one naming for `presslens run` and `presslens export` (`speaker`, not `speaker_name`)."""
    from presslens.distributed import schema
    from presslens.store.schema import metadata

    store_only = {"id", "details", "source", "text_hash", "ingested_at"}  # the store's own bookkeeping
    for table in TABLES:
        if table not in metadata.tables:
            continue
        dask_columns = set(schema(table).names)
        expected = {c.name for c in metadata.tables[table].columns} - store_only
        if table == "articles":
            expected.discard("id")
        assert expected <= dask_columns, (table, sorted(expected - dask_columns))
    assert "speaker_name" not in schema("quotes").names and "speaker" in schema("quotes").names


def test_cli_run_names_each_failed_record(tmp_path, client):
    """Issue 14 point 16: exit 1 with the id and reason of every failed record, not silently."""
    source = write_jsonl(tmp_path / "in.jsonl", 4, bad_lines=True)
    result = CliRunner().invoke(app, ["run", str(source), "--dask", client.scheduler.address,
                                      "--output", str(tmp_path / "out")])
    assert result.exit_code == 1
    failed = [line for line in result.output.splitlines() if line.startswith("error: record")]
    assert len(failed) == 2, result.output
    assert any("empty" in line and "record empty" in line for line in failed)
    assert any("not valid JSON" in line or "JSON" in line for line in failed)


def test_pandas_reads_the_dask_output_as_the_scaling_guide_says(tmp_path, client):
    pandas = pytest.importorskip("pandas", reason="pandas comes with the `parquet` extra (`make test` installs it)")
    run([str(write_jsonl(tmp_path / "in.jsonl", 3))], str(tmp_path / "out"), client=client)
    quotes = pandas.read_parquet(tmp_path / "out" / "quotes")
    assert {"article_id", "speaker", "speaker_role", "content"} <= set(quotes.columns) and len(quotes) > 0
